// Views of a circuit: JSON (every number round-trips), Graphviz dot, and a worked example
// of the forward and backward pass in Markdown for handouts.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "core/circuit_graph.hpp"

namespace bpx::circuit {

// {"output": {name, value, node}, "inputs": {name: {value, grad, numeric, step}},
//  "nodes": [{id, label, op, kind, inputs, value, grad, local, paths, ...}], "forward": [ids]}
nlohmann::ordered_json circuit_json(const Circuit& c);
std::string circuit_dot(const Circuit& c);
std::string circuit_markdown(const Circuit& c);

// The gate written out with its inputs' labels: "x + y", "exp(t1)", "1 / t3".
std::string gate_formula(const Circuit& c, const CircuitNode& n, bool with_values);

}  // namespace bpx::circuit
