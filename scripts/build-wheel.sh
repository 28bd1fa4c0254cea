#!/usr/bin/env bash
# Builds the Python package's wheel for Linux x86-64 with the static `feedsafe` binary inside,
# so `pip install` of that one file gives `import feedsafe` and `feedsafe.run(...)` on a machine
# with neither Swift nor libsqlite3 (docs/python.md).
#
# Output: python/dist/feedsafe-<version>-py3-none-manylinux_2_<N>_x86_64.whl; the last line of
# stdout is its absolute path. The binary comes from scripts/build-static.sh (built, stripped
# and checked there). The platform tag's glibc version N is read off the binary itself: the
# newest GLIBC_2.N symbol version it needs, so pip refuses the wheel where the binary cannot run.
# Needs python3 with pip and network access to PyPI (pip fetches the build backend, hatchling).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=$(bash scripts/build-static.sh | tail -1)
glibc_minor=$(objdump -T "$binary" | grep -o 'GLIBC_2\.[0-9]*' | cut -d. -f2 | sort -n | tail -1)
platform="manylinux_2_${glibc_minor}_x86_64"

dist="$PWD/python/dist"
rm -rf "$dist"
FEEDSAFE_WHEEL_BINARY="$binary" FEEDSAFE_WHEEL_PLATFORM="$platform" \
  python3 -m pip wheel --quiet --no-deps --wheel-dir "$dist" ./python >&2
wheel=$(ls "$dist"/feedsafe-*-py3-none-"$platform".whl)
# The binary must be in it, executable.
python3 - "$wheel" <<'PY' >&2
import stat, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    info = wheel.getinfo("feedsafe/bin/feedsafe")
    mode = info.external_attr >> 16
    if not mode & stat.S_IXUSR:
        sys.exit(f"{sys.argv[1]}: feedsafe/bin/feedsafe is not executable (mode {oct(mode)})")
    print(f"build-wheel.sh: {sys.argv[1]} holds feedsafe/bin/feedsafe ({info.file_size} bytes, mode {oct(mode)})")
PY
echo "build-wheel.sh: $(du -h "$wheel" | cut -f1) $wheel" >&2
echo "$wheel"
