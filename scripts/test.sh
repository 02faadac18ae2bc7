#!/usr/bin/env bash
# Runs every Wirewatch test: installs missing build packages (and the web
# UI's), builds with warnings as errors, runs ctest, then the web UI's tests
# in a real browser (scripts/ui_test.sh); with --sanitize (CI does this) also
# builds the unit tests with AddressSanitizer + UndefinedBehaviorSanitizer and
# runs them again. Tests that need ../shared/data skip, saying so, when it is
# absent.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --deps
JOBS=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DWIREWATCH_BUILD_TESTS=ON -DWIREWATCH_WERROR=ON >/dev/null
cmake --build build -j "$JOBS"

if [ "${1:-}" = "--sanitize" ]; then
  echo "== unit tests under ASan+UBSan"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWIREWATCH_BUILD_TESTS=ON -DWIREWATCH_SANITIZE=ON -DWIREWATCH_WERROR=ON >/dev/null
  cmake --build build-asan -j "$JOBS"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$JOBS"
fi

echo "== tests (Release)"
ctest --test-dir build --output-on-failure -j "$JOBS"

echo "== web UI in a browser (Chromium)"
scripts/ui_test.sh
