#!/usr/bin/env bash
# The main job. Until the video pipeline lands (issue 5) this is the model's own loop: set up, build,
# generate SynthPedes (once), train the tiny VFE-TPS model on it, and print its test evaluation.
#   ./run.sh                      # default: 12 epochs of the tiny recipe (about half an hour on 2 cores)
#   EPOCHS=2 ./run.sh             # a quicker look
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build training/Training.Cli/VfeTps.Stream.Training.Cli.csproj -c Release --nologo --verbosity quiet
cli() { dotnet training/Training.Cli/bin/Release/net10.0/vfetps-train.dll "$@"; }

data=data/synthpedes
if [ ! -f "$data/synthpedes.json" ]; then
  cli synth --output "$data"
fi
run="runs/tiny-$(date +%Y%m%d-%H%M%S)"
cli train --recipe training/recipes/tiny-synthpedes.json --dataset "$data" --output "$run" ${EPOCHS:+--epochs "$EPOCHS"}
cli evaluate --run "$run"
echo "Run folder: $run (checkpoints, metrics.jsonl, loss.png, validation.png, evaluation/)"
