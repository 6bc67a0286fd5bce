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

if [ -f bindings/wasm/CMakeLists.txt ]; then
  section "wasm build (build/wasm)"
  bash scripts/build-wasm.sh
fi

section "web build (npm run build)"
npm run build --if-present

if [ -d dist ]; then
  ROOT=dist
elif [ -d web ]; then
  ROOT=web
else
  # No page yet: a placeholder that shows what the CLI can do.
  ROOT=build/site
  mkdir -p "$ROOT"
  html_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
  if [ -x build/native/bpx ]; then
    HELP=$(build/native/bpx --help 2>&1 || true)
  else
    HELP="(build/native/bpx was not built)"
  fi
  {
    cat <<'HTML'
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Backprop Explorer (not built yet)</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  pre { background: #f4f4f4; padding: 1rem; overflow-x: auto; }
</style>
</head>
<body>
<h1>Backprop Explorer</h1>
<p>The page is not built yet (there is no <code>dist/</code> or <code>web/</code>).
The native command-line tool is available as <code>build/native/bpx</code>:</p>
<pre><code>$ bpx --help
HTML
    printf '%s\n' "$HELP" | html_escape
    cat <<'HTML'
</code></pre>
</body>
</html>
HTML
  } >"$ROOT/index.html"
fi

section "serving $ROOT"
SHOWN_HOST=${HOST:-localhost}
case "$SHOWN_HOST" in 127.0.0.1 | 0.0.0.0 | ::) SHOWN_HOST=localhost ;; esac
echo "Open http://${SHOWN_HOST}:${PORT:-8080}/"
exec node scripts/static-server.mjs "$ROOT"
