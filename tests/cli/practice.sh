#!/usr/bin/env bash
# bpx check and bpx worksheet: the JSON of a check, its exit status, bad input, worksheets
# that repeat byte for byte and a .tex that pdflatex compiles (when pdflatex is installed).
# Usage: practice.sh BPX SOURCE_DIR
set -u
bpx=$1
src=$2
# shellcheck source=support/checks.bash
source "$(dirname "${BASH_SOURCE[0]}")/support/checks.bash"

seed="$src/examples/seed002.json"

# Seed 002 by hand: z2 = 0.5 s(0.51) + 0.6 s(1.12) + 0.05 = 0.5 * 0.624806 + 0.6 * 0.753989 + 0.05.
"$bpx" check "$seed" --quantity 'Z[2]' --answer '0,8148' >"$tmp/right.json"
check "a right answer exits 0" test $? -eq 0
check "a right answer's JSON" json_check "$tmp/right.json" \
  "d.correct === true && Math.abs(d.expected - 0.8147964671) < 1e-9 && d.answer === 0.8148 && d.digits === 4 && d.diagnosis === null"

# dZ[1](0,0) = dA[1](0,0) * s'(0.51) with dA[1](0,0) = 0.5 (a2 - 1) = -0.15343; typing dA is the mistake.
"$bpx" check "$seed" --quantity 'dZ[1]' --entry 0,0 --answer '-0.1534' >"$tmp/wrong.json"
check "a wrong answer exits 1" test $? -eq 1
check "a wrong answer names the mistake and quotes the number" json_check "$tmp/wrong.json" \
  "d.correct === false && d.diagnosis.id === 'no_activation_derivative' && d.diagnosis.message.includes('-0.1534')"

# Step 2's W[2](0,0) is not step 1's: the updated value of step 1 is 0.5 - 0.1 dW2 = 0.5 + 0.1 * 0.30687 * 0.62481.
"$bpx" check "$seed" --quantity 'W[2]' --entry 0,0 --answer '0.5 + 0.1*0.306869*0.624806' >"$tmp/w1.json"
check "W[2] after step 1" test $? -eq 0
"$bpx" check "$seed" --quantity 'W[2]' --entry 0,0 --step 2 --answer '0.5 + 0.1*0.306869*0.624806' >"$tmp/w2.json"
check "W[2] after step 2 differs" test $? -eq 1

expect_bad "unknown quantity" "--quantity: expected Z[l]" "$bpx" check "$seed" --quantity 'Q[1]' --answer 1
expect_bad "layer out of range" "--quantity: dZ[3]: the layer must be between 1 and 2" \
  "$bpx" check "$seed" --quantity 'dZ[3]' --answer 1
expect_bad "entry out of range" "--entry: dW[1] is 2 x 2" "$bpx" check "$seed" --quantity 'dW[1]' --entry 2,0 --answer 1
expect_bad "entry not numbers" "--entry: expected ROW,COL" "$bpx" check "$seed" --quantity 'dW[1]' --entry a,b --answer 1
expect_bad "answer with a column" "--answer: column 5: unexpected" "$bpx" check "$seed" --quantity 'Z[1]' --answer '0.5 x'
expect_bad "answer missing" "--answer is required" "$bpx" check "$seed" --quantity 'Z[1]'
expect_bad "worksheet count" "--count: expected an integer between 1 and 50" "$bpx" worksheet --seed 1 --count 51
expect_bad "worksheet format" "--format: expected md or tex" "$bpx" worksheet --seed 1 --format pdf

"$bpx" worksheet --seed 7 --count 3 >"$tmp/a.md"
"$bpx" worksheet --seed 7 --count 3 >"$tmp/b.md"
check "same seed, same bytes" cmp -s "$tmp/a.md" "$tmp/b.md"
"$bpx" worksheet --seed 8 --count 3 >"$tmp/c.md"
check "another seed, other numbers" test -n "$(cmp "$tmp/a.md" "$tmp/c.md")"
check "three exercises with blanks" test "$(grep -c '^## Exercise' "$tmp/a.md")" -eq 3
check "no answers without --answers" test "$(grep -c 'Answer key' "$tmp/a.md")" -eq 0
"$bpx" worksheet --seed 7 --count 3 --answers >"$tmp/key.md"
check "the key has a worked solution per exercise" test "$(grep -c '^### Answer key' "$tmp/key.md")" -eq 3
# Exercise 2 of seed 7 is exercise 8: its spec is the one bpx exercise --seed 8 prints.
"$bpx" exercise --seed 8 >"$tmp/ex8.json"
"$bpx" validate "$tmp/ex8.json" >"$tmp/valid.json"
check "exercise spec is valid" test $? -eq 0
check "exercise 2 of seed 7 is exercise 8" grep -qF "Exercise 2 (seed 8)" "$tmp/a.md"

"$bpx" worksheet --seed 7 --count 2 --format tex --answers >"$tmp/w.tex"
"$bpx" worksheet --seed 7 --count 2 --format tex --answers >"$tmp/w2.tex"
check "tex: same seed, same bytes" cmp -s "$tmp/w.tex" "$tmp/w2.tex"
if command -v pdflatex >/dev/null 2>&1; then
  (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error w.tex >pdflatex.log 2>&1)
  check "the .tex compiles with pdflatex" test -s "$tmp/w.pdf"
else
  echo "FAIL pdflatex is not installed (scripts/setup.sh installs texlive-latex-base)"
  failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all practice CLI checks passed"
