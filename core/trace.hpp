// JSON views of a session: the trace (README.md, "The command-line tool") and the neuron graph.
// Numbers are written in the shortest form that reads back to the same double (at most 17 digits).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>

#include "core/neuron_graph.hpp"
#include "core/session.hpp"

namespace bpx {

nlohmann::ordered_json matrix_json(const Matrix& M);  // rows first
nlohmann::ordered_json vector_json(const Matrix& v);  // an n x 1 column as a flat list

// One trace entry per step from the session's current state: forward (z, a per layer),
// loss, backward (dA, dZ, dW, db per layer) and after (weights, biases). Runs the steps.
nlohmann::ordered_json run_trace(Session& session, long steps);

// A trace is built whole before it is printed: at most kMaxTraceNumbers numbers (about
// 80 MB of text) in one. The error (path "steps") says how many steps of this network fit.
constexpr double kMaxTraceNumbers = 4194304;
std::optional<Error> check_trace_size(const Session& session, long steps);

nlohmann::ordered_json graph_json(const NeuronGraph& graph);
std::string graph_dot(const NeuronGraph& graph);

// JSON text with objects indented and lists of numbers (and rows of matrices) kept on
// one line each: readable traces that still parse as plain JSON.
std::string dump_readable(const nlohmann::ordered_json& value);

}  // namespace bpx
