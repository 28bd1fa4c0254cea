#!/usr/bin/env bash
# FeedSafe's reference workload side by side with the Python peers (T-RECS, RecSim, NumPy,
# plain Python) on the same machine, in one go. Installs the peers into a virtual environment
# as ../shared/peers/README.md says, builds FeedSafe's reference-workload binary (release),
# runs every configuration and prints a markdown report (Benchmarks/RESULTS.md holds one).
#
#   bash Benchmarks/compare-peers.sh                    # everything (~25-35 min on 2 cores)
#   bash Benchmarks/compare-peers.sh --only numpy       # FeedSafe and one peer
#   bash Benchmarks/compare-peers.sh --output /tmp/peers.md
#   bash Benchmarks/compare-peers.sh --rounds 5         # median of 5 rounds (default 3)
#
# Environment: PEERS_DIR (default ../shared/peers beside the repository), PEERS_VENV
# (default Benchmarks/.peers-venv), FEEDSAFE_TARGET_CPU (see Benchmarks/Package.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
peers=${PEERS_DIR:-$(cd .. && pwd)/shared/peers}
venv=${PEERS_VENV:-$PWD/Benchmarks/.peers-venv}
if [ ! -f "$peers/workload.py" ]; then
  echo "compare-peers: no peer scripts at $peers (set PEERS_DIR)" >&2
  exit 2
fi
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import numpy, trecs, recsim" 2>/dev/null; then
  echo "compare-peers: installing the peers into $venv (once)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy scipy threadpoolctl networkx tqdm pandas gin-config absl-py gym six
  # both peers pin dependencies that do not install on Python 3.11; the peers README installs
  # them without dependencies (bench_trecs.py stubs the lenskit import it does not use)
  "$venv/bin/pip" install --quiet --no-deps trecs==0.2.1 recsim-no-tf==0.2.3
fi
echo "compare-peers: building reference-workload (release)" >&2
swift build -c release --package-path Benchmarks --product reference-workload >&2
bin=$(swift build -c release --package-path Benchmarks --show-bin-path)/reference-workload
exec "$venv/bin/python" Benchmarks/compare_peers.py --peers "$peers" --feedsafe "$bin" "$@"
