#!/usr/bin/env bash
# Limits of bpx: input is read with a size limit (a device that never ends too), messages
# quote only an excerpt, traces are bounded, the loss history of a long run is bounded,
# divergence exits 3 in every command and a run without a test split says so.
# Usage: limits.sh BPX SOURCE_DIR
set -u
bpx=$1
src=$2
# shellcheck source=support/checks.bash
source "$(dirname "${BASH_SOURCE[0]}")/support/checks.bash"

run() {  # args...: runs bpx with stdout and stderr to files; sets $code
  "$bpx" "$@" >"$tmp/out" 2>"$tmp/err"
  code=$?
}

seed="$src/examples/seed002.json"
limit=33554432 # the spec's byte limit (core/spec.hpp kMaxSpecBytes)

# A device without end: read up to the limit, then refused (timeout: it must not read on).
timeout 60 "$bpx" validate /dev/zero >"$tmp/out" 2>"$tmp/err"
code=$?
check "validate /dev/zero exits 2" test $code -eq 2
check "validate /dev/zero names the limit" grep -qF "longer than $limit bytes" "$tmp/err"
timeout 60 "$bpx" validate - </dev/zero >"$tmp/out" 2>"$tmp/err"
check "validate - from /dev/zero exits 2" test $? -eq 2

# A file over the limit is refused by its length, before parsing.
head -c $((limit + 10)) /dev/zero | tr '\0' ' ' >"$tmp/big.json"
run validate "$tmp/big.json"
check "a file over the limit exits 2" test $code -eq 2
check "a file over the limit names it" grep -qF "big.json: longer than $limit bytes" "$tmp/err"

# A 1 MB unknown key: the message quotes 40 characters of it.
node -e "const s = JSON.parse(require('fs').readFileSync('$seed', 'utf8')); s['k'.repeat(1 << 20)] = 1; process.stdout.write(JSON.stringify(s))" >"$tmp/key.json"
run validate "$tmp/key.json"
check "a huge unknown key exits 2" test $code -eq 2
check "its message is short" test "$(wc -c <"$tmp/err")" -lt 400
check "its message quotes an excerpt" grep -qF "kkkkkkkkkk..." "$tmp/err"

# A key given twice.
sed 's/"loss": "bce",/"loss": "bce", "loss": "mse",/' "$seed" >"$tmp/twice.json"
run validate "$tmp/twice.json"
check "a duplicate key exits 2" test $code -eq 2
check "a duplicate key is named" grep -qF "loss: this key is given twice" "$tmp/err"

# The largest network: a trace of many steps is refused before it is built.
cat >"$tmp/max.json" <<'JSON'
{"layers": [2, 64, 64, 64, 64, 64, 64, 64, 1], "activations": ["relu", "relu", "relu", "relu",
 "relu", "relu", "relu", "sigmoid"], "loss": "bce", "batch_size": 2000,
 "data": {"dataset": "circle", "points": 2000, "train_fraction": 1}}
JSON
run trace "$tmp/max.json" --steps 5
check "a trace too large exits 2" test $code -eq 2
check "a trace too large says how many steps fit" grep -qE -- "--steps: 5 steps of this network print more than 4194304 numbers; ask for at most [0-9]+ steps" "$tmp/err"
check "a trace too large prints nothing" test ! -s "$tmp/out"

# Weights of 1e308: z overflows in the first forward pass.
sed 's/\[\[0.1, 0.2\], \[0.3, 0.4\]\]/[[1e308, 1e308], [1e308, 1e308]]/' "$seed" >"$tmp/huge.json"
check "the huge-weight spec differs from seed 002" grep -q 1e308 "$tmp/huge.json"
run walkthrough "$tmp/huge.json"
check "walkthrough of a diverging spec exits 3" test $code -eq 3
check "walkthrough says it diverged" grep -qF "diverged" "$tmp/err"
run graph "$tmp/huge.json" --layer 1 --unit 0
check "graph of a diverging spec exits 3" test $code -eq 3
check "graph says it diverged" grep -qF "diverged" "$tmp/err"
run trace "$tmp/huge.json"
check "trace of a diverging spec exits 3" test $code -eq 3
run train "$tmp/huge.json" --steps 1
check "train of a diverging spec exits 3" test $code -eq 3

# Seed 002 has no test split: said in words, never nan.
run train "$seed" --steps 3 --every 1
check "train without a test split exits 0" test $code -eq 0
check "train without a test split says so" test "$(grep -c 'no test split$' "$tmp/out")" -eq 3
check "train without a test split prints no nan" test "$(grep -ci nan "$tmp/out")" -eq 0

# 6,000,000 steps keep a bounded loss history: under 40 MB of address space (a full
# history would be 48 MB of doubles alone).
# A sanitizer build reserves terabytes of address space: there the bound is the core test's
# (tests/core/time_travel_test.cpp, LossHistory), and this run only checks the answer.
if grep -qa __asan_init "$bpx"; then
  echo "note: $bpx is built with AddressSanitizer: the 40 MB address-space limit is not applied"
  "$bpx" train "$seed" --steps 300000 --every 300000 >"$tmp/out" 2>"$tmp/err"
  check "300,000 steps run" test $? -eq 0
  check "and reach step 300000" grep -q "^300000	" "$tmp/out"
else
  (ulimit -v 40000 && "$bpx" train "$seed" --steps 6000000 --every 6000000 >"$tmp/out" 2>"$tmp/err")
  check "6,000,000 steps run in 40 MB" test $? -eq 0
  check "and reach step 6000000" grep -q "^6000000	" "$tmp/out"
fi

echo "limits: $failures failure(s)"
test $failures -eq 0
