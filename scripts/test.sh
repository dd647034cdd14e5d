#!/usr/bin/env bash
# Runs every DialControl test: build with warnings as errors, then the unit, wire-contract,
# moto_server integration, hosting (AOT bootstrap), template and state machine tests.
# Usage: scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Eks]
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/prerequisites.sh
require_prerequisites

echo "==> npm ci (asl-validator, aws-local-stepfunctions)"
npm ci --no-audit --no-fund --loglevel=error >/dev/null

echo "==> dotnet build (Release, warnings are errors)"
dotnet build DialControl.sln -c Release -warnaserror -nologo -clp:ErrorsOnly

echo "==> dotnet test"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
dotnet test DialControl.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The end-to-end rehearsal (the README's first command) is part of the tests: CI runs it too.
echo "==> rehearsal (scripts/rehearse.sh, every scenario against moto_server)"
set +e
dotnet run --project src/Tools/DialControl.Rehearsal -c Release --no-build
rehearsal=$?
set -e
if [ "$rehearsal" -ne 0 ]; then
  echo "rehearsal failed (exit $rehearsal); see the timeline above and artifacts/rehearsal/*.log" >&2
fi

# One closing line over every test assembly, in the plain form CI reads.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ] || [ "$rehearsal" -ne 0 ]; then
  exit 1
fi
