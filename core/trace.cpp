#include "core/trace.hpp"

#include <algorithm>
#include <cstdio>

namespace bpx {

using json = nlohmann::ordered_json;

json matrix_json(const Matrix& M) {
  json rows = json::array();
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    json row = json::array();
    for (Eigen::Index j = 0; j < M.cols(); ++j) row.push_back(M(i, j));
    rows.push_back(std::move(row));
  }
  return rows;
}

json vector_json(const Matrix& v) {
  json out = json::array();
  for (Eigen::Index i = 0; i < v.rows(); ++i) out.push_back(v(i, 0));
  return out;
}

std::optional<Error> check_trace_size(const Session& x, long steps) {
  const double m = x.batch_size();
  double per_step = m;  // the batch indices
  for (int l = 1; l <= x.L(); ++l) {
    const double n = x.spec().layers[static_cast<size_t>(l)];
    const double p = x.spec().layers[static_cast<size_t>(l - 1)];
    per_step += 4 * n * m + 2 * (n * p + n);  // z a dA dZ; dW db; W b
  }
  if (per_step * static_cast<double>(steps) <= kMaxTraceNumbers) return std::nullopt;
  const long most = std::max(1L, static_cast<long>(kMaxTraceNumbers / per_step));
  return Error{"steps", std::to_string(steps) + " steps of this network print more than " +
                            std::to_string(static_cast<long>(kMaxTraceNumbers)) +
                            " numbers; ask for at most " + std::to_string(most) +
                            " steps per call"};
}

json run_trace(Session& s, long steps) {
  json entries = json::array();
  for (long k = 0; k < steps; ++k) {
    auto div = s.step();
    json e;
    e["step"] = s.step_count();
    e["epoch"] = s.epoch();
    e["batch"] = s.batch();
    json fwd = json::array(), bwd = json::array(), w = json::array(), b = json::array();
    for (int l = 1; l <= s.L(); ++l) {
      fwd.push_back({{"z", matrix_json(s.Z(l))}, {"a", matrix_json(s.A(l))}});
      bwd.push_back({{"dA", matrix_json(s.dA(l))},
                     {"dZ", matrix_json(s.dZ(l))},
                     {"dW", matrix_json(s.dW(l))},
                     {"db", vector_json(s.db(l))}});
      w.push_back(matrix_json(s.W(l)));
      b.push_back(vector_json(s.b(l)));
    }
    e["forward"] = fwd;
    e["loss"] = s.loss();
    e["backward"] = bwd;
    e["after"] = {{"weights", w}, {"biases", b}};
    if (div) {
      e["divergence"] = {{"step", div->step},
                         {"phase", div->phase},
                         {"layer", div->layer},
                         {"quantity", div->quantity},
                         {"message", div->message()}};
    }
    entries.push_back(std::move(e));
    if (div) break;
  }
  return entries;
}

json graph_json(const NeuronGraph& g) {
  json nodes = json::array();
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    nodes.push_back({{"id", i},
                     {"label", n.label},
                     {"op", n.op},
                     {"kind", n.kind},
                     {"inputs", n.inputs},
                     {"value", n.value},
                     {"grad", n.grad}});
  }
  json inputs = json::array();
  for (const auto& in : g.links.inputs) {
    inputs.push_back(
        {{"label", in.label}, {"x", in.x}, {"w", in.w}, {"dL_dw", in.dL_dw}, {"w_new", in.w_new}});
  }
  json out = {{"layer", g.layer},
              {"unit", g.unit},
              {"example", g.example},
              {"root", g.options.root},
              {"expanded", g.options.expanded},
              {"is_output", g.is_output},
              {"nodes", nodes},
              {"z", g.z_node},
              {"a", g.a_node},
              {"output", g.root_node},
              {"links",
               {{"dL_da", g.links.dL_da},
                {"da_dz", g.links.da_dz},
                {"delta", g.links.delta},
                {"learning_rate", g.links.learning_rate},
                {"inputs", inputs},
                {"b", g.links.b},
                {"b_new", g.links.b_new}}}};
  if (!g.note.empty()) out["note"] = g.note;
  return out;
}

std::string graph_dot(const NeuronGraph& g) {
  auto num = [](double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", x);
    return std::string(buf);
  };
  std::string out =
      "digraph neuron {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n";
  for (size_t i = 0; i < g.nodes.size(); ++i) {
    const GraphNode& n = g.nodes[i];
    const char* shape =
        n.kind == "parameter" ? "ellipse" : (n.inputs.empty() ? "plaintext" : "box");
    out += "  n" + std::to_string(i) + " [shape=" + shape + ", label=\"" + n.label + "\\n" + n.op +
           "\\nvalue " + num(n.value) + "\\ngrad " + num(n.grad) + "\"];\n";
    for (int in : n.inputs) {
      out += "  n" + std::to_string(in) + " -> n" + std::to_string(i) + ";\n";
    }
  }
  return out + "}\n";
}

namespace {

bool is_flat(const json& v) {
  if (!v.is_array()) return !v.is_object();
  for (const auto& x : v) {
    if (x.is_object()) return false;
    if (x.is_array()) {
      for (const auto& y : x)
        if (y.is_structured()) return false;
    }
  }
  return true;
}

void write_readable(const json& v, int depth, std::string& out) {
  const std::string pad(static_cast<size_t>(2 * (depth + 1)), ' ');
  const std::string end_pad(static_cast<size_t>(2 * depth), ' ');
  if (v.is_object() && !v.empty()) {
    out += "{\n";
    size_t i = 0;
    for (auto it = v.begin(); it != v.end(); ++it, ++i) {
      out += pad + json(it.key()).dump() + ": ";
      write_readable(it.value(), depth + 1, out);
      out += i + 1 < v.size() ? ",\n" : "\n";
    }
    out += end_pad + "}";
  } else if (v.is_array() && !v.empty() && !is_flat(v)) {
    out += "[\n";
    for (size_t i = 0; i < v.size(); ++i) {
      out += pad;
      write_readable(v[i], depth + 1, out);
      out += i + 1 < v.size() ? ",\n" : "\n";
    }
    out += end_pad + "]";
  } else {
    out += v.dump();
  }
}

}  // namespace

std::string dump_readable(const json& value) {
  std::string out;
  write_readable(value, 0, out);
  return out;
}

}  // namespace bpx
