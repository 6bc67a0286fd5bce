// A network written out as a circuit program gives the network engine's gradients: a
// 2-2-1 network (tanh hidden, sigmoid output, mse) for one example, random parameters;
// and the neuron graph's gradients for the output neuron.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "core/circuit_graph.hpp"
#include "core/neuron_graph.hpp"
#include "core/rng.hpp"
#include "core/session.hpp"

namespace {

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

double grad(const bpx::circuit::Circuit& c, const std::string& name) {
  for (const auto& in : c.inputs)
    if (in.name == name) return in.grad;
  ADD_FAILURE() << "no input " << name;
  return 0;
}

TEST(CircuitVersusNetwork, TwoLayerNetworkWrittenOutHasTheEngineGradients) {
  bpx::Pcg32 rng(2024);
  for (int trial = 0; trial < 20; ++trial) {
    double W1[2][2], b1[2], W2[2], b2, x[2], y = rng.uniform();
    for (auto& row : W1)
      for (double& w : row) w = rng.uniform(-2, 2);
    for (double& b : b1) b = rng.uniform(-1, 1);
    for (double& w : W2) w = rng.uniform(-2, 2);
    b2 = rng.uniform(-1, 1);
    for (double& v : x) v = rng.uniform(-2, 2);
    std::string spec =
        "{\"layers\": [2, 2, 1], \"activations\": [\"tanh\", \"sigmoid\"], "
        "\"loss\": \"mse\", \"init\": {\"weights\": [[[" +
        num(W1[0][0]) + ", " + num(W1[0][1]) + "], [" + num(W1[1][0]) + ", " + num(W1[1][1]) +
        "]], [[" + num(W2[0]) + ", " + num(W2[1]) + "]]], \"biases\": [[" + num(b1[0]) + ", " +
        num(b1[1]) + "], [" + num(b2) + "]]}, \"data\": {\"inputs\": [[" + num(x[0]) + ", " +
        num(x[1]) + "]], \"targets\": [[" + num(y) + "]]}}";
    auto s = bpx::Session::create(spec);
    ASSERT_TRUE(s.ok()) << s.error().text();
    for (int phase = 0; phase < 5; ++phase)
      s.value().next_phase();  // forward 1, 2, loss, backward 2, 1
    // The same computation as a program: one name per quantity of the network.
    std::string program = "x = [" + num(x[0]) + ", " + num(x[1]) + "]\ny = " + num(y) + "\nW1 = [" +
                          num(W1[0][0]) + ", " + num(W1[0][1]) + ", " + num(W1[1][0]) + ", " +
                          num(W1[1][1]) + "]\nb1 = [" + num(b1[0]) + ", " + num(b1[1]) +
                          "]\nW2 = [" + num(W2[0]) + ", " + num(W2[1]) + "]\nb2 = " + num(b2) +
                          "\n"
                          "h0 = tanh(W1[0] * x[0] + W1[1] * x[1] + b1[0])\n"
                          "h1 = tanh(W1[2] * x[0] + W1[3] * x[1] + b1[1])\n"
                          "a = sigmoid(W2[0] * h0 + W2[1] * h1 + b2)\n"
                          "L = 0.5 * (a - y) ** 2\n";
    for (bool expanded : {false, true}) {
      bpx::circuit::CircuitOptions o;
      o.expanded = expanded;
      auto c = bpx::circuit::circuit_from_text(program, o);
      ASSERT_TRUE(c.ok()) << c.error.text();
      const auto& S = s.value();
      EXPECT_NEAR(c.value->nodes[c.value->output].value, S.losses()(0, 0), 1e-15);
      const double tol = 1e-14;
      for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
          EXPECT_NEAR(grad(*c.value, "W1[" + std::to_string(2 * i + j) + "]"), S.dW(1)(i, j), tol);
      EXPECT_NEAR(grad(*c.value, "b1[0]"), S.db(1)(0, 0), tol);
      EXPECT_NEAR(grad(*c.value, "b1[1]"), S.db(1)(1, 0), tol);
      EXPECT_NEAR(grad(*c.value, "W2[0]"), S.dW(2)(0, 0), tol);
      EXPECT_NEAR(grad(*c.value, "W2[1]"), S.dW(2)(0, 1), tol);
      EXPECT_NEAR(grad(*c.value, "b2"), S.db(2)(0, 0), tol);
      EXPECT_NEAR(grad(*c.value, "x[0]"), S.dA(0)(0, 0), tol);
      EXPECT_NEAR(grad(*c.value, "x[1]"), S.dA(0)(1, 0), tol);
      // The neuron graph of the output neuron agrees too (its weights w1, w2 and bias b).
      auto g = bpx::neuron_graph(S, 2, 0, 0);
      ASSERT_TRUE(g.ok()) << g.error().text();
      int matched = 0;
      for (const auto& n : g.value().nodes) {
        std::string name = n.label == "w1"   ? "W2[0]"
                           : n.label == "w2" ? "W2[1]"
                           : n.label == "b"  ? "b2"
                                             : "";
        if (name.empty()) continue;
        EXPECT_NEAR(grad(*c.value, name), n.grad, tol) << n.label;
        ++matched;
      }
      EXPECT_EQ(matched, 3);
    }
  }
}

}  // namespace
