#!/usr/bin/env bash
# The main job: the embedded site. Sets up this machine (Debian packages, vtest.avi, NuGet), builds,
# and starts FrameIngest, PersonCrop, Embedder and Search in one process with the demo cameras
# (synthetic street scenes rendered on first start, and OpenCV's real vtest.avi), serving the
# default model bundle. Prints the URL; stop with Ctrl+C. Data stays in data/site between runs.
#   ./run.sh                 # http://localhost:8080 (this machine only: the API has no authentication yet)
#   PORT=9000 ./run.sh
#   BIND=0.0.0.0 ./run.sh    # reachable from the network: only on a trusted network until access control lands
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build services/Host/VfeTps.Stream.Host.csproj -c Release --nologo --verbosity quiet
port=${PORT:-8080}
bind=${BIND:-127.0.0.1}
echo "[run] starting the embedded site on http://localhost:$port (search: POST /api/search, API document: /openapi/v1.json)"
exec dotnet services/Host/bin/Release/net10.0/vfetps.dll --urls "http://$bind:$port" "$@"
