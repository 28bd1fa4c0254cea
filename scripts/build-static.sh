#!/usr/bin/env bash
# Builds the `feedsafe` command line as one self-contained Linux binary and checks it.
#
# Output: .build-static/bin/feedsafe (relative to the repository root), stripped. The last line
# of stdout is that path, absolute, so a Dockerfile or another script can copy it:
#   bash scripts/build-static.sh && cp .build-static/bin/feedsafe /usr/local/bin/
#
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib) and so is
# SQLite (libsqlite3.a from libsqlite3-dev), so the binary runs on a Linux x86-64 machine with
# glibc 2.35 and libstdc++6 from GCC 12 or later (Debian 12, Ubuntu 22.04 and later: both are
# in every base image) and neither Swift nor libsqlite3 installed. SQLite is made static here, in
# the build script, not in Package.swift: SwiftPM refuses unsafe linker flags in a package that
# others depend on, and a normal `swift build` should keep using the system library.
#
# How: Package.swift's CSQLite target asks pkg-config for sqlite3's flags, and the system's
# sqlite3.pc puts `-L/usr/lib/x86_64-linux-gnu` first, where libsqlite3.so wins over the archive
# (an extra `-Xlinker -L` comes too late). So this script hands SwiftPM its own sqlite3.pc, through
# PKG_CONFIG_PATH, whose -L folder (.build-static/static-sqlite) holds only libsqlite3.a. The build folder is .build-static
# (ignored by git), so it never invalidates the ordinary .build.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-static
output="$scratch/bin/feedsafe"
archive=$(find /usr/lib /usr/lib64 -name libsqlite3.a 2>/dev/null | head -1)
if [ -z "$archive" ]; then
  echo "build-static.sh: libsqlite3.a not found; install libsqlite3-dev" >&2
  exit 1
fi
# A fixed folder: the flags stay the same from one build to the next, so nothing is rebuilt.
static_sqlite="$PWD/$scratch/static-sqlite"
mkdir -p "$static_sqlite"
ln -sf "$archive" "$static_sqlite/libsqlite3.a"
cat >"$static_sqlite/sqlite3.pc" <<PC
Name: SQLite
Description: SQLite, the static archive only (scripts/build-static.sh)
Version: $(pkg-config --modversion sqlite3)
Libs: -L$static_sqlite -lsqlite3 -lm
Cflags: $(pkg-config --cflags sqlite3)
PC

PKG_CONFIG_PATH="$static_sqlite" swift build -c release --product feedsafe --static-swift-stdlib \
  --scratch-path "$scratch" >&2
mkdir -p "$scratch/bin"
cp "$scratch/release/feedsafe" "$output"
strip "$output"

# What it still needs from the system: glibc's libraries and libstdc++/libgcc_s at most.
libraries=$(ldd "$output")
echo "$libraries" >&2
if echo "$libraries" | grep -Eq 'libswift|libFoundation|libdispatch|libBlocksRuntime|libsqlite3'; then
  echo "build-static.sh: $output still links a Swift or SQLite library (above)" >&2
  exit 1
fi

# It runs: the quickstart at a tiny size, stored nowhere.
"$output" run scenarios/quickstart.yaml --people 200 --items 2000 --days 2 --burn-in 1 \
  --seeds 2 --no-store --quiet >/dev/null
echo "build-static.sh: $output ($(du -h "$output" | cut -f1)) runs the quickstart" >&2
echo "$PWD/$output"
