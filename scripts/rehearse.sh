#!/usr/bin/env bash
# DialControl's main job, locally: starts moto_server, seeds a two-region DIAL estate and runs every
# reaction end to end through the real handlers and the real state machine definition.
# Usage: scripts/rehearse.sh [--scenario scale|quota|failover]... [--keep-moto] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/prerequisites.sh
require_prerequisites rehearsal

# Build what the rehearsal runs (the tool and, through it, the functions) on a fresh clone too. Only
# errors are printed: a failed build must say why rather than end the script silently.
echo "rehearse: installing the npm tools and building (first run takes a few minutes)..." >&2
npm ci --no-audit --no-fund --loglevel=error >/dev/null
if ! dotnet build src/Tools/DialControl.Rehearsal -c Release -nologo -v q -clp:ErrorsOnly; then
  echo "rehearse: the build failed (errors above); fix them and run again." >&2
  exit 2
fi
exec dotnet run --project src/Tools/DialControl.Rehearsal -c Release --no-build -- "$@"
