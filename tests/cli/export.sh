#!/usr/bin/env bash
# bpx train --export: the spec with the trained parameters as its init. A run from the
# exported spec continues the original run exactly where plain SGD has no other state
# (full batch, no momentum): its first batch loss is the original's next one, digit for digit.
# Usage: export.sh BPX SOURCE_DIR
set -u
bpx=$1
src=$2
# shellcheck source=support/checks.bash
source "$(dirname "${BASH_SOURCE[0]}")/support/checks.bash"

seed="$src/examples/seed002.json"

"$bpx" train "$seed" --steps 5 --every 5 --export "$tmp/trained.json" >"$tmp/five.tsv"
check "train --export exits 0" test $? -eq 0
check "the export has explicit weights and biases, and no scheme" json_check "$tmp/trained.json" \
  "d.init.weights.length === 2 && d.init.biases.length === 2 && !('scheme' in d.init) && d.layers.join() === '2,2,1'"
check "the weights moved from seed002's" json_check "$tmp/trained.json" "d.init.weights[0][0][0] !== 0.1"
"$bpx" validate "$tmp/trained.json" >/dev/null
check "the export is a valid spec" test $? -eq 0

"$bpx" train "$seed" --steps 6 >"$tmp/six.tsv"
"$bpx" train "$tmp/trained.json" --steps 1 >"$tmp/next.tsv"
original=$(awk -F'\t' 'NR == 7 { print $3 }' "$tmp/six.tsv")
continued=$(awk -F'\t' 'NR == 2 { print $3 }' "$tmp/next.tsv")
check "step 6 of the original run is step 1 from the export ($original)" \
  test -n "$original" -a "$original" = "$continued"

# After one step by hand (bce on a sigmoid: dZ[2] = a[2] - y, one example, lr 0.1).
"$bpx" train "$seed" --steps 1 --export "$tmp/one.json" >/dev/null
check "one SGD step moves b[2] by -lr dZ[2]" json_check "$tmp/one.json" \
  "(() => { const s = (z) => 1 / (1 + Math.exp(-z)); const a1 = [s(0.51), s(1.12)];
     const a2 = s(0.5 * a1[0] + 0.6 * a1[1] + 0.05); return Math.abs(d.init.biases[1][0] - (0.05 - 0.1 * (a2 - 1))) < 1e-15; })()"

expect_bad "export to a missing folder" "--export: cannot write" \
  "$bpx" train "$seed" --steps 1 --export "$tmp/no/such/folder/x.json"
expect_bad "export needs a file name" "--export needs a value" "$bpx" train "$seed" --steps 1 --export

echo "$failures failure(s)"
test "$failures" -eq 0
