// The backward pass of a built circuit: gradients along every wire and their sums, the
// notes on the patterns of backward flow, and the finite-difference check of each input.
#pragma once
#include "core/circuit_graph.hpp"

namespace bpx::circuit {

// Needs the nodes (values and local gradients), the output and the inputs (node, value).
void backpropagate_and_check(Circuit& c);

}  // namespace bpx::circuit
