#!/usr/bin/env bash
# Builds the WebAssembly module into build/wasm (emscripten via emcmake).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v emcmake >/dev/null 2>&1; then
  echo "[build-wasm] ERROR: emcmake not found; run scripts/setup.sh first." >&2
  exit 1
fi

# Debian's emscripten 3.1.6 needs this at -O2 and above (else: Cannot find module 'acorn').
export NODE_PATH=/usr/share/nodejs

# The module uses WebAssembly exception handling (-fwasm-exceptions): it links the wasm-EH build
# of the C++ library, which Debian's emscripten ships prebuilt in its (frozen, read-only) cache.
cache="$(em-config CACHE)"
if [ ! -f "$cache/sysroot/lib/wasm32-emscripten/libc++abi-except.a" ]; then
  echo "[build-wasm] ERROR: $cache has no libc++abi-except.a (the C++ library built for" \
    "-fwasm-exceptions); reinstall Debian's emscripten package (scripts/setup.sh)." >&2
  exit 1
fi

echo "[build-wasm] configure build/wasm"
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch"
echo "[build-wasm] build build/wasm"
cmake --build build/wasm -j2
echo "[build-wasm] done"
