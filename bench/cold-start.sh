#!/usr/bin/env bash
# Cold start of the Lambda bootstrap, Native AOT against the same code under the JIT, in one run:
# publishes both, then starts each N times (default 15) against a local fake Runtime API and reports
# the median time from process start to the first response posted, the peak RSS and the zip size.
# Usage: bench/cold-start.sh [runs]      Results: docs/performance.md
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-15}"
out="$(mktemp -d "${TMPDIR:-/tmp}/dialcontrol-bench.XXXXXX")"
trap 'rm -rf "$out"' EXIT

echo "==> dotnet publish src/Functions (Native AOT, linux-x64)"
dotnet publish src/Functions -c Release -r linux-x64 -o "$out/aot" -nologo -clp:ErrorsOnly --disable-build-servers
echo "==> dotnet publish src/Functions (JIT, framework-dependent)"
dotnet publish src/Functions -c Release -p:PublishAot=false -o "$out/jit" -nologo -clp:ErrorsOnly \
  --disable-build-servers
echo "==> dotnet build bench/ColdStart"
dotnet build bench/ColdStart -c Release -nologo -clp:ErrorsOnly --disable-build-servers >/dev/null

echo "==> $runs cold starts of each"
dotnet bench/ColdStart/bin/Release/net10.0/ColdStart.dll \
  --aot "$out/aot/bootstrap" --jit "$out/jit/bootstrap.dll" --runs "$runs"
