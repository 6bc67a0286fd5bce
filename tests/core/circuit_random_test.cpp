// Seeded random circuit programs (every op, forks, repeated names, compound assignment)
// checked against central finite differences, grouped and expanded.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/circuit_graph.hpp"
#include "core/rng.hpp"

namespace {

// Writes random programs over a growing set of names; values stay in a moderate range
// (domains guarded: log(1 + x*x), sqrt(x*x + 0.5), division by 1 + x*x, positive bases).
class ProgramGenerator {
 public:
  explicit ProgramGenerator(uint64_t seed) : rng_(seed) {}

  std::string program() {
    names_ = {"a", "b", "w[0]", "w[1]"};
    std::string text =
        "a = " + number() + "\nb = " + number() + "\nw = [" + number() + ", " + number() + "]\n";
    int lines = 4 + static_cast<int>(rng_.below(6));
    for (int i = 0; i < lines; ++i) {
      // Reuse an existing name now and then: repeated names and compound assignment.
      bool reuse = i > 0 && rng_.below(3) == 0;
      std::string target =
          reuse ? assigned_[rng_.below(assigned_.size())] : "v" + std::to_string(i);
      static const char* kOps[] = {"=", "+=", "-=", "*=", "/="};
      std::string op = reuse ? kOps[rng_.below(5)] : "=";
      std::string e = op == "/=" ? "(1 + " + square(expr(1)) + ")" : bounded(expr(2));
      text += target + " " + op + " " + e + "\n";
      if (!reuse) {
        assigned_.push_back(target);
        names_.push_back(target);
      }
    }
    return text;
  }

 private:
  std::string number() { return std::to_string(rng_.uniform(-2, 2)); }
  std::string name() { return names_[rng_.below(names_.size())]; }
  std::string square(const std::string& e) { return "(" + e + ") * (" + e + ")"; }
  std::string bounded(const std::string& e) {
    switch (rng_.below(3)) {
      case 0:
        return "tanh(" + e + ")";
      case 1:
        return "2 * sigmoid(" + e + ")";
      default:
        return e;
    }
  }
  std::string expr(int depth) {
    if (depth == 0) return rng_.below(5) == 0 ? number() : name();
    std::string x = expr(depth - 1), y = expr(depth - 1);
    switch (rng_.below(20)) {
      case 0:
        return "(" + x + " + " + y + ")";
      case 1:
        return "(" + x + " - " + y + ")";
      case 2:
        return "(" + x + " * " + y + ")";
      case 3:
        return x + " / (1 + " + square(y) + ")";
      case 4:
        return "-" + x;
      case 5:
        return "(0.5 + " + square(x) + ") ** 1.5";
      case 6:
        return "math.exp(tanh(" + x + "))";
      case 7:
        return "np.log(1 + " + square(x) + ")";
      case 8:
        return "sqrt(" + square(x) + " + 0.5)";
      case 9:
        return "tanh(" + x + ")";
      case 10:
        return "sigmoid(" + x + ")";
      case 11:
        return "relu(" + x + ")";
      case 12:
        return "abs(" + x + ")";
      case 13:
        return "max(" + x + ", " + y + ")";
      case 14:
        return "min(" + x + ", " + y + ", " + name() + ")";
      case 15:
        return "pow(1 + sigmoid(" + x + "), " + y + ")";
      case 16:
        return x + " ^ 2";
      case 17:
        return "(" + x + " * " + x + ")";  // a fork: one value, two wires into one gate
      case 18:
        // As the default case (same draws), with x through a bounded softplus.
        return "(np.softplus(tanh(" + x + ")) + " + name() + " * " + y + ")";
      default:
        return "(" + x + " + " + name() + " * " + y + ")";
    }
  }

  bpx::Pcg32 rng_;
  std::vector<std::string> names_, assigned_;
};

TEST(CircuitRandomPrograms, GradientsMatchCentralFiniteDifferences) {
  std::map<std::string, int> ops_seen;
  int forks = 0, checked = 0;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    std::string text = ProgramGenerator(seed).program();
    for (bool expanded : {false, true}) {
      bpx::circuit::CircuitOptions o;
      o.expanded = expanded;
      auto c = bpx::circuit::circuit_from_text(text, o);
      ASSERT_TRUE(c.ok()) << c.error.text() << "\n" << text;
      const auto& circuit = *c.value;
      double f = std::fabs(circuit.nodes[circuit.output].value);
      for (const auto& in : circuit.inputs) {
        double tolerance = 1e-6 * (1 + std::fabs(in.grad) + f);
        EXPECT_NEAR(in.numeric, in.grad, tolerance)
            << "seed " << seed << " input " << in.name << (expanded ? " expanded" : "") << "\n"
            << text;
        ++checked;
      }
      for (const auto& n : circuit.nodes) {
        ++ops_seen[n.op];
        if (n.paths.size() > 1) ++forks;
        double sum = 0;
        for (const auto& p : n.paths) sum += p.grad;
        if (!n.paths.empty()) {
          EXPECT_DOUBLE_EQ(sum, n.grad) << n.label;  // paths add up
        }
      }
    }
  }
  for (const char* op :
       {"add", "sub", "mul", "div", "neg", "pow", "exp", "log", "sqrt", "tanh", "sigmoid",
        "softplus", "relu", "abs", "max", "min", "add_const", "scale", "inv"})
    EXPECT_GT(ops_seen[op], 0) << op << " never generated";
  EXPECT_GT(forks, 100);
  EXPECT_GT(checked, 2000);
}

}  // namespace
