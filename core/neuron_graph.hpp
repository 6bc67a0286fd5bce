// The scalar operation graph of one neuron for one example (CS231n style): every
// input.weight product, the sum chain, the bias add, the activation (expanded into its
// gates or grouped) and, for an output neuron, the loss. Each node carries its forward
// value and its gradient, computed micrograd-style from local derivatives.
#pragma once
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/status.hpp"

namespace bpx {

struct GraphNode {
  std::string label;        // "x1", "w1", "w1*x1", "z", "a", "L", ...
  std::string op;           // "input", "param", "mul", "add", "neg", "exp", "add_const", "inv", ...
  std::string kind;         // "input", "parameter", "intermediate", "output", "target"
  std::vector<int> inputs;  // indices of the nodes this one reads
  std::vector<double> local;  // d(this)/d(input) for each input
  double value = 0;
  double grad = 0;  // dRoot/d(this)
};

struct GraphOptions {
  bool expanded = true;  // sigmoid as neg -> exp -> +1 -> 1/x; tanh as (e^2z - 1)/(e^2z + 1)
  // "loss": gradients of the example's loss (hidden neurons take dA[l] from above);
  // "activation": gradients of the neuron's output a itself (d a / d node), as in CS231n.
  std::string root = "loss";
};

// The chain of links of seed 004 for this neuron and example.
struct ChainLinks {
  double dL_da = 0;  // link 1: dL/da (for an output neuron dL/dy^; the sign is a - y for mse)
  double da_dz = 0;  // link 2: g'(z) (softmax: d a_j / d z_j)
  double delta = 0;  // link 3: dL/dz = dZ for this example
  double learning_rate = 0;
  struct Input {
    std::string label;
    double x = 0, w = 0, dL_dw = 0, w_new = 0;  // link 4: w - lr * dL/dw (one plain sgd step)
  };
  std::vector<Input> inputs;
  double b = 0, b_new = 0;
};

struct NeuronGraph {
  int layer = 0, unit = 0, example = 0;  // layer 1..L, unit 0-based, example = training column
  GraphOptions options;
  bool is_output = false;
  std::vector<GraphNode> nodes;  // in topological order: inputs first, root last
  int z_node = -1, a_node = -1, root_node = -1;
  ChainLinks links;
  std::string note;  // e.g. why softmax is grouped
};

// Built from the session's current parameters and the example's inputs; its z, a and
// gradients agree with the layer-level Z, A, dZ, dW (per example) of the same parameters.
Result<NeuronGraph> neuron_graph(const Session& session, int layer, int unit, int example,
                                 const GraphOptions& options = {});

}  // namespace bpx
