#!/usr/bin/env bash
# Wall time and peak memory of FeedSafe's default engine as people and catalogue grow
# (Benchmarks/RESULTS.md). Usage: bash Benchmarks/scaling.sh [people...] ; items fixed at 20k,
# then people fixed at 10k with items 10k → 1M.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
bin=.build/release/feedsafe
measure() {
  local people=$1 items=$2
  /usr/bin/time -f "%e %M" "$bin" run Benchmarks/scaling.yaml --people "$people" --items "$items" \
    --no-store --quiet --format csv 2>&1 >/dev/null | tail -1 | {
    read -r seconds kib
    printf '| %s | %s | %s | %.0f |\n' "$people" "$items" "$seconds" "$((kib / 1024))"
  }
}
echo "| people | items | wall s | peak RSS MiB |"
echo "|---:|---:|---:|---:|"
for people in ${@:-10000 100000 1000000}; do measure "$people" 20000; done
for items in 10000 100000 1000000; do measure 10000 "$items"; done
