#!/usr/bin/env bash
# The side-by-side benchmarks of issue 7 (not part of scripts/test.sh's pass/fail):
# installs the benchmark's own dev dependencies (TensorFlow.js, bench/package-lock.json),
# builds the engine natively and as wasm (and the page when web/ exists), then runs
# bench/run.mjs, which prints the table and writes bench/results/latest.md.
#
#   bash scripts/bench.sh                 # everything, 7 rounds
#   bash scripts/bench.sh --quick         # 3 rounds, shorter rounds
#   bash scripts/bench.sh --only 1,2      # some workloads; --no-page skips Chromium
#   BENCH_SKIP_BUILD=1 bash scripts/bench.sh   # use the builds that are there
# Then (unless --no-page) bench/train-page.mjs: the training view's epochs/s in Chromium.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[bench] %s\n' "$*"; }

log "npm ci --prefix bench (TensorFlow.js 4, benchmark-only)"
npm ci --prefix bench --no-audit --no-fund

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  log "native build (build/native)"
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release
  cmake --build build/native -j2

  log "wasm build (bindings/wasm/dist)"
  bash scripts/build-wasm.sh

  if [ -d web ]; then
    if [ ! -d node_modules ]; then
      log "npm ci (page build tools, playwright-core)"
      npm ci --no-audit --no-fund
    fi
    log "page build (dist/)"
    npm run build
  fi
fi

BIN=build/native/bench/bpx_bench  # built by the root CMakeLists.txt

log "node bench/run.mjs $*"
BPX_BENCH_BIN="$BIN" node bench/run.mjs "$@"

# The training view's own speed in Chromium, the one-tag script's parts, warm navigation.
case " $* " in
  *" --no-page "*) ;;
  *) if [ -f dist/index.html ]; then log "node bench/train-page.mjs"; node bench/train-page.mjs; fi ;;
esac
