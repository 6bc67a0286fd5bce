#!/usr/bin/env bash
# Builds the prototype measurements (bench/proto/proto_bench.cpp) natively and with em++,
# against the core built by cmake (build/native and build/wasm must exist).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out=build/bench
mkdir -p "$out"
common=(-std=c++17 -I. -DEIGEN_DONT_VECTORIZE -DEIGEN_MPL2_ONLY -ffp-contract=off -DNDEBUG)
g++ "${common[@]}" -O2 -I/usr/include/eigen3 -isystem build/native/third_party_include \
  -c bench/proto/proto_bench.cpp -o "$out/proto_bench.o"
g++ "${common[@]}" -O3 -fno-trapping-math -I/usr/include/eigen3 -isystem build/native/third_party_include \
  -c bench/proto/blocked_grid.cpp -o "$out/blocked_grid.o"
g++ "$out/proto_bench.o" "$out/blocked_grid.o" build/native/libbpx_core.a -o "$out/proto_bench"
echo "[proto] $out/proto_bench"
if command -v em++ >/dev/null && [ -f build/wasm/libbpx_core.a ]; then
  export NODE_PATH=/usr/share/nodejs
  em++ "${common[@]}" -O3 -isystem /usr/include/eigen3 -isystem build/wasm/third_party_include \
    -c bench/proto/proto_bench.cpp -o "$out/proto_bench.wasm.o"
  em++ "${common[@]}" -O3 -msimd128 -isystem /usr/include/eigen3 -isystem build/wasm/third_party_include \
    -c bench/proto/blocked_grid.cpp -o "$out/blocked_grid.wasm.o"
  em++ -O3 "$out/proto_bench.wasm.o" "$out/blocked_grid.wasm.o" build/wasm/libbpx_core.a \
    -sENVIRONMENT=node -sSINGLE_FILE=1 -sALLOW_MEMORY_GROWTH=1 -o "$out/proto_bench.cjs"
  echo "[proto] $out/proto_bench.cjs (node)"
fi
if command -v em++ >/dev/null && [ -f build/wasm/libbpx_core.a ]; then
  em++ "${common[@]}" -O3 -isystem /usr/include/eigen3 -isystem build/wasm/third_party_include \
    bench/proto/c_api.cpp build/wasm/libbpx_core.a -sENVIRONMENT=node -sSINGLE_FILE=1 \
    -sALLOW_MEMORY_GROWTH=1 -sMODULARIZE=1 -sFILESYSTEM=0 \
    '-sEXPORTED_FUNCTIONS=[_malloc,_free]' -o "$out/proto_c_api.cjs"
  echo "[proto] $out/proto_c_api.cjs (node bench/proto/js_paths.mjs)"
fi
