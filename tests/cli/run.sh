#!/usr/bin/env bash
# Command-line behaviour of bpx: outputs parse, bad input exits 2 naming the field.
# Usage: run.sh BPX SOURCE_DIR
set -u
bpx=$1
src=$2
# shellcheck source=support/checks.bash
source "$(dirname "${BASH_SOURCE[0]}")/support/checks.bash"

seed="$src/examples/seed002.json"

"$bpx" trace "$seed" --steps 2 >"$tmp/trace.json"
check "trace exits 0" test $? -eq 0
check "trace has two steps with forward, loss, backward, after" json_check "$tmp/trace.json" \
  "d.length === 2 && d.every(e => e.forward.length === 2 && typeof e.loss === 'number' && e.backward.length === 2 && e.after.weights.length === 2)"
# Hand arithmetic (seed 002): z1 = W1 x + b1 = [0.1*1 + 0.2*2 + 0.01, 0.3*1 + 0.4*2 + 0.02].
check "trace z[1] is [0.51, 1.12]" json_check "$tmp/trace.json" \
  "Math.abs(d[0].forward[0].z[0][0] - 0.51) < 1e-15 && Math.abs(d[0].forward[0].z[1][0] - 1.12) < 1e-15"
check "trace numbers round-trip (17 digits)" json_check "$tmp/trace.json" \
  "String(d[0].forward[0].a[0][0]).length > 12"

"$bpx" walkthrough "$seed" --format md >"$tmp/walk.md"
check "walkthrough md exits 0" test $? -eq 0
check "walkthrough has every section" grep -q "## Update" "$tmp/walk.md"
check "walkthrough shows the forward pass again" grep -q "Forward pass after the update" "$tmp/walk.md"
"$bpx" walkthrough "$seed" --format tex >"$tmp/walk.tex"
check "walkthrough tex uses \\[ blocks" grep -q '^\\\[' "$tmp/walk.tex"

"$bpx" graph "$src/examples/seed003_neuron.json" --layer 1 --unit 0 --root activation >"$tmp/graph.json"
check "graph exits 0" test $? -eq 0
check "graph has labelled nodes with values and gradients" json_check "$tmp/graph.json" \
  "d.nodes.every(n => typeof n.label === 'string' && 'value' in n && 'grad' in n) && d.nodes.some(n => n.label === 'w1')"
"$bpx" graph "$src/examples/seed003_neuron.json" --layer 1 --unit 0 --format dot >"$tmp/graph.dot"
check "graph dot is a digraph" grep -q "^digraph neuron" "$tmp/graph.dot"

"$bpx" train "$seed" --steps 5 --every 5 >"$tmp/train.tsv"
check "train prints a header and one row" test "$(wc -l <"$tmp/train.tsv")" -eq 2

echo '{"layers": [2, 0], "activations": ["sigmoid"], "loss": "mse"}' >"$tmp/bad.json"
expect_bad "bad layer size" "layers[1]" "$bpx" trace "$tmp/bad.json"
echo '{"layers": [2, 1], "activations": ["sigmoid"], "loss": "mse", "data": {"inputs": [[1, 2]], "targets": [[1]]}, "colour": 1}' >"$tmp/bad2.json"
expect_bad "unknown key" "colour" "$bpx" trace "$tmp/bad2.json"
echo '{"layers": [2, 1' >"$tmp/bad3.json"
expect_bad "broken JSON" "not valid JSON" "$bpx" trace "$tmp/bad3.json"
expect_bad "missing file" "cannot open" "$bpx" trace "$tmp/none.json"
expect_bad "unknown command" "unknown command" "$bpx" frobnicate "$seed"
expect_bad "bad --steps" "--steps" "$bpx" trace "$seed" --steps 0
expect_bad "graph unit out of range" "unit" "$bpx" graph "$seed" --layer 2 --unit 5
expect_bad "option of another command" "--digits" "$bpx" trace "$seed" --digits 3

# Learning rate 100 on this network overflows: the tool says where, exit 3.
sed 's/"learning_rate": 0.1/"learning_rate": 100/' "$seed" | sed 's/"bce"/"mse"/; s/"sigmoid"\]/"linear"]/' >"$tmp/diverge.json"
"$bpx" train "$tmp/diverge.json" --steps 2000 >/dev/null 2>"$tmp/err"
check "divergence exits 3" test $? -eq 3
check "divergence names the step and quantity" grep -q "became NaN or infinite" "$tmp/err"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all CLI checks passed"
