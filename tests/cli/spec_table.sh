#!/usr/bin/env bash
# The README's spec table is what the engine's catalogue says (scripts/spec-table.mjs).
# Usage: spec_table.sh BPX SOURCE_DIR
set -u
node "$2/scripts/spec-table.mjs" "$1" --check
