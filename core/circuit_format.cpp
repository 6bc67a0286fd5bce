// JSON, dot and Markdown of a circuit. The JSON is what the CLI prints and the wasm
// module returns; the Markdown walks through the same numbers gate by gate.
#include "core/circuit_format.hpp"

#include <cmath>
#include <sstream>

#include "core/circuit_gates.hpp"

namespace bpx::circuit {
namespace {

using json = nlohmann::ordered_json;

// A factor in a product: negative numbers in parentheses.
std::string factor(double x) { return x < 0 ? "(" + brief(x) + ")" : brief(x); }

json number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

std::string operand(const Circuit& c, int i, bool with_values) {
  const CircuitNode& n = c.nodes[i];
  if (!with_values || n.kind == "constant") return n.label;
  std::string v = brief(n.value);
  return n.value < 0 ? "(" + v + ")" : v;
}

}  // namespace

std::string gate_formula(const Circuit& c, const CircuitNode& n, bool with_values) {
  auto in = [&](std::size_t k) { return operand(c, n.inputs[k], with_values); };
  static const char* kInfix[][2] = {
      {"add", " + "}, {"sub", " - "}, {"mul", " * "}, {"div", " / "}, {"pow", " ** "}};
  for (const auto& op : kInfix)
    if (n.op == op[0]) return in(0) + op[1] + in(1);
  if (n.op == "neg")
    return with_values ? "-(" + brief(c.nodes[n.inputs[0]].value) + ")" : "-" + in(0);
  if (n.op == "add_const")
    return in(0) + (n.constant < 0 ? " - " + brief(-n.constant) : " + " + brief(n.constant));
  if (n.op == "scale") return brief(n.constant) + " * " + in(0);
  if (n.op == "inv") return "1 / " + in(0);
  if (n.op == "input" || n.op == "const") return brief(n.value);
  std::string args;
  // Inside a call's parentheses a negative number needs none of its own.
  for (std::size_t k = 0; k < n.inputs.size(); ++k) {
    const CircuitNode& a = c.nodes[n.inputs[k]];
    args += (k ? ", " : "") + (with_values && a.kind != "constant" ? brief(a.value) : a.label);
  }
  return n.op + "(" + args + ")";
}

json circuit_json(const Circuit& c) {
  json j;
  j["output"] = {
      {"name", c.output_name}, {"value", c.nodes[c.output].value}, {"node", c.nodes[c.output].id}};
  json inputs = json::object();
  for (const auto& in : c.inputs)
    inputs[in.name] = {
        {"value", in.value}, {"grad", in.grad}, {"numeric", number(in.numeric)}, {"step", in.step}};
  j["inputs"] = inputs;
  j["expanded"] = c.expanded;
  json nodes = json::array();
  for (const auto& n : c.nodes) {
    json node = {{"id", n.id}, {"label", n.label}, {"op", n.op}, {"kind", n.kind}};
    json ins = json::array(), paths = json::array();
    for (int i : n.inputs) ins.push_back(c.nodes[i].id);
    node["inputs"] = ins;
    node["value"] = n.value;
    node["grad"] = n.grad;
    node["local"] = n.local;
    for (const auto& p : n.paths)
      paths.push_back({{"to", c.nodes[p.to].id}, {"slot", p.slot}, {"grad", p.grad}});
    node["paths"] = paths;
    if (n.op == "add_const" || n.op == "scale") node["constant"] = n.constant;
    node["formula"] = gate_formula(c, n, false);
    node["calculation"] = gate_formula(c, n, true);  // the same with the inputs' values
    if (!n.group.empty()) node["group"] = {{"name", n.group}, {"id", n.group_id}};
    if (!n.pattern.empty()) {
      node["pattern"] = n.pattern;
      node["note"] = n.note;
    }
    node["line"] = n.line;
    node["column"] = n.column;
    nodes.push_back(node);
  }
  j["nodes"] = nodes;
  json forward = json::array();
  for (int i : c.forward_order()) forward.push_back(c.nodes[i].id);
  j["forward"] = forward;
  return j;
}

std::string circuit_dot(const Circuit& c) {
  std::ostringstream o;
  o << "digraph circuit {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (const auto& n : c.nodes) {
    std::string shape = n.kind == "input" || n.kind == "constant" ? "plaintext" : "circle";
    std::string text = n.kind == "input" || n.kind == "constant" ? n.label : n.op;
    o << "  " << n.id << " [shape=" << shape << ", label=\"" << text << "\"];\n";
  }
  for (std::size_t k = 0; k < c.nodes.size(); ++k)
    for (const auto& p : c.nodes[k].paths)
      o << "  " << c.nodes[k].id << " -> " << c.nodes[p.to].id << " [label=\"" << c.nodes[k].label
        << " = " << brief(c.nodes[k].value) << "\\ngrad " << brief(p.grad) << "\"];\n";
  const auto& out = c.nodes[c.output];
  o << "  result [shape=plaintext, label=\"" << c.output_name << " = " << brief(out.value)
    << "\\ngrad 1\"];\n  " << out.id << " -> result;\n}\n";
  return o.str();
}

std::string circuit_markdown(const Circuit& c) {
  std::ostringstream o;
  const auto& out = c.nodes[c.output];
  o << "# Circuit: " << c.output_name << " = " << brief(out.value) << "\n\n## Inputs\n\n";
  for (const auto& in : c.inputs) o << "- " << in.name << " = " << brief(in.value) << "\n";
  o << "\n## Forward pass\n\nEach gate computes its value from its inputs' values.\n\n";
  for (int i : c.forward_order()) {
    const auto& n = c.nodes[i];
    o << "- " << n.label << " = " << gate_formula(c, n, false) << " = " << gate_formula(c, n, true)
      << " = " << brief(n.value) << "\n";
  }
  o << "\n## Backward pass\n\nStart with d " << c.output_name << " / d " << c.output_name
    << " = 1. Each gate multiplies the gradient arriving from above (upstream) by the local "
       "gradient of each input; where a value feeds several gates, the gradients of the paths "
       "add up.\n\n";
  for (int k = static_cast<int>(c.nodes.size()) - 1; k >= 0; --k) {
    const auto& n = c.nodes[k];
    if (n.kind == "constant") continue;
    o << "- d " << c.output_name << " / d " << n.label << " = ";
    if (k == c.output) {
      o << "1";
    } else if (n.paths.empty()) {
      o << "0 (the output does not depend on it)";
    } else {
      std::string sum;
      for (const auto& p : n.paths) {
        const auto& to = c.nodes[p.to];
        if (!sum.empty()) sum += " + ";
        sum += factor(to.grad) + " * " + factor(to.local[p.slot]);
        if (n.paths.size() > 1) sum += " (via " + to.label + ")";
      }
      o << sum << " = " << brief(n.grad);
      if (n.paths.size() > 1) o << " (gradients add up at this fork)";
    }
    o << "\n";
    if (!n.note.empty()) o << "  - " << n.note << "\n";
  }
  o << "\n## Check by finite differences\n\n| input | value | gradient | (f(x+h) - f(x-h)) / 2h "
       "|\n|---|---|---|---|\n";
  for (const auto& in : c.inputs)
    o << "| " << in.name << " | " << brief(in.value) << " | " << brief(in.grad) << " | "
      << (std::isfinite(in.numeric) ? brief(in.numeric) : std::string("undefined")) << " |\n";
  return o.str();
}

}  // namespace bpx::circuit
