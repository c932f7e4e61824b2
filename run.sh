#!/usr/bin/env bash
# The main job: the embedded site. Sets up this machine (Debian packages, vtest.avi, NuGet), builds,
# and starts FrameIngest, PersonCrop, Embedder and Search in one process with the demo cameras
# (synthetic street scenes rendered on first start, and OpenCV's real vtest.avi), serving the
# default model bundle. Prints the URL (the control-room UI) and, on the first start, the admin's
# password once; stop with Ctrl+C. Data stays in data/site between runs.
#   ./run.sh                 # http://localhost:8080, this machine only
#   PORT=9000 ./run.sh
#   BIND=0.0.0.0 ./run.sh    # reachable from the network: plain HTTP, so put TLS in front (see README)
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build services/Host/VfeTps.Stream.Host.csproj -c Release --nologo --verbosity quiet
port=${PORT:-8080}
bind=${BIND:-127.0.0.1}
echo "[run] starting the embedded site on http://localhost:$port (control room: open it in a browser)"
exec dotnet services/Host/bin/Release/net10.0/vfetps.dll --urls "http://$bind:$port" "$@"
