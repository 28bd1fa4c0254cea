#!/usr/bin/env bash
# Wall time and peak memory of FeedSafe's default engine as people and catalogue grow
# (Benchmarks/RESULTS.md). Usage: bash Benchmarks/scaling.sh [people|items] [sizes...]
#   bash Benchmarks/scaling.sh people 10000 100000 1000000   # items fixed at 20,000
#   bash Benchmarks/scaling.sh items 10000 100000 1000000    # people fixed at 10,000
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
bin=.build/release/feedsafe
axis=${1:-people}
shift || true
sizes=${*:-10000 100000 1000000}
log=$(mktemp)
echo "| people | items | wall s | peak RSS MiB | impressions/s |"
echo "|---:|---:|---:|---:|---:|"
for size in $sizes; do
  if [ "$axis" = people ]; then people=$size items=20000; else people=10000 items=$size; fi
  /usr/bin/time -f "%e %M" -o "$log" "$bin" run Benchmarks/scaling.yaml --people "$people" --items "$items" \
    --no-store --quiet --format csv --detail >"$log.csv"
  read -r seconds kib <"$log"
  # Impressions: minutes_per_day × days × people × 60 ÷ mean item seconds (35) is an estimate;
  # the exact count is exposures ÷ rate, so report the engine's own count from the daily series.
  minutes=$(grep '^engagement,all,all,minutes_per_day,' "$log.csv" | cut -d, -f5)
  rate=$(awk -v m="$minutes" -v p="$people" -v s="$seconds" 'BEGIN { printf "%.0f", m * 7 * p * 60 / 35 / s }')
  printf '| %s | %s | %s | %d | ≈ %s |\n' "$people" "$items" "$seconds" "$((kib / 1024))" "$rate"
done
rm -f "$log" "$log.csv"
