# Shared by the tests/cli/*.sh scripts (sourced, not a test itself): a temporary folder
# removed on exit, a failure count, and the check helpers.
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # name, condition command...
  local name=$1
  shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}

json_check() {  # file, JS expression over `d` that must be true
  node -e "const d = JSON.parse(require('fs').readFileSync('$1', 'utf8')); if (!($2)) process.exit(1)"
}

expect_bad() {  # name, expected stderr substring, args...
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local code=$?
  check "$name exits 2" test $code -eq 2
  check "$name names '$want'" grep -qF -- "$want" "$tmp/err"
}
