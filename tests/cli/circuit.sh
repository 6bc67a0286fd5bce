#!/usr/bin/env bash
# bpx circuit: JSON shape of the issue, exact numbers, dot and md, bad programs exit 2
# with line and column. Usage: circuit.sh BPX SOURCE_DIR
set -u
bpx=$1
# shellcheck source=support/checks.bash
source "$(dirname "${BASH_SOURCE[0]}")/support/checks.bash"

printf 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n' >"$tmp/add_mul.txt"
"$bpx" circuit "$tmp/add_mul.txt" >"$tmp/c.json"
check "circuit exits 0" test $? -eq 0
check "output is f = -12" json_check "$tmp/c.json" "d.output.name === 'f' && d.output.value === -12"
# By hand: df/dx = df/dy = z = -4, df/dz = x + y = 3.
check "inputs carry value and grad" json_check "$tmp/c.json" \
  "d.inputs.x.value === -2 && d.inputs.x.grad === -4 && d.inputs.y.grad === -4 && d.inputs.z.grad === 3"
check "finite differences beside the gradients" json_check "$tmp/c.json" \
  "Object.values(d.inputs).every(i => Math.abs(i.numeric - i.grad) < 1e-8)"
check "nodes have id, label, op, inputs (ids), value, grad" json_check "$tmp/c.json" \
  "d.nodes.every(n => typeof n.id === 'string' && typeof n.label === 'string' && typeof n.op === 'string' && Array.isArray(n.inputs) && n.inputs.every(i => d.nodes.some(m => m.id === i)) && typeof n.value === 'number' && typeof n.grad === 'number')"
check "the multiply gate reads q and z" json_check "$tmp/c.json" \
  "(() => { const f = d.nodes.find(n => n.label === 'f'); const q = d.nodes.find(n => n.label === 'q'); const z = d.nodes.find(n => n.label === 'z'); return f.op === 'mul' && f.inputs[0] === q.id && f.inputs[1] === z.id; })()"

# Standard input, --set and --output; the single expression is called f.
echo '(x + y) * z' | "$bpx" circuit - --set x=-2,y=5,z=-4 >"$tmp/set.json"
check "stdin with --set" json_check "$tmp/set.json" "d.output.value === -12 && d.inputs.z.grad === 3"
"$bpx" circuit "$tmp/add_mul.txt" --output q >"$tmp/q.json"
check "--output q differentiates q" json_check "$tmp/q.json" \
  "d.output.name === 'q' && d.output.value === 3 && d.inputs.x.grad === 1 && d.inputs.z.grad === 0"

# Numbers round-trip: 0.1 * 3 is 0.30000000000000004 in doubles, and must read back so.
printf 'x = 0.1\ny = x * 3\n' >"$tmp/round.txt"
"$bpx" circuit "$tmp/round.txt" >"$tmp/round.json"
check "numbers round-trip exactly" json_check "$tmp/round.json" "d.output.value === 0.1 * 3 && d.output.value !== 0.3"

# Seed 003's slip and the intended sigmoid: different graphs, different numbers.
printf 'w = [2, -3, -3]\nx = [-1, -2]\nproduct = w[0]*x[0] + w[1]*x[1] + w[2]\nactivation = 1 / 1 + math.exp(-product)\n' >"$tmp/slip.txt"
"$bpx" circuit "$tmp/slip.txt" >"$tmp/slip.json"
check "the slip gives 1 + e^-1" json_check "$tmp/slip.json" \
  "Math.abs(d.output.value - (1 + Math.exp(-1))) < 1e-15 && d.nodes.find(n => n.id === d.output.node).op === 'add'"
check "array inputs are reported as w[0]" json_check "$tmp/slip.json" "'w[0]' in d.inputs && 'x[1]' in d.inputs"
sed 's|1 / 1 + math.exp(-product)|1 / (1 + math.exp(-product))|' "$tmp/slip.txt" >"$tmp/sigmoid.txt"
"$bpx" circuit "$tmp/sigmoid.txt" --expanded >"$tmp/sigmoid.json"
check "the intended sigmoid gives 1 / (1 + e^-1)" json_check "$tmp/sigmoid.json" \
  "Math.abs(d.output.value - 1 / (1 + Math.exp(-1))) < 1e-15"

"$bpx" circuit "$tmp/add_mul.txt" --format dot >"$tmp/c.dot"
check "dot is a digraph" grep -q "^digraph circuit" "$tmp/c.dot"
"$bpx" circuit "$tmp/add_mul.txt" --format md >"$tmp/c.md"
check "md has the forward and backward passes" grep -q "## Backward pass" "$tmp/c.md"
check "md writes the forward gate with numbers" grep -qF -- "- q = x + y = (-2) + 5 = 3" "$tmp/c.md"

printf 'x = 1\ny = sigmod(x)\n' >"$tmp/bad.txt"
expect_bad "unknown function" "bad.txt:2:5: line 2, column 5: unknown function 'sigmod' (did you mean sigmoid?)" \
  "$bpx" circuit "$tmp/bad.txt"
expect_bad "bad --set" "--set: x: expected a finite number" "$bpx" circuit "$tmp/add_mul.txt" --set x=abc
expect_bad "--set of a non-input" "--set: 'q' is not an input" "$bpx" circuit "$tmp/add_mul.txt" --set q=1
expect_bad "unknown --output" "--output: the program assigns no name 'g'" "$bpx" circuit "$tmp/add_mul.txt" --output g
expect_bad "bad --format" "--format: expected json, dot or md" "$bpx" circuit "$tmp/add_mul.txt" --format svg
expect_bad "missing file" "cannot open" "$bpx" circuit "$tmp/none.txt"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all circuit CLI checks passed"
