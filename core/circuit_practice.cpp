// Practice on circuits (see circuit_practice.hpp). Each mistake is the right rule with one
// piece changed, computed from the circuit's own values and local gradients; the first
// whose number agrees with the answer (and not with the right value) is named.
#include "core/circuit_practice.hpp"

#include <cmath>
#include <map>

#include "core/activation.hpp"
#include "core/answer_parse.hpp"
#include "core/circuit_gates.hpp"

namespace bpx::circuit {

const std::vector<CircuitMistakeInfo>& circuit_mistakes() {
  static const std::vector<CircuitMistakeInfo> all = {
      {"multiply_no_swap",
       "a multiply gate's input given upstream x itself, not x the other input"},
      {"missing_upstream", "the local gradient alone, without the gradient arriving from above"},
      {"local_gradient_one", "the upstream gradient passed on unchanged, as if the gate added"},
      {"derivative_point", "sigmoid's or tanh's derivative taken at the wrong point"},
      {"quotient_rule", "d(a/b)/db taken as -1/b^2, without the a"},
      {"missing_fork_sum", "one wire's gradient where a node feeds several gates"},
      {"swapped_operands", "b - a, b / a or b ^ a for a - b, a / b, a ^ b"},
      {"sign", "the right number with the wrong sign"},
  };
  return all;
}

namespace {

// A number for a sentence, in parentheses when negative.
std::string num(double x) { return x < 0 ? "(" + brief(x) + ")" : brief(x); }

const char* symbol(const std::string& op) {
  static const std::map<std::string, const char*> s = {
      {"add", " + "}, {"sub", " - "}, {"mul", " x "}, {"div", " / "}, {"pow", " ^ "}};
  auto it = s.find(op);
  return it == s.end() ? nullptr : it->second;
}

struct Candidate {
  const char* key;
  double value;
  std::string why;  // after "your A " ...
};

class Checker {
 public:
  Checker(const Circuit& c) : c_(c) {}

  int index(const std::string& id) const {
    for (std::size_t i = 0; i < c_.nodes.size(); ++i)
      if (c_.nodes[i].id == id) return static_cast<int>(i);
    return -1;
  }
  const CircuitNode& at(int i) const { return c_.nodes[static_cast<std::size_t>(i)]; }
  std::string label(int i) const { return at(i).label; }

  // "q = x + y", "a = sigmoid(t1)"
  std::string formula(int g) const {
    const CircuitNode& n = at(g);
    std::string args;
    if (n.op == "add_const" || n.op == "scale") {
      return label(g) + " = " +
             (n.op == "scale" ? brief(n.constant) + " x " + label(n.inputs[0])
                              : label(n.inputs[0]) + " + " + num(n.constant));
    }
    if (symbol(n.op) && n.inputs.size() == 2)
      return label(g) + " = " + label(n.inputs[0]) + symbol(n.op) + label(n.inputs[1]);
    for (int in : n.inputs) args += (args.empty() ? "" : ", ") + label(in);
    return label(g) + " = " + n.op + "(" + args + ")";
  }

  // The gradient along the wire into input `slot` of gate g, as the engine computed it.
  double wire(int g, int slot) const {
    const CircuitNode& from = at(at(g).inputs[static_cast<std::size_t>(slot)]);
    for (const auto& p : from.paths)
      if (p.to == g && p.slot == slot) return p.grad;
    return 0;
  }

  // The wire mistakes at gate g, input slot k (upstream U = grad(g), local L).
  std::vector<Candidate> wire_mistakes(int g, int k) const {
    const CircuitNode& G = at(g);
    const int n = G.inputs[static_cast<std::size_t>(k)];
    const double U = G.grad, L = G.local[static_cast<std::size_t>(k)], right = wire(g, k);
    const std::string in = label(n), here = "the " + G.op + " gate " + formula(g);
    std::vector<Candidate> out;
    if (G.op == "mul") {
      const int other = G.inputs[static_cast<std::size_t>(1 - k)];
      out.push_back({"multiply_no_swap", U * at(n).value,
                     "multiplies the upstream gradient by " + in + " itself (" + num(U) + " x " +
                         num(at(n).value) + "); the multiply gate swaps its inputs: " + in +
                         " gets upstream x the other input " + label(other) + ", " + num(U) +
                         " x " + num(at(other).value) + " = " + brief(right) + "."});
    }
    if (U != 1)
      out.push_back({"missing_upstream", L,
                     "is the local gradient d" + label(g) + "/d" + in + " = " + brief(L) +
                         " alone; the chain rule multiplies it by the gradient arriving at " +
                         label(g) + ", " + num(U) + ": " + num(U) + " x " + num(L) + " = " +
                         brief(right) + "."});
    if (L != 1) {
      std::string rule = G.op == "max" || G.op == "min" || G.op == "relu"
                             ? G.op +
                                   " routes: the whole gradient goes to the input it passed on, "
                                   "and " +
                                   in + " gets " + num(U) + " x " + brief(L)
                             : "the local gradient of " + here + " for " + in + " is " + brief(L) +
                                   ", so " + in + " gets " + num(U) + " x " + num(L);
      out.push_back({"local_gradient_one", U,
                     "passes the upstream gradient " + brief(U) +
                         " on unchanged, as an add gate "
                         "would; " +
                         rule + " = " + brief(right) + "."});
    }
    if (G.op == "sigmoid" || G.op == "tanh") {
      const double y = G.value, x = at(n).value;
      const bool s = G.op == "sigmoid";
      const double at_output =
          s ? sigmoid(y) * (1 - sigmoid(y)) : 1 - tanh_exact(y) * tanh_exact(y);
      const std::string f = s ? "sigma" : "tanh";
      const std::string rule =
          s ? "sigma'(x) = sigma(x)(1 - sigma(x)) = " + brief(y) + " x (1 - " + brief(y) + ")"
            : "tanh'(x) = 1 - tanh(x)^2 = 1 - " + num(y) + "^2";
      out.push_back({"derivative_point", U * at_output,
                     "evaluates " + f + "' at the gate's output " + brief(y) + " (applying " + f +
                         " twice); " + rule + " uses the output itself, so " + in + " gets " +
                         num(U) + " x " + num(L) + " = " + brief(right) + "."});
      out.push_back({"derivative_point", U * (s ? x * (1 - x) : 1 - x * x),
                     "puts the gate's input " + brief(x) + " into the derivative; " + rule +
                         " takes the output " + brief(y) + ", so " + in + " gets " + num(U) +
                         " x " + num(L) + " = " + brief(right) + "."});
    }
    if (G.op == "div" && k == 1) {
      const double b = at(n).value, a = at(G.inputs[0]).value;
      out.push_back({"quotient_rule", U * (-1 / (b * b)),
                     "takes d(a/b)/db as -1/b^2; it is -a/b^2 = -" + num(a) + "/" + num(b) +
                         "^2, so " + in + " gets " + num(U) + " x " + num(L) + " = " +
                         brief(right) + "."});
    }
    return out;
  }

  std::string wire_rule(int g, int k) const {
    const CircuitNode& G = at(g);
    const int n = G.inputs[static_cast<std::size_t>(k)];
    return "the gradient into " + label(n) + " from " + formula(g) + " is upstream x d" + label(g) +
           "/d" + label(n) + " = " + num(G.grad) + " x " +
           num(G.local[static_cast<std::size_t>(k)]) + " = " + brief(wire(g, k));
  }

  std::string grad_rule(int n) const {
    const CircuitNode& N = at(n);
    if (N.paths.empty()) return "d" + label(n) + "/d" + label(n) + " = 1: the output's gradient";
    std::string sum;
    for (const auto& p : N.paths) sum += (sum.empty() ? "" : " + ") + num(p.grad);
    return "the gradient of " + label(n) + " adds up its wires: " + sum + " = " + brief(N.grad);
  }

  std::string value_rule(int g) const {
    const CircuitNode& G = at(g);
    if (G.inputs.empty()) return label(g) + " = " + brief(G.value);
    std::string with;
    for (int in : G.inputs)
      with += (with.empty() ? "" : ", ") + label(in) + " = " + num(at(in).value);
    return formula(g) + " with " + with + " gives " + brief(G.value);
  }

  std::vector<Candidate> grad_mistakes(int n) const {
    const CircuitNode& N = at(n);
    std::vector<Candidate> out;
    if (N.paths.size() > 1) {
      std::string sum;
      for (const auto& p : N.paths) sum += (sum.empty() ? "" : " + ") + num(p.grad);
      for (const auto& p : N.paths)
        out.push_back({"missing_fork_sum", p.grad,
                       "is the gradient along one wire only (into " + formula(p.to) + "); " +
                           label(n) + " feeds " + std::to_string(N.paths.size()) +
                           " wires, and gradients add up at forks: " + sum + " = " + brief(N.grad) +
                           "."});
    }
    // A wire mistake made on every wire it applies to (the others right).
    for (const auto& info : circuit_mistakes()) {
      double total = 0;
      bool applies = false;
      std::string why;
      for (const auto& p : N.paths) {
        double term = p.grad;
        for (const auto& m : wire_mistakes(p.to, p.slot))
          if (std::string(m.key) == info.key) {
            term = m.value;
            applies = true;
            if (why.empty()) why = m.why;
            break;
          }
        total += term;
      }
      if (applies) out.push_back({info.key, total, why});
    }
    return out;
  }

  std::vector<Candidate> value_mistakes(int g) const {
    const CircuitNode& G = at(g);
    std::vector<Candidate> out;
    if ((G.op == "sub" || G.op == "div" || G.op == "pow") && G.inputs.size() == 2) {
      const double a = at(G.inputs[0]).value, b = at(G.inputs[1]).value;
      const double swapped = gate(G.op, G.constant, {b, a}).value;
      out.push_back({"swapped_operands", swapped,
                     "computes " + label(G.inputs[1]) + symbol(G.op) + label(G.inputs[0]) +
                         "; the order matters: " + formula(g) + " = " + num(a) + symbol(G.op) +
                         num(b) + " = " + brief(G.value) + "."});
    }
    return out;
  }

 private:
  const Circuit& c_;
};

Error bad(const std::string& path, const std::string& message) {
  return Error{path, path + ": " + message};
}

}  // namespace

Result<CircuitCheck> check_circuit_answer(const Circuit& c, const CircuitQuestion& q,
                                          const std::string& answer_text) {
  Checker k(c);
  const int n = k.index(q.node);
  if (n < 0) return bad("node", "no node '" + q.node.substr(0, 40) + "' in this circuit");
  const CircuitNode& N = k.at(n);
  if (q.asked == Asked::Wire && (q.slot < 0 || q.slot >= static_cast<int>(N.inputs.size())))
    return bad("slot", N.inputs.empty() ? "'" + N.label + "' is not a gate: it has no inputs"
                                        : "expected an input of '" + N.label + "' from 0 to " +
                                              std::to_string(N.inputs.size() - 1));
  auto parsed = parse_answer(answer_text);
  if (!parsed) return parsed.error();
  const ParsedAnswer& a = parsed.value();

  CircuitCheck r;
  std::vector<Candidate> mistakes;
  if (q.asked == Asked::Value) {
    r.expected = N.value;
    r.rule = k.value_rule(n);
    mistakes = k.value_mistakes(n);
  } else if (q.asked == Asked::Wire) {
    r.expected = k.wire(n, q.slot);
    r.rule = k.wire_rule(n, q.slot);
    mistakes = k.wire_mistakes(n, q.slot);
  } else {
    r.expected = N.grad;
    r.rule = k.grad_rule(n);
    mistakes = k.grad_mistakes(n);
  }
  mistakes.push_back(
      {"sign", -r.expected, "has the right size and the wrong sign: " + r.rule + "."});
  r.answer = a.value;
  r.digits = a.digits;
  r.correct = answer_agrees(a, r.expected);
  if (r.correct) return r;
  const std::string yours = "your " + answer_text.substr(0, 40);
  // A mistake that gives the right number cannot be told apart: it is not named. An answer
  // of one significant digit names a mistake only when no other one gives the same number.
  const Candidate* first = nullptr;
  bool ambiguous = false;
  for (const auto& m : mistakes) {
    if (!std::isfinite(m.value) || m.value == r.expected || !answer_agrees(a, m.value)) continue;
    if (!first)
      first = &m;
    else if (std::string(first->key) != m.key)
      ambiguous = true;
  }
  if (first && (a.digits >= kMinDiagnosisDigits || !ambiguous)) {
    r.diagnosis = Diagnosis{first->key, yours + " " + first->why, first->value, -1};
    return r;
  }
  if (first) {
    r.diagnosis = Diagnosis{"unknown",
                            yours +
                                " is not right, and one digit fits more than one mistake; "
                                "type at least " +
                                std::to_string(kMinDiagnosisDigits) +
                                " significant digits and the check names the one it reproduces.",
                            std::nan(""), -1};
    return r;
  }
  r.diagnosis = Diagnosis{"unknown", yours + " is not one of the known mistakes: " + r.rule + ".",
                          std::nan(""), -1};
  return r;
}

}  // namespace bpx::circuit
