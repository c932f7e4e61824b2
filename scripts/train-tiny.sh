#!/usr/bin/env bash
# The model's own loop (the ML team's main job): set up, build, generate SynthPedes (once), train the
# tiny VFE-TPS model on it, print its test evaluation and publish it as a model bundle (ONNX towers,
# tokenizer, manifest) that serving can load.
#   scripts/train-tiny.sh                    # default: 12 epochs of the tiny recipe (about half an hour on 2 cores)
#   EPOCHS=2 scripts/train-tiny.sh           # a quicker look
set -euo pipefail
cd "$(dirname "$0")/.."
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
cli publish --run "$run" --output "$run/bundle"
echo "Run folder: $run (checkpoints, metrics.jsonl, loss.png, validation.png, evaluation/, bundle/)"
