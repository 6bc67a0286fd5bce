// The gate graph of a circuit program: every operation a node with its value, the local
// gradient of each input, the gradient arriving along each outgoing wire (gradients add
// up at forks) and its gradient d output / d node; every input with a central
// finite-difference estimate beside its gradient.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/circuit_parse.hpp"

namespace bpx::circuit {

// The gradient a node receives along one wire: from the gate `to` (its input `slot`).
struct CircuitPath {
  int to = 0;
  int slot = 0;
  double grad = 0;  // upstream (the gradient of `to`) x the local gradient of that input
};

struct CircuitNode {
  std::string id;             // "n0", "n1", ... (for wiring; the label is what people read)
  std::string label;          // "x", "w[0]", "product", "t3", "1", a repeated name as "x#2"
  std::string op;             // see circuit_gates.hpp
  std::string kind;           // "input", "constant", "gate", "output"
  double constant = 0;        // for const, add_const, scale (and an input's value)
  std::vector<int> inputs;    // indices of the nodes this one reads, in order
  std::vector<double> local;  // d(this)/d(input), per input
  double value = 0;
  double grad = 0;                 // d output / d this: the sum of `paths`
  std::vector<CircuitPath> paths;  // one per wire out of this node, in backward order
  std::string group;               // "sigmoid" / "tanh" for the gates of an expanded composite
  int group_id = -1;               // which composite (one per call), else -1
  std::string pattern;             // "distributes", "swaps", "routes" or ""
  std::string note;                // the pattern in words, with this gate's numbers
  int line = 0, column = 0;        // where the operation is written
};

struct CircuitInput {
  std::string name;  // "x" or "w[0]"
  int node = 0;
  double value = 0;
  double grad = 0;
  double numeric = 0;  // central finite difference (NaN when it cannot be evaluated)
  double step = 0;     // the h of (f(x + h) - f(x - h)) / 2h
};

struct CircuitOptions {
  std::vector<std::pair<std::string, double>> set;  // "x" or "w[0]" -> a value
  std::string output;                               // a name of the program, or "" (the last)
  bool expanded = false;  // sigmoid as neg -> exp -> +1 -> 1/x, tanh as (e^2x - 1)/(e^2x + 1)
};

struct Circuit {
  std::vector<CircuitNode> nodes;  // topological order; only what the output depends on
  std::vector<CircuitInput> inputs;
  int output = 0;
  std::string output_name;
  bool expanded = false;
  std::vector<int> forward_order() const;  // the gates in the order they fire (not inputs)
};

// Builds, evaluates, back-propagates and checks by finite differences. Errors in the
// program name line and column; errors in the options have line 0 and name the option.
Outcome<Circuit> build_circuit(const Program& program, const CircuitOptions& options);
Outcome<Circuit> circuit_from_text(const std::string& program, const CircuitOptions& options);

// The output's value with input `which` set to `value` (the others as built); NaN when a
// gate leaves its domain. Used by the finite-difference check.
double output_with(const Circuit& circuit, std::size_t which, double value);

}  // namespace bpx::circuit
