// Circuits with answers derived by hand: CS231n's f = (x + y) z, the CS231n sigmoid neuron,
// seed 003's precedence slip `1 / 1 + exp(-product)`, forks, repeated names, powers, max.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/circuit_graph.hpp"
#include "core/circuit_presets.hpp"

namespace {

using bpx::circuit::Circuit;
using bpx::circuit::CircuitOptions;

Circuit build(const std::string& program, CircuitOptions o = {}) {
  auto c = bpx::circuit::circuit_from_text(program, o);
  EXPECT_TRUE(c.ok()) << c.error.text();
  return c.ok() ? *c.value : Circuit{};
}

const bpx::circuit::CircuitInput& input(const Circuit& c, const std::string& name) {
  for (const auto& in : c.inputs)
    if (in.name == name) return in;
  ADD_FAILURE() << "no input " << name;
  static bpx::circuit::CircuitInput none;
  return none;
}

const bpx::circuit::CircuitNode& node(const Circuit& c, const std::string& label) {
  for (const auto& n : c.nodes)
    if (n.label == label) return n;
  ADD_FAILURE() << "no node " << label;
  return c.nodes.front();
}

double out(const Circuit& c) { return c.nodes[c.output].value; }

TEST(CircuitKnownAnswers, Cs231nAddThenMultiply) {
  // q = x + y = 3, f = q z = -12; df/dq = z = -4, df/dz = q = 3, df/dx = df/dy = df/dq * 1.
  Circuit c = build("x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n");
  EXPECT_EQ(c.output_name, "f");
  EXPECT_EQ(out(c), -12);
  EXPECT_EQ(input(c, "x").grad, -4);
  EXPECT_EQ(input(c, "y").grad, -4);
  EXPECT_EQ(input(c, "z").grad, 3);
  EXPECT_EQ(node(c, "q").grad, -4);
  EXPECT_EQ(node(c, "q").pattern, "distributes");
  EXPECT_EQ(node(c, "f").pattern, "swaps");
  for (const auto& in : c.inputs) EXPECT_NEAR(in.numeric, in.grad, 1e-8) << in.name;
}

TEST(CircuitKnownAnswers, SingleExpressionWithSetValues) {
  CircuitOptions o;
  o.set = {{"x", -2}, {"y", 5}, {"z", -4}};
  Circuit c = build("(x + y) * z", o);
  EXPECT_EQ(c.output_name, "f");
  EXPECT_EQ(out(c), -12);
  EXPECT_EQ(input(c, "z").grad, 3);
  // --set overrides a value given in the program.
  o.set = {{"x", 1}};
  Circuit d = build("x = -2\ny = 5\nf = x * y", o);
  EXPECT_EQ(out(d), 5);
  EXPECT_EQ(input(d, "y").grad, 1);
}

const char* kNeuron =
    "w = [2, -3, -3]\n"
    "x = [-1, -2]\n"
    "product = w[0]*x[0] + w[1]*x[1] + w[2]\n";

TEST(CircuitKnownAnswers, Cs231nSigmoidNeuronGroupedAndExpanded) {
  // By hand: z = 2(-1) + (-3)(-2) - 3 = 1; f = s = 1/(1 + e^-1); df/dz = s(1 - s);
  // dw_i = x_i df/dz, dw2 = df/dz, dx_i = w_i df/dz (CS231n: dx = [0.39, -0.59],
  // dw = [-0.2, -0.39, 0.2]).
  const double s = 1 / (1 + std::exp(-1.0));
  const double dz = s * (1 - s);
  for (bool expanded : {false, true}) {
    CircuitOptions o;
    o.expanded = expanded;
    Circuit c = build(std::string(kNeuron) + "activation = 1 / (1 + math.exp(-product))", o);
    EXPECT_NEAR(out(c), s, 1e-15);
    EXPECT_EQ(node(c, "product").value, 1);
    EXPECT_NEAR(input(c, "w[0]").grad, -dz, 1e-15);
    EXPECT_NEAR(input(c, "w[1]").grad, -2 * dz, 1e-15);
    EXPECT_NEAR(input(c, "w[2]").grad, dz, 1e-15);
    EXPECT_NEAR(input(c, "x[0]").grad, 2 * dz, 1e-15);
    EXPECT_NEAR(input(c, "x[1]").grad, -3 * dz, 1e-15);
    EXPECT_NEAR(input(c, "x[1]").grad, -0.5898357997244455, 1e-12);
    for (const auto& in : c.inputs) EXPECT_NEAR(in.numeric, in.grad, 1e-8) << in.name;
  }
}

TEST(CircuitKnownAnswers, SigmoidGateGroupedOrExpandedIntoFourGates) {
  std::string program = std::string(kNeuron) + "activation = sigmoid(product)";
  Circuit grouped = build(program);
  CircuitOptions o;
  o.expanded = true;
  Circuit expanded = build(program, o);
  EXPECT_EQ(node(grouped, "activation").op, "sigmoid");
  const double s = 1 / (1 + std::exp(-1.0));
  EXPECT_NEAR(node(grouped, "activation").local[0], s * (1 - s), 1e-16);
  // Expanded: neg -> exp -> +1 -> 1/x, the last one carrying the name.
  std::vector<std::string> ops;
  for (const auto& n : expanded.nodes)
    if (n.group == "sigmoid") ops.push_back(n.op);
  EXPECT_EQ(ops, (std::vector<std::string>{"neg", "exp", "add_const", "inv"}));
  EXPECT_EQ(node(expanded, "activation").op, "inv");
  // d(1/u)/du = -1/u^2 with u = 1 + e^-1.
  const double u = 1 + std::exp(-1.0);
  EXPECT_NEAR(node(expanded, "activation").local[0], -1 / (u * u), 1e-16);
  for (std::size_t i = 0; i < grouped.inputs.size(); ++i)
    EXPECT_NEAR(grouped.inputs[i].grad, expanded.inputs[i].grad, 1e-15);
}

TEST(CircuitKnownAnswers, TanhExpandedForksAndMatchesGrouped) {
  // tanh(x) = (e^2x - 1)/(e^2x + 1); d/dx = 1 - tanh^2. e^2x feeds both halves (a fork).
  CircuitOptions o;
  o.expanded = true;
  Circuit c = build("x = 0.5\ny = tanh(x)", o);
  const double t = std::tanh(0.5);
  EXPECT_NEAR(out(c), t, 1e-15);
  EXPECT_NEAR(input(c, "x").grad, 1 - t * t, 1e-15);
  int forks = 0;
  for (const auto& n : c.nodes)
    if (n.op == "exp") forks = static_cast<int>(n.paths.size());
  EXPECT_EQ(forks, 2);
}

TEST(CircuitKnownAnswers, Seed003PrecedenceSlipIsADifferentCircuit) {
  // As written: 1 / 1 + exp(-product) = (1 / 1) + e^-product = 1 + e^-1, and
  // d/dproduct = -e^-product: dw_i = -x_i e^-1, dx_i = -w_i e^-1, dw2 = -e^-1.
  Circuit slip = build(std::string(kNeuron) + "activation = 1 / 1 + math.exp(-product)");
  const double e = std::exp(-1.0);
  EXPECT_NEAR(out(slip), 1 + e, 1e-15);
  EXPECT_EQ(slip.nodes[slip.output].op, "add");
  EXPECT_NEAR(input(slip, "w[0]").grad, e, 1e-15);
  EXPECT_NEAR(input(slip, "w[1]").grad, 2 * e, 1e-15);
  EXPECT_NEAR(input(slip, "w[2]").grad, -e, 1e-15);
  EXPECT_NEAR(input(slip, "x[0]").grad, -2 * e, 1e-15);
  EXPECT_NEAR(input(slip, "x[1]").grad, 3 * e, 1e-15);
  Circuit intended = build(std::string(kNeuron) + "activation = 1 / (1 + math.exp(-product))");
  EXPECT_EQ(intended.nodes[intended.output].op, "div");
  EXPECT_NE(out(slip), out(intended));
}

TEST(CircuitKnownAnswers, GradientsAddUpAtForks) {
  // y = x*x + x at x = 3: dy/dx = 2x + 1 = 7, from three wires: 3 + 3 + 1.
  Circuit c = build("x = 3\ny = x * x + x");
  const auto& x = node(c, "x");
  ASSERT_EQ(x.paths.size(), 3u);
  double sum = 0;
  for (const auto& p : x.paths) sum += p.grad;
  EXPECT_EQ(sum, 7);
  EXPECT_EQ(x.grad, 7);
}

TEST(CircuitKnownAnswers, RepeatedNamesAndCompoundAssignment) {
  // y = x; y = 3y; y += x; y -= 1; y /= 2  =>  y = (3x + x - 1)/2 = 3.5 at x = 2; dy/dx = 2.
  Circuit c = build("x = 2\ny = x\ny = y * 3\ny += x\ny -= 1\ny /= 2");
  EXPECT_EQ(out(c), 3.5);
  EXPECT_EQ(input(c, "x").grad, 2);
  EXPECT_EQ(c.nodes[c.output].label, "y#4");
  EXPECT_EQ(node(c, "y").op, "mul");
}

TEST(CircuitKnownAnswers, PowersUnaryMinusAndConstants) {
  // -x**2 is -(x**2); 2**3**2 is 2**9; x^3 is a power; 2**-1 = 0.5.
  EXPECT_EQ(out(build("x = 3\ny = -x**2")), -9);
  EXPECT_EQ(out(build("y = 2**3**2")), 512);
  EXPECT_EQ(out(build("y = 2**-1")), 0.5);
  Circuit cube = build("x = 3\ny = x^3");
  EXPECT_EQ(input(cube, "x").grad, 27);  // 3x^2
  Circuit p = build("a = 2\nb = 3\ny = pow(a, b)");
  EXPECT_EQ(input(p, "a").grad, 12);                          // b a^(b-1)
  EXPECT_NEAR(input(p, "b").grad, 8 * std::log(2.0), 1e-14);  // a^b ln a
  EXPECT_NEAR(out(build("y = math.pi * 2")), 6.283185307179586, 1e-15);
  EXPECT_EQ(out(build("y = 1.5e1 + .5 + 2.")), 17.5);
}

TEST(CircuitKnownAnswers, MaxRoutesReluAbsMin) {
  Circuit c = build("a = 3\nb = 5\nm = max(a, b) * 2");
  EXPECT_EQ(input(c, "a").grad, 0);
  EXPECT_EQ(input(c, "b").grad, 2);
  EXPECT_EQ(node(c, "t1").pattern, "routes");
  EXPECT_NE(node(c, "t1").note.find("goes to b"), std::string::npos) << node(c, "t1").note;
  Circuit r = build("a = -1\nb = 4\ny = relu(a) + relu(b) + abs(a) + min(a, b)");
  EXPECT_EQ(out(r), 4 + 1 - 1);
  EXPECT_EQ(input(r, "a").grad, 0 - 1 + 1);  // relu blocks, abs gives sign, min routes
  EXPECT_EQ(input(r, "b").grad, 1);
}

TEST(CircuitKnownAnswers, SoftplusByHand) {
  // softplus(0) = log(1 + 1) = log 2 and its gradient sigmoid(0) = 1/2; times 3: 3 log 2, 3/2.
  Circuit c = build("x = 0\ny = 3 * softplus(x)");
  EXPECT_NEAR(out(c), 3 * 0.69314718055994530942, 1e-15);
  EXPECT_EQ(input(c, "x").grad, 1.5);
  EXPECT_NEAR(input(c, "x").numeric, 1.5, 1e-8);
  // At x = log 3: e^x = 3, so softplus = log 4 and the gradient 3 / (1 + 3) = 3/4. Written as
  // Python would, with either prefix.
  for (const char* f : {"softplus", "math.softplus", "np.softplus"}) {
    Circuit d = build(std::string("x = 1.0986122886681098\ny = ") + f + "(x)");
    EXPECT_EQ(node(d, "y").op, "softplus") << f;
    EXPECT_NEAR(out(d), 1.3862943611198906, 1e-15) << f;
    EXPECT_NEAR(input(d, "x").grad, 0.75, 1e-15) << f;
    EXPECT_NEAR(node(d, "y").local[0], 0.75, 1e-15) << f;
  }
  // Large arguments do not overflow: softplus(800) = 800 (plus e^-800), gradient 1.
  Circuit big = build("x = 800\ny = softplus(x)");
  EXPECT_EQ(out(big), 800);
  EXPECT_EQ(input(big, "x").grad, 1);
  Circuit small = build("x = -800\ny = softplus(x)");
  EXPECT_EQ(out(small), 0);
  EXPECT_EQ(input(small, "x").grad, 0);
}

TEST(CircuitKnownAnswers, OnlyWhatTheOutputDependsOnIsDrawn) {
  // `unused` is left out; every input stays (an unused one with gradient 0).
  Circuit c = build("x = 1\nz = 2\nunused = exp(x)\ny = x * 2", {});
  for (const auto& n : c.nodes) EXPECT_NE(n.label, "unused");
  EXPECT_EQ(input(c, "z").grad, 0);
  CircuitOptions o;
  o.output = "unused";
  Circuit d = build("x = 1\nunused = exp(x)\ny = x * 2", o);
  EXPECT_NEAR(input(d, "x").grad, std::exp(1.0), 1e-15);
}

TEST(CircuitKnownAnswers, EveryPresetBuildsAndItsComparisonExists) {
  for (const auto& p : bpx::circuit::circuit_presets()) {
    CircuitOptions o;
    o.expanded = p.expanded;
    auto c = bpx::circuit::circuit_from_text(p.program, o);
    EXPECT_TRUE(c.ok()) << p.id << ": " << c.error.text();
    if (p.compare.empty()) continue;
    bool found = false;
    for (const auto& q : bpx::circuit::circuit_presets()) found = found || q.id == p.compare;
    EXPECT_TRUE(found) << p.id << " compares with a missing preset " << p.compare;
  }
  // Seed 000's neuron by hand: z = 0.5 - 0.6 + 0.1 = 0, y_hat = 0.5, L = 0.125,
  // dL/dz = (y_hat - y) y_hat (1 - y_hat) = -0.125, dL/dw0 = x0 dL/dz, dL/dw1 = x1 dL/dz.
  auto c = build(bpx::circuit::circuit_presets()[4].program);
  EXPECT_NEAR(out(c), 0.125, 1e-16);
  EXPECT_NEAR(input(c, "w[0]").grad, -0.125, 1e-16);
  EXPECT_NEAR(input(c, "w[1]").grad, -0.25, 1e-16);
  EXPECT_NEAR(input(c, "b").grad, -0.125, 1e-16);
}

}  // namespace
