#!/usr/bin/env bash
# Every test: set up, build the whole solution, run all test projects, and finish with one line
# "N passed, M failed[, K skipped]". Exits non-zero when anything fails.
set -uo pipefail
cd "$(dirname "$0")"
./scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet build VfeTps.Stream.sln --nologo --verbosity quiet 2>&1 | tee "$log"; then
  echo "The build failed; no test ran."
  echo "0 passed, 1 failed"
  exit 1
fi
dotnet test --solution VfeTps.Stream.sln --no-build --no-progress --output Detailed 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform ends with one summary for the whole solution.
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
total=$(count total); failed=$(count failed); passed=$(count succeeded); skipped=$(count skipped)
if [ "$total" -eq 0 ]; then
  echo "No test ran (dotnet test exited with $status)."
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the runner failed without a failing test (a crash, a timeout): count it
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
