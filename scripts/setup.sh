#!/usr/bin/env bash
# Installs whatever this project needs and is missing on a Debian 12 machine.
# Idempotent: on a machine that has everything it only checks and says so.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[setup] %s\n' "$*"; }

# Debian packages the build and the tests need.
DEB_PACKAGES=(
  cmake make g++
  libeigen3-dev libgtest-dev libbenchmark-dev nlohmann-json3-dev
  emscripten
  chromium
  clang-format
  xz-utils
  texlive-latex-base
  python3-numpy python3-torch
  mkdocs
)

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  fi
fi

APT_UPDATED=0
apt_install() {
  if [ "$(id -u)" -ne 0 ] && [ "${#SUDO[@]}" -eq 0 ]; then
    log "ERROR: need to install: $*"
    log "       but this user is not root and sudo is not available."
    exit 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get -o DPkg::Lock::Timeout=600 update
    APT_UPDATED=1
  fi
  log "apt-get install -y --no-install-recommends $*"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "$@"
}

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Node and npm: the machines ship node 20 with npm; fall back to Debian's.
NODE_MISSING=()
command -v node >/dev/null 2>&1 || NODE_MISSING+=(nodejs)
command -v npm >/dev/null 2>&1 || NODE_MISSING+=(npm)

MISSING=()
for pkg in "${DEB_PACKAGES[@]}"; do
  is_installed "$pkg" || MISSING+=("$pkg")
done
MISSING+=("${NODE_MISSING[@]}")

if [ "${#MISSING[@]}" -gt 0 ]; then
  log "missing Debian packages: ${MISSING[*]}"
  apt_install "${MISSING[@]}"
else
  log "Debian packages: all present (${DEB_PACKAGES[*]}, node, npm)"
fi

# JS dependencies (package-lock.json is the source of truth).
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
     || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  else
    log "node_modules: up to date with package-lock.json"
  fi
fi

log "done (node $(node --version), npm $(npm --version), $(cmake --version | head -n1))"
