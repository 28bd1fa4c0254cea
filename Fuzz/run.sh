#!/usr/bin/env bash
# Fuzzes the scenario parser with libFuzzer for SECONDS (default 60); exits non-zero on a crash,
# a hang (> 10 s on one input) or running out of memory (> 2 GiB). Seed corpus: every scenario in
# scenarios/ and every fixture in Tests/Fixtures/. Crash inputs are written to Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
  -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | tail -1
binary="$(swift build -c release --show-bin-path)/fuzz-scenario"
corpus=$(mktemp -d)
find ../scenarios ../Tests/Fixtures -name '*.yaml' -exec cp {} "$corpus/" \;
mkdir -p artifacts
cd "$corpus"
# Swift's backtracer would otherwise catch the trap first and libFuzzer would write no crash file.
SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$OLDPWD/artifacts/" "$corpus"
