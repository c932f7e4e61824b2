#!/usr/bin/env bash
# The main job. Until the pipeline lands (issues 3–5) this is the model itself: set up, build,
# and benchmark the VFE-TPS model (tiny and paper configurations) on this machine.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build training/Training.Cli/VfeTps.Stream.Training.Cli.csproj -c Release --nologo --verbosity quiet
dotnet training/Training.Cli/bin/Release/net10.0/vfetps-train.dll bench --output "${BENCH_OUTPUT:-artifacts/bench}" "$@"
