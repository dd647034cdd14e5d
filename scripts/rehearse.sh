#!/usr/bin/env bash
# DialControl's main job, locally: starts moto_server, seeds a two-region DIAL estate and runs every
# reaction end to end through the real handlers and the real state machine definition.
# Usage: scripts/rehearse.sh [--scenario scale|quota|failover]... [--keep-moto] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/prerequisites.sh
require_prerequisites

npm ci --no-audit --no-fund --loglevel=error >/dev/null
dotnet build src/Tools/DialControl.Rehearsal -c Release -nologo -clp:ErrorsOnly -v q >/dev/null
exec dotnet run --project src/Tools/DialControl.Rehearsal -c Release --no-build -- "$@"
