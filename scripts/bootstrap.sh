#!/usr/bin/env bash
# The two set-up commands of the README:
#   scripts/bootstrap.sh run   installs, builds and runs caredesk
#   scripts/bootstrap.sh test  installs, builds (Release and Debug) and runs every test
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
jobs=$(nproc 2>/dev/null || echo 2)

scripts/install-deps.sh

build() {  # build DIR TYPE [CMAKE OPTIONS...]
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE="$2" "${@:3}"
  cmake --build "$1" -j "$jobs"
}

case "$mode" in
  run)
    build build Release
    # Serves on an embedded SQLite file (created and migrated on first run) until Ctrl-C.
    exec build/src/app/caredesk serve --db caredesk.db --listen 127.0.0.1:8080
    ;;
  test)
    build build Release
    # The product's Debug build must be warning-free too (g++ warns differently without
    # optimisation); the tests and benchmarks are compiled, with -Werror, in the Release build.
    # Debug information changes no warning, so this check leaves it out (a quarter faster).
    build build-debug Debug -DCAREDESK_BUILD_TESTS=OFF -DCAREDESK_BUILD_BENCH=OFF \
      -DCMAKE_CXX_FLAGS_DEBUG=-O0
    ctest --test-dir build --output-on-failure -j "$jobs" --timeout 600
    ;;
  *)
    echo "usage: scripts/bootstrap.sh run|test" >&2
    exit 2
    ;;
esac
