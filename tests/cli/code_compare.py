"""Compares the printout of an exported script (bpx code) with `bpx trace --format json`.

Usage: code_compare.py TRACE.json PRINTOUT.txt TOLERANCE
Every quantity of every step of the trace must be printed once, with the same shape, and
every number must agree to TOLERANCE relative: |x - y| <= tol * max(|x|, |y|).
Prints the worst relative difference; exits 1 on any mismatch.
"""
import json
import sys


def flat(value):
    if isinstance(value, list):
        out = []
        for v in value:
            out.extend(flat(v))
        return out
    return [float(value)]


def shape(value):
    if not isinstance(value, list):
        return (1, 1)
    if value and isinstance(value[0], list):
        return (len(value), len(value[0]))
    return (len(value), 1)  # db and b are flat lists of a column


def expected(trace):
    out = {}
    for entry in trace:
        k = entry["step"]
        for l, f in enumerate(entry["forward"], start=1):
            out[(k, "z", l)] = f["z"]
            out[(k, "a", l)] = f["a"]
        out[(k, "loss", 0)] = entry["loss"]
        for l, b in enumerate(entry["backward"], start=1):
            for name in ("dA", "dZ", "dW", "db"):
                out[(k, name, l)] = b[name]
        for l, (w, b) in enumerate(zip(entry["after"]["weights"], entry["after"]["biases"]), start=1):
            out[(k, "W", l)] = w
            out[(k, "b", l)] = b
    return out


def main():
    trace = json.load(open(sys.argv[1]))
    tol = float(sys.argv[3])
    want = expected(trace)
    got = {}
    for line in open(sys.argv[2]):
        parts = line.split()
        key = (int(parts[0]), parts[1], int(parts[2]))
        if key in got:
            print("printed twice:", key)
            return 1
        got[key] = ((int(parts[3]), int(parts[4])), [float(v) for v in parts[5:]])
    if set(got) != set(want):
        print("missing:", sorted(set(want) - set(got)), "extra:", sorted(set(got) - set(want)))
        return 1
    worst, where, bad = 0.0, None, 0
    for key, value in want.items():
        (rows, cols), numbers = got[key]
        if (rows, cols) != shape(value) or len(numbers) != rows * cols:
            print("shape of", key, ":", (rows, cols), "expected", shape(value))
            return 1
        for i, (x, y) in enumerate(zip(flat(value), numbers)):
            scale = max(abs(x), abs(y))
            rel = abs(x - y) / scale if scale > 0 else 0.0
            if rel != rel:  # NaN on one side only
                rel = float("inf")
            if rel > worst:
                worst, where = rel, (key, i, x, y)
            if rel > tol:
                bad += 1
    print(f"{len(want)} quantities, worst relative difference {worst:.3g} at {where}")
    if bad:
        print(f"{bad} numbers differ by more than {tol}")
        return 1
    return 0


sys.exit(main())
