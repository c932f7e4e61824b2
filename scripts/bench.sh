#!/usr/bin/env bash
# The embedded site's benchmark: decode and detection ms/frame per detector, how many cameras at
# 5 frames/s this machine sustains (the real site, N = 1, 2, 4, 8, 12, …), capture-to-searchable latency
# p50/p95, search latency p50/p95 at 10 k, 100 k and 1 M indexed crops, the control room's costs
# (audit appends per second and per page of thumbnails, watchlist matching per crop, sign-in hashing),
# peak memory.
# Writes bench/site/site-bench.{json,md} and PNG plots. Takes about 15 minutes on 2 cores.
#   scripts/bench.sh
#   scripts/bench.sh --sizes 10000 100000 --max-cameras 4     # a quicker look
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/SiteBench/VfeTps.Stream.SiteBench.csproj -c Release --nologo --verbosity quiet
exec dotnet src/SiteBench/bin/Release/net10.0/vfetps-bench.dll "$@"
