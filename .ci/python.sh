#!/usr/bin/env bash
# CI for the Python package (docs/python.md) and for FeedSafeCore as a package dependency:
# builds the static binary and the wheel, installs the wheel into a fresh venv, runs the
# acceptance one-liner with no Swift on PATH, the pytest suite and the notebooks with the
# installed wheel, then builds and runs examples/embedding. `.ci/run` calls it last; it also
# runs alone (bash .ci/python.sh). Measured on 2 cores: 295 s with no build folders (150 s of
# it the static build, 44 s the embedding build), 115 s with both cached. Exits non-zero on any
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."

python_started=$(date +%s)
step_started=$python_started
# Each header says how long the step before it took, and how long this script has run.
step() {
  local now
  now=$(date +%s)
  printf '\n== python: %s (previous step %d s; at %d s)\n' "$*" "$((now - step_started))" \
    "$((now - python_started))"
  step_started=$now
}
work=$(mktemp -d)
# The versions the notebooks pin, for every venv here (one list of pins).
pin() { grep -E "^$1==" notebooks/requirements.txt; }

step "static binary (scripts/build-static.sh: Swift runtime and SQLite linked in)"
binary=$(bash scripts/build-static.sh | tail -1)
ls -l "$binary"

step "wheel (scripts/build-wheel.sh)"
wheel=$(bash scripts/build-wheel.sh | tail -1)
ls -l "$wheel"

step "a fresh venv with the wheel and its dependencies only"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$wheel" "$(pin pandas)" "$(pin numpy)"

step "acceptance: feedsafe.run from the wheel, with no Swift on PATH"
# Nothing from this environment: no Swift, no FEEDSAFE_BINARY, the venv's python first.
clean=(env -i PATH="$work/venv/bin:/usr/bin:/bin" HOME="$HOME" FEEDSAFE_DB="$work/acceptance.sqlite")
if "${clean[@]}" which swift; then
  echo "swift is on the stripped PATH: the acceptance run would prove nothing"
  exit 1
fi
"${clean[@]}" python -c "import feedsafe, sys; b = feedsafe.find_binary(); print('binary:', b); sys.exit(b != feedsafe.binary.BUNDLED)"
"${clean[@]}" python -c "import feedsafe; r = feedsafe.run('scenarios/quickstart.yaml'); print(r.metrics().head())"

step "pytest python/ (real runs of the wheel's binary on tiny worlds)"
"$work/venv/bin/pip" install --quiet "pyarrow==26.0.1" "pytest==9.0.3" "black==26.10.1"
"$work/venv/bin/black" --check --quiet python/
"${clean[@]}" python -m pytest -q -p no:cacheprovider python/

step "notebooks: outputs stripped, then executed headless with the installed wheel"
python3 notebooks/check_stripped.py notebooks/*.ipynb
# Their requirements but the ./python line: the wheel is the package under test here.
grep -v '^\./python$' notebooks/requirements.txt >"$work/notebook-requirements.txt"
"$work/venv/bin/pip" install --quiet -r "$work/notebook-requirements.txt"
# Tiny runs of each notebook's scenario first, through the package: the notebooks analyse the
# runs a store holds and make (larger, minutes-long) runs only when it holds none.
"${clean[@]}" FEEDSAFE_DB="$work/notebooks.sqlite" python - <<'PY'
import feedsafe

tiny = dict(people=300, items=3000, days=3, burn_in=2, seeds=3)
feedsafe.run("scenarios/profiling-off-by-default.yaml", **tiny)
feedsafe.run("scenarios/age-assurance.yaml", **tiny)
for feed in ("current", "candidate-neutral", "candidate-more-engagement"):
    feedsafe.run("scenarios/regression/for-you.yaml",
                 feeds=[f"scenarios/regression/feeds/{feed}.yaml"], **tiny)
PY
"${clean[@]}" FEEDSAFE_DB="$work/notebooks.sqlite" \
  jupyter nbconvert --to notebook --execute --output-dir "$work/executed" notebooks/*.ipynb
python3 notebooks/check_images.py "$work/executed"/*.ipynb

step "FeedSafeCore as a dependency: examples/embedding builds and runs in-process"
swift build -c release --package-path examples/embedding
"$(swift build -c release --package-path examples/embedding --show-bin-path)/feedsafe-embedding" \
  >"$work/embedding.txt"
cat "$work/embedding.txt"
grep -q "^no_protections: children's exposure_per_1k" "$work/embedding.txt"
grep -q "^childrens_code: children's exposure_per_1k" "$work/embedding.txt"

step "done"
echo "python CI passed in $(($(date +%s) - python_started)) s"
