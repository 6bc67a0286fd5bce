#!/usr/bin/env bash
# Fuzz: 150 seeded mutations of valid specs through bpx (the mutations of
# tests/wasm/support/mutate.mjs). validate exits 0 or 2 (with a short "bpx:" message);
# a spec that validates traces one step with exit 0 or 3 (divergence). Never a crash.
# Usage: fuzz.sh BPX SOURCE_DIR
set -u
bpx=$1
src=$2
# shellcheck source=support/checks.bash
source "$(dirname "${BASH_SOURCE[0]}")/support/checks.bash"

node --input-type=module -e "
import { writeFileSync } from 'node:fs';
import { mutatedSpecs } from '$src/tests/wasm/support/mutate.mjs';
mutatedSpecs('$src/', 7, 150).forEach((t, i) => writeFileSync('$tmp/' + i + '.json', t));
" || { echo "FAIL cannot write the mutated specs"; exit 1; }

valid=0
for f in "$tmp"/*.json; do
  "$bpx" validate "$f" >"$tmp/out" 2>"$tmp/err"
  code=$?
  if [ $code -eq 2 ]; then
    if ! grep -q "^bpx: " "$tmp/err" || [ "$(wc -c <"$tmp/err")" -ge 600 ]; then
      echo "FAIL $f: exit 2 without a short bpx: message"
      failures=$((failures + 1))
    fi
  elif [ $code -eq 0 ]; then
    valid=$((valid + 1))
    "$bpx" trace "$f" >/dev/null 2>"$tmp/err"
    tcode=$?
    if [ $tcode -ne 0 ] && [ $tcode -ne 3 ]; then
      echo "FAIL $f: trace exited $tcode"
      failures=$((failures + 1))
    fi
  else
    echo "FAIL $f: validate exited $code"
    failures=$((failures + 1))
  fi
done
echo "fuzz: 150 specs, $valid valid, $failures failure(s)"
test $failures -eq 0 && test $valid -gt 3
