// Builds the gate graph from a parsed program: names resolve to the node of their latest
// assignment, inputs become input nodes, composites are grouped or expanded; then only
// what the output depends on is kept, values and gradients are computed, and each input
// is checked by a central finite difference.
#include "core/circuit_graph.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "core/circuit_backward.hpp"
#include "core/circuit_gates.hpp"

namespace bpx::circuit {
namespace {

SourceError at(int line, int column, std::string message) {
  return SourceError{line, column, std::move(message)};
}

class Builder {
 public:
  Builder(const Program& p, const CircuitOptions& o) : program_(p), options_(o) {
    for (const auto& [name, value] : o.set) set_[name] = value;
    for (const auto& s : p.statements)
      if (!s.target.empty()) {
        taken_.insert(s.target);
        first_line_.emplace(s.target, s.line);
      }
  }

  bool run(Circuit& c) {
    for (const auto& s : program_.statements)
      if (!statement(s)) return false;
    if (!unused_settings()) return false;
    int out = -1;
    std::string out_name;
    if (!options_.output.empty()) {
      auto it = names_.find(options_.output);
      if (it == names_.end()) {
        std::vector<std::string> known(taken_.begin(), taken_.end());
        std::string guess = closest_name(options_.output, known);
        return fail(at(0, 0,
                       "--output: the program assigns no name '" + options_.output + "'" +
                           (guess.empty() ? "" : " (did you mean " + guess + "?)")));
      }
      out = it->second;
      out_name = options_.output;
    } else {
      const Statement& last = program_.statements.back();
      out_name = last.target.empty() ? (taken_.count("f") ? "output" : "f") : last.target;
      out = last.target.empty() ? bare_ : names_.at(last.target);
      if (last.target.empty() && nodes_[out].label.empty()) nodes_[out].label = out_name;
      if (last.target.empty()) out_name = nodes_[out].label;
    }
    finish(c, out, out_name);
    return true;
  }

  SourceError error;

 private:
  bool fail(SourceError e) {
    error = std::move(e);
    return false;
  }

  // A new node; its value and local gradients come from the gate, checked here, where
  // the line and column of the operation are known.
  bool add(CircuitNode n, int& index) {
    if (static_cast<int>(nodes_.size()) >= kMaxNodes)
      return fail(at(n.line, n.column,
                     "the circuit has more than " + std::to_string(kMaxNodes) + " gates"));
    std::vector<double> x;
    for (int i : n.inputs) x.push_back(nodes_[i].value);
    bool varies = n.op == "pow" && depends_on_input(n.inputs[1]);
    GateResult r = gate(n.op, n.constant, x, varies);
    if (!r.domain_error.empty()) return fail(at(n.line, n.column, r.domain_error));
    bool finite = std::isfinite(r.value);
    for (double d : r.local) finite = finite && std::isfinite(d);
    if (!finite)
      return fail(at(n.line, n.column,
                     n.op + " overflows here (its value or gradient is not a finite number)"));
    n.value = r.value;
    n.local = r.local;
    index = static_cast<int>(nodes_.size());
    varies_.push_back(n.op == "input" || [&] {
      for (int i : n.inputs)
        if (varies_[i]) return true;
      return false;
    }());
    nodes_.push_back(std::move(n));
    return true;
  }
  bool depends_on_input(int node) const { return varies_[node]; }

  CircuitNode gate_node(const std::string& op, std::vector<int> inputs, int line, int column) {
    CircuitNode n;
    n.op = op;
    n.kind = "gate";
    n.inputs = std::move(inputs);
    n.line = line;
    n.column = column;
    return n;
  }

  bool input_node(const std::string& name, double value, int line, int column, int& index) {
    auto it = set_.find(name);
    if (it != set_.end()) {
      value = it->second;
      used_.insert(name);
    }
    CircuitNode n;
    n.op = "input";
    n.kind = "input";
    n.label = name;
    n.constant = value;
    n.line = line;
    n.column = column;
    if (!add(std::move(n), index)) return false;
    inputs_.push_back(index);
    return true;
  }

  bool statement(const Statement& s) {
    int index = -1;
    if (s.is_input) {
      if (names_.count(s.target) || arrays_.count(s.target))
        return fail(at(s.line, s.column,
                       "'" + s.target + "' already has a value; an input is given one value"));
      if (!s.is_array) {
        if (!input_node(s.target, s.numbers[0], s.line, s.column, index)) return false;
        names_[s.target] = index;
        return true;
      }
      auto& elements = arrays_[s.target];
      for (std::size_t i = 0; i < s.numbers.size(); ++i) {
        if (!input_node(s.target + "[" + std::to_string(i) + "]", s.numbers[i], s.line, s.column,
                        index))
          return false;
        elements.push_back(index);
      }
      return true;
    }
    if (!expression(s.value, index)) return false;
    if (s.target.empty()) {
      bare_ = index;
      return true;
    }
    if (arrays_.count(s.target))
      return fail(at(s.line, s.column, "'" + s.target + "' is an array; choose another name"));
    if (s.op != "=") {
      auto it = names_.find(s.target);
      if (it == names_.end())
        return fail(at(s.line, s.op_column,
                       "'" + s.op + "' needs '" + s.target + "' to have a value first"));
      static const std::map<std::string, std::string> kOps = {
          {"+=", "add"}, {"-=", "sub"}, {"*=", "mul"}, {"/=", "div"}};
      if (!add(gate_node(kOps.at(s.op), {it->second, index}, s.line, s.op_column), index))
        return false;
    }
    name_node(s.target, index);
    return true;
  }

  // The node of `index` now holds `name`: it is labelled with it unless it already carries
  // a label (an alias `y = x` keeps x's node and label).
  void name_node(const std::string& name, int index) {
    names_[name] = index;
    CircuitNode& n = nodes_[index];
    if (!n.label.empty()) return;
    int version = ++versions_[name];
    n.label = version == 1 ? name : name + "#" + std::to_string(version);
  }

  bool expression(const Expr& e, int& index) {
    switch (e.kind) {
      case Expr::Kind::Number:
      case Expr::Kind::Constant: {
        CircuitNode n;
        n.op = "const";
        n.kind = "constant";
        n.constant = e.number;
        n.label = e.text;
        n.line = e.line;
        n.column = e.column;
        return add(std::move(n), index);
      }
      case Expr::Kind::Name:
        return name(e, index);
      case Expr::Kind::Index: {
        auto it = arrays_.find(e.name);
        if (it == arrays_.end())
          return fail(
              at(e.line, e.column,
                 "'" + e.name + "' is not an array (give it one: " + e.name + " = [1, 2])"));
        if (e.index >= static_cast<int>(it->second.size()))
          return fail(at(e.line, e.column,
                         "index " + std::to_string(e.index) + " is out of range: '" + e.name +
                             "' has " + std::to_string(it->second.size()) + " elements"));
        index = it->second[e.index];
        return true;
      }
      case Expr::Kind::Unary: {
        int a = -1;
        if (!expression(e.args[0], a)) return false;
        return add(gate_node("neg", {a}, e.line, e.column), index);
      }
      case Expr::Kind::Binary: {
        int a = -1, b = -1;
        if (!expression(e.args[0], a) || !expression(e.args[1], b)) return false;
        static const std::map<std::string, std::string> kOps = {
            {"+", "add"}, {"-", "sub"}, {"*", "mul"}, {"/", "div"}, {"**", "pow"}};
        return add(gate_node(kOps.at(e.op), {a, b}, e.line, e.column), index);
      }
      case Expr::Kind::Call:
        return call(e, index);
    }
    return false;
  }

  bool name(const Expr& e, int& index) {
    auto it = names_.find(e.name);
    if (it != names_.end()) {
      index = it->second;
      return true;
    }
    if (arrays_.count(e.name))
      return fail(at(e.line, e.column,
                     "'" + e.name + "' is an array: use its elements, " + e.name + "[0] to " +
                         e.name + "[" + std::to_string(arrays_[e.name].size() - 1) + "]"));
    if (set_.count(e.name)) {  // a free name given a value by the options
      if (!input_node(e.name, 0, e.line, e.column, index)) return false;
      names_[e.name] = index;
      return true;
    }
    std::vector<std::string> known;
    for (const auto& [n, i] : names_) known.push_back(n);
    for (const auto& [n, i] : arrays_) known.push_back(n);
    std::string guess = closest_name(e.name, known);
    std::string hint = guess.empty() ? " (give it a value first: " + e.name + " = 1.5)"
                                     : " (did you mean " + guess + "?)";
    auto first = first_line_.find(e.name);
    if (first != first_line_.end() && first->second > e.line)
      hint = " yet: it is assigned on a later line";
    return fail(at(e.line, e.column, "'" + e.name + "' has no value" + hint));
  }

  bool call(const Expr& e, int& index) {
    std::vector<int> args;
    for (const auto& a : e.args) {
      int i = -1;
      if (!expression(a, i)) return false;
      args.push_back(i);
    }
    bool composite = e.name == "sigmoid" || e.name == "tanh";
    if (!options_.expanded || !composite)
      return add(gate_node(e.name, args, e.line, e.column), index);
    // Expanded: the composite's own gates, grouped under one id.
    int group = next_group_++;
    auto part = [&](const std::string& op, std::vector<int> in, double c, int& out) {
      CircuitNode n = gate_node(op, std::move(in), e.line, e.column);
      n.constant = c;
      n.group = e.name;
      n.group_id = group;
      return add(std::move(n), out);
    };
    int a = -1, b = -1, d = -1, f = -1;
    if (e.name == "sigmoid")  // 1 / (1 + exp(-x))
      return part("neg", {args[0]}, 0, a) && part("exp", {a}, 0, b) &&
             part("add_const", {b}, 1, d) && part("inv", {d}, 0, index);
    // tanh(x) = (e^2x - 1) / (e^2x + 1): e^2x forks into both halves
    return part("scale", {args[0]}, 2, a) && part("exp", {a}, 0, b) &&
           part("add_const", {b}, -1, d) && part("add_const", {b}, 1, f) &&
           part("div", {d, f}, 0, index);
  }

  bool unused_settings() {
    for (const auto& [name, value] : set_) {
      if (used_.count(name)) continue;
      std::vector<std::string> known;
      for (int i : inputs_) known.push_back(nodes_[i].label);
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      return fail(at(0, 0,
                     "--set: '" + name + "' is not an input of the program" +
                         (list.empty() ? " (it has none)" : " (inputs: " + list + ")")));
    }
    return true;
  }

  void finish(Circuit& c, int out, const std::string& out_name);

  const Program& program_;
  const CircuitOptions& options_;
  std::map<std::string, double> set_;
  std::set<std::string> used_, taken_;
  std::map<std::string, int> names_, versions_, first_line_;
  std::map<std::string, std::vector<int>> arrays_;
  std::vector<CircuitNode> nodes_;
  std::vector<bool> varies_;
  std::vector<int> inputs_;
  int bare_ = -1;
  int next_group_ = 0;
};

// Keeps the inputs and what the output depends on, labels the unnamed gates t1, t2, ...,
// back-propagates, writes the notes and runs the finite-difference check.
void Builder::finish(Circuit& c, int out, const std::string& out_name) {
  std::vector<bool> keep(nodes_.size(), false);
  keep[out] = true;
  for (int i = out; i >= 0; --i)
    if (keep[i])
      for (int j : nodes_[i].inputs) keep[j] = true;
  for (int i : inputs_) keep[i] = true;
  std::vector<int> renumber(nodes_.size(), -1);
  int t = 0;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (!keep[i]) continue;
    CircuitNode n = nodes_[i];
    for (int& j : n.inputs) j = renumber[j];
    while (n.label.empty()) {
      std::string candidate = "t" + std::to_string(++t);
      if (!taken_.count(candidate) && !set_.count(candidate)) n.label = candidate;
    }
    renumber[i] = static_cast<int>(c.nodes.size());
    n.id = "n" + std::to_string(c.nodes.size());
    c.nodes.push_back(std::move(n));
  }
  c.output = renumber[out];
  c.output_name = out_name;
  c.expanded = options_.expanded;
  for (int i : inputs_) {
    CircuitInput in;
    in.node = renumber[i];
    in.name = c.nodes[in.node].label;
    in.value = c.nodes[in.node].value;
    c.inputs.push_back(in);
  }
  backpropagate_and_check(c);
}

}  // namespace

Outcome<Circuit> build_circuit(const Program& program, const CircuitOptions& options) {
  Outcome<Circuit> out;
  Builder b(program, options);
  Circuit c;
  if (!b.run(c)) {
    out.error = b.error;
    return out;
  }
  out.value = std::move(c);
  return out;
}

Outcome<Circuit> circuit_from_text(const std::string& text, const CircuitOptions& options) {
  auto p = parse_program(text);
  if (!p) {
    Outcome<Circuit> out;
    out.error = p.error;
    return out;
  }
  return build_circuit(*p.value, options);
}

}  // namespace bpx::circuit
