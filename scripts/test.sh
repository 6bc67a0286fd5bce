#!/usr/bin/env bash
# The one test command (`npm test`, `.ci/run`): installs what is missing,
# builds natively (Release and ASan/UBSan), runs every test, checks the
# formatting, and builds and tests the wasm module when it exists.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

section() { printf '\n==================== %s ====================\n' "$*"; }

TOTAL_PASSED=0
# Runs ctest on a build dir, then adds its count of tests to TOTAL_PASSED.
run_ctest() {
  local dir=$1
  local log="$dir/ctest-output.log"
  ctest --test-dir "$dir" --output-on-failure -j2 2>&1 | tee "$log"
  local n
  n=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9][0-9]*\).*/\1/p' "$log" | tail -n1)
  if [ -z "$n" ] || [ "$n" -eq 0 ]; then
    echo "ERROR: ctest in $dir ran no test" >&2
    exit 1
  fi
  TOTAL_PASSED=$((TOTAL_PASSED + n))
}

section "setup: install what is missing"
bash scripts/setup.sh

section "native Release build (build/native)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release
cmake --build build/native -j2

section "native Release tests (ctest build/native)"
run_ctest build/native

section "ASan + UBSan Debug build (build/asan)"
cmake -S . -B build/asan -DBPX_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
cmake --build build/asan -j2

section "ASan + UBSan Debug tests (ctest build/asan)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest build/asan

section "clang-format check"
if command -v clang-format >/dev/null 2>&1; then
  mapfile -d '' FORMAT_FILES < <(find core bindings tests -type f \
    \( -name '*.cpp' -o -name '*.hpp' \) -not -path '*/node_modules/*' -print0 2>/dev/null | sort -z)
  if [ "${#FORMAT_FILES[@]}" -gt 0 ]; then
    clang-format --dry-run --Werror "${FORMAT_FILES[@]}"
    echo "clang-format: ${#FORMAT_FILES[@]} files are formatted"
  else
    echo "clang-format: no C++ files to check"
  fi
else
  echo "clang-format is not installed: skipped"
fi

if [ -f bindings/wasm/CMakeLists.txt ]; then
  section "wasm build (build/wasm)"
  bash scripts/build-wasm.sh

  section "JS tests (npm run test:js)"
  npm run test:js --if-present

  section "settings table tests (npm run test:web: tsc into build/web-settings, then node:test)"
  npm run test:web

  if [ -f web/index.html ]; then
    section "web type check (npm run typecheck)"
    npm run typecheck

    section "web build (npm run build)"
    npm run build

    section "browser tests in Chromium (npm run test:e2e)"
    npm run test:e2e --if-present
  fi
else
  section "wasm: bindings/wasm/CMakeLists.txt not present yet, skipped"
fi

section "all stages passed"
echo "ctest: ${TOTAL_PASSED} passed, 0 failed"
