// Backward pass micrograd-style: the output's gradient is 1; in reverse topological order
// each gate sends upstream x local gradient along each input wire, and a node's gradient is
// the sum of what arrives (gradients add up at forks). Then the notes and the check.
#include "core/circuit_backward.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/circuit_gates.hpp"

namespace bpx::circuit {

void backpropagate_and_check(Circuit& c) {
  if (c.nodes[c.output].kind == "gate") c.nodes[c.output].kind = "output";
  c.nodes[c.output].grad = 1;
  for (int k = c.output; k >= 0; --k) {
    const CircuitNode& n = c.nodes[k];
    for (std::size_t s = 0; s < n.inputs.size(); ++s) {
      double g = n.grad * n.local[s];
      c.nodes[n.inputs[s]].grad += g;
      c.nodes[n.inputs[s]].paths.push_back({k, static_cast<int>(s), g});
    }
  }
  for (auto& n : c.nodes) {
    n.pattern = flow_pattern(n.op);
    std::vector<std::string> labels;
    std::vector<double> values;
    for (int j : n.inputs) {
      labels.push_back(c.nodes[j].label);
      values.push_back(c.nodes[j].value);
    }
    if (!n.pattern.empty()) n.note = flow_note(n.op, labels, values, n.local, n.grad);
  }
  for (auto& in : c.inputs) in.grad = c.nodes[in.node].grad;
  for (std::size_t k = 0; k < c.inputs.size(); ++k) {
    auto& in = c.inputs[k];
    // h balances truncation (h^2) against rounding (eps / h) for values of order |x|.
    in.step = 1e-5 * std::max(1.0, std::fabs(in.value));
    in.numeric = (output_with(c, k, in.value + in.step) - output_with(c, k, in.value - in.step)) /
                 (2 * in.step);
  }
}

std::vector<int> Circuit::forward_order() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].kind == "gate" || nodes[i].kind == "output") out.push_back(static_cast<int>(i));
  return out;
}

double output_with(const Circuit& c, std::size_t which, double value) {
  std::vector<double> v(c.nodes.size());
  for (std::size_t i = 0; i < c.nodes.size(); ++i) {
    const CircuitNode& n = c.nodes[i];
    std::vector<double> x;
    for (int j : n.inputs) x.push_back(v[j]);
    v[i] = static_cast<int>(i) == c.inputs[which].node ? value : gate(n.op, n.constant, x).value;
  }
  double f = v[c.output];
  return std::isfinite(f) ? f : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace bpx::circuit
