#!/usr/bin/env bash
# bpx code: the exported NumPy and PyTorch scripts reproduce `bpx trace`. For every spec
# of code_specs/ (every activation and every activation x loss pair, batches, minibatches, momentum, Adam, L2,
# softmax with several classes, generated data sets), both scripts run under Debian's
# Python and every printed number must match the trace: NumPy to 1e-12 relative, PyTorch
# float64 to 1e-10. Also: --lines, and bad options exit 2 naming the option.
# Usage: code.sh BPX SOURCE_DIR
set -u
bpx=$1
src=$2
# Debian's interpreter, where python3-numpy and python3-torch are installed (a python3
# earlier on PATH may be another one).
py=/usr/bin/python3
steps=4
# shellcheck source=support/checks.bash
source "$(dirname "${BASH_SOURCE[0]}")/support/checks.bash"

if ! "$py" -c 'import numpy, torch' 2>"$tmp/import.err"; then
  echo "FAIL $py cannot import numpy and torch (install python3-numpy python3-torch:"
  echo "     bash scripts/setup.sh):"
  cat "$tmp/import.err"
  exit 1
fi

specs=("$src"/tests/cli/code_specs/*.json)
check "at least 20 specs" test "${#specs[@]}" -ge 20

for spec in "${specs[@]}"; do
  name=$(basename "$spec" .json)
  "$bpx" trace "$spec" --steps "$steps" >"$tmp/trace.json"
  for lang in numpy pytorch; do
    tol=1e-12
    [ "$lang" = pytorch ] && tol=1e-10
    # Not numpy.py: Python would import the script itself as the numpy module.
    script="$tmp/exported_$lang.py"
    "$bpx" code "$spec" --lang "$lang" --steps "$steps" >"$script"
    check "$name: bpx code --lang $lang exits 0" test $? -eq 0
    "$py" "$script" >"$tmp/$lang.txt" 2>"$tmp/$lang.err"
    check "$name: the $lang script runs" test $? -eq 0
    [ -s "$tmp/$lang.err" ] && cat "$tmp/$lang.err"
    "$py" "$src/tests/cli/code_compare.py" "$tmp/trace.json" "$tmp/$lang.txt" "$tol" >"$tmp/cmp"
    status=$?
    check "$name: $lang matches bpx trace to $tol ($(tail -n 1 "$tmp/cmp"))" test $status -eq 0
  done
done

# The comparison can fail: one number of a printout off by 1e-11 relative is caught at 1e-12.
first=${specs[0]}
"$bpx" trace "$first" --steps "$steps" >"$tmp/trace.json"
"$bpx" code "$first" --steps "$steps" >"$tmp/exported_numpy.py"
"$py" "$tmp/exported_numpy.py" >"$tmp/good.txt"
"$py" -c "
import sys
out = []
for line in open('$tmp/good.txt'):
    p = line.split()
    if p[:3] == ['2', 'dW', '1']:
        p[5] = repr(float(p[5]) * (1 + 1e-11))
    out.append(' '.join(p))
open('$tmp/bad.txt', 'w').write('\\n'.join(out) + '\\n')
"
"$py" "$src/tests/cli/code_compare.py" "$tmp/trace.json" "$tmp/bad.txt" 1e-12 >"$tmp/cmp"
status=$?
check "a printout off by 1e-11 in one number fails the comparison" test $status -eq 1
"$py" "$src/tests/cli/code_compare.py" "$tmp/trace.json" <(grep -v ' loss ' "$tmp/good.txt") 1e-12 >"$tmp/cmp"
status=$?
check "a printout missing a quantity fails the comparison" test $status -eq 1

# The NumPy script needs NumPy alone.
"$bpx" code "${specs[0]}" >"$tmp/np.py"
check "the NumPy script imports no torch" test "$(grep -c torch "$tmp/np.py")" -eq 0

"$bpx" code "${specs[0]}" --lines >"$tmp/lines.json"
check "--lines prints every phase with text, shape and notes" "$py" -c "
import json, sys
d = json.load(open('$tmp/lines.json'))
phases = [(p['phase']['kind'], p['phase']['layer']) for p in d]
assert phases == [('forward', 1), ('forward', 2), ('loss', 0), ('backward', 2), ('backward', 1), ('update', 0)], phases
z1 = [l for l in d[0]['lines'] if l['text'] == 'Z1 = W1 @ A0 + b1'][0]
assert z1['quantity'] == 'Z' and z1['layer'] == 1 and z1['shape'] == [2, 1] and z1['notes'], z1
"

expect_bad "unknown language" "--lang" "$bpx" code "${specs[0]}" --lang julia
expect_bad "zero steps" "--steps" "$bpx" code "${specs[0]}" --steps 0
expect_bad "too many steps" "--steps" "$bpx" code "${specs[0]}" --steps 1001
expect_bad "--steps with --lines" "--steps" "$bpx" code "${specs[0]}" --lines --steps 2
echo '{"layers": [2, 1], "activations": ["softmax"], "loss": "mse"}' >"$tmp/bad.json"
expect_bad "bad spec" "activations[0]" "$bpx" code "$tmp/bad.json"

echo "$failures failure(s)"
test "$failures" -eq 0
