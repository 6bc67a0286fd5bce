#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, and serves the page on
# http://localhost:${PORT:-8080} (HOST=0.0.0.0 to listen on all interfaces).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

section() { printf '\n==================== %s ====================\n' "$*"; }

section "setup: install what is missing"
bash scripts/setup.sh

section "native build (build/native)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release
cmake --build build/native -j2

section "wasm build (build/wasm)"
bash scripts/build-wasm.sh

section "web build (npm run build)"
npm run build

section "serving dist"
SHOWN_HOST=${HOST:-localhost}
case "$SHOWN_HOST" in 127.0.0.1 | 0.0.0.0 | ::) SHOWN_HOST=localhost ;; esac
echo "Open http://${SHOWN_HOST}:${PORT:-8080}/"
exec node scripts/static-server.mjs dist
