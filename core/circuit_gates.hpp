// The gates of a circuit, micrograd-style: each op's forward value and the local gradient
// of each of its inputs, side by side in one place; plus the notes on the patterns of
// backward flow (add distributes, multiply swaps and scales, max routes).
#pragma once
#include <string>
#include <vector>

namespace bpx::circuit {

struct GateResult {
  double value = 0;
  std::vector<double> local;  // d value / d input, per input
  std::string domain_error;   // non-empty when the inputs are outside the op's domain
};

// ops: input, const, add, sub, mul, div, neg, pow, exp, log, sqrt, tanh, sigmoid,
// softplus, relu, abs, max, min, and the gates of expanded composites: add_const (x + c), scale (c
// x), inv (1 / x). `constant` is c. `exponent_varies`: pow's exponent depends on an input.
GateResult gate(const std::string& op, double constant, const std::vector<double>& x,
                bool exponent_varies = true);

// The pattern of the op's backward flow ("distributes", "swaps", "routes") or "".
std::string flow_pattern(const std::string& op);

// A sentence about how this gate passes `upstream` to its inputs, with the numbers.
std::string flow_note(const std::string& op, const std::vector<std::string>& input_labels,
                      const std::vector<double>& input_values, const std::vector<double>& local,
                      double upstream);

// Up to 6 significant digits, for sentences (the JSON carries every digit).
std::string brief(double x);

}  // namespace bpx::circuit
