// The operation graph of one neuron: the CS231n sigmoid neuron of seed 003 node by node,
// and agreement with the layer-level gradients for random networks.
#include "core/neuron_graph.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/rng.hpp"
#include "core/session.hpp"

namespace {

const char* kSeed003 = R"({
  "layers": [2, 1], "activations": ["sigmoid"], "loss": "mse",
  "init": {"weights": [[[2.0, -3.0]]], "biases": [[-3.0]]},
  "data": {"inputs": [[-1.0, -2.0]], "targets": [[1.0]]}})";

const bpx::GraphNode& by_label(const bpx::NeuronGraph& g, const std::string& label) {
  for (const auto& n : g.nodes)
    if (n.label == label) return n;
  ADD_FAILURE() << "no node labelled " << label;
  return g.nodes.front();
}

TEST(NeuronGraph, Seed003SigmoidNeuronExpandedMatchesHandDerivation) {
  auto s = bpx::Session::create(std::string(kSeed003));
  ASSERT_TRUE(s.ok()) << s.error().text();
  bpx::GraphOptions o;
  o.root = "activation";  // CS231n: gradients of the neuron's output f = sigma(z)
  auto g = bpx::neuron_graph(s.value(), 1, 0, 0, o);
  ASSERT_TRUE(g.ok()) << g.error().text();
  // By hand: z = 2*(-1) + (-3)*(-2) + (-3) = 1; a = 1/(1+e^-1);
  // da/dz = a(1-a); dw0 = x0 * da/dz, dx0 = w0 * da/dz, ...
  const double a = 1.0 / (1.0 + std::exp(-1.0));
  const double dz = a * (1.0 - a);  // 0.19661...
  const double e = std::exp(-1.0);
  EXPECT_DOUBLE_EQ(by_label(g.value(), "z").value, 1.0);
  EXPECT_NEAR(by_label(g.value(), "a").value, a, 1e-15);
  EXPECT_NEAR(by_label(g.value(), "-z").value, -1.0, 0);
  EXPECT_NEAR(by_label(g.value(), "exp(-z)").value, e, 1e-15);
  EXPECT_NEAR(by_label(g.value(), "1+exp(-z)").value, 1.0 + e, 1e-15);
  // Gates backwards: d(1/x)/dx = -1/x^2; +1 passes; exp multiplies by e^-z; neg flips.
  EXPECT_NEAR(by_label(g.value(), "1+exp(-z)").grad, -1.0 / ((1 + e) * (1 + e)), 1e-15);
  EXPECT_NEAR(by_label(g.value(), "exp(-z)").grad, -1.0 / ((1 + e) * (1 + e)), 1e-15);
  EXPECT_NEAR(by_label(g.value(), "-z").grad, -e / ((1 + e) * (1 + e)), 1e-15);
  EXPECT_NEAR(by_label(g.value(), "z").grad, dz, 1e-15);
  EXPECT_NEAR(by_label(g.value(), "w1").grad, -1.0 * dz, 1e-15);  // CS231n: -0.20
  EXPECT_NEAR(by_label(g.value(), "x1").grad, 2.0 * dz, 1e-15);   // 0.39
  EXPECT_NEAR(by_label(g.value(), "w2").grad, -2.0 * dz, 1e-15);  // -0.39
  EXPECT_NEAR(by_label(g.value(), "x2").grad, -3.0 * dz, 1e-15);  // -0.59
  EXPECT_NEAR(by_label(g.value(), "b").grad, dz, 1e-15);          // 0.20 (the "1 * activation")
  EXPECT_NEAR(by_label(g.value(), "w1*x1").value, -2.0, 0);
  EXPECT_NEAR(by_label(g.value(), "w2*x2").value, 6.0, 0);
  EXPECT_NEAR(by_label(g.value(), "w.x").value, 4.0, 0);
  // The seed's precedence slip: 1 / 1 + exp(-z) is 1 + e^-1, not sigma(1).
  EXPECT_GT(std::fabs((1.0 / 1.0 + std::exp(-1.0)) - a), 0.6);
}

TEST(NeuronGraph, GroupedSigmoidGivesTheSameGradients) {
  auto s = bpx::Session::create(std::string(kSeed003));
  ASSERT_TRUE(s.ok());
  bpx::GraphOptions expanded, grouped;
  grouped.expanded = false;
  auto ge = bpx::neuron_graph(s.value(), 1, 0, 0, expanded);
  auto gg = bpx::neuron_graph(s.value(), 1, 0, 0, grouped);
  ASSERT_TRUE(ge.ok() && gg.ok());
  EXPECT_LT(gg.value().nodes.size(), ge.value().nodes.size());
  for (const char* label : {"w1", "w2", "x1", "x2", "b", "z", "a", "L"}) {
    EXPECT_NEAR(by_label(ge.value(), label).grad, by_label(gg.value(), label).grad, 1e-15) << label;
  }
  // Output neuron with mse: L = (a - y)^2 / 2, so dL/da = a - y.
  const double a = 1.0 / (1.0 + std::exp(-1.0));
  EXPECT_NEAR(by_label(gg.value(), "a").grad, a - 1.0, 1e-15);
  EXPECT_NEAR(by_label(gg.value(), "L").value, 0.5 * (a - 1.0) * (a - 1.0), 1e-15);
}

std::string random_spec(bpx::Pcg32& rng, const std::string& hidden, const std::string& out,
                        const std::string& loss, int n_out) {
  auto num = [&rng] { return std::to_string(rng.uniform(-1.5, 1.5)); };
  auto matrix = [&](int rows, int cols) {
    std::string m = "[";
    for (int i = 0; i < rows; ++i) {
      m += i ? ",[" : "[";
      for (int j = 0; j < cols; ++j) m += (j ? "," : "") + num();
      m += "]";
    }
    return m + "]";
  };
  auto vec = [&](int n) {
    std::string v = "[";
    for (int i = 0; i < n; ++i) v += (i ? "," : "") + num();
    return v + "]";
  };
  std::string targets = "[";
  for (int k = 0; k < 4; ++k) {
    targets += k ? ",[" : "[";
    for (int i = 0; i < n_out; ++i) {
      double t = loss == "cross_entropy" ? (i == k % n_out ? 1.0 : 0.0)
                 : loss == "bce"         ? (rng.uniform() < 0.5 ? 0.0 : 1.0)
                                         : rng.uniform(-1, 1);
      targets += (i ? "," : "") + std::to_string(t);
    }
    targets += "]";
  }
  targets += "]";
  return R"({"layers": [3, 4, 3, )" + std::to_string(n_out) + R"(], "activations": [")" + hidden +
         R"(", ")" + hidden + R"(", ")" + out + R"("], "loss": ")" + loss +
         R"(", "init": {"weights": [)" + matrix(4, 3) + "," + matrix(3, 4) + "," +
         matrix(n_out, 3) + R"(], "biases": [)" + vec(4) + "," + vec(3) + "," + vec(n_out) +
         R"(]}, "data": {"inputs": )" + matrix(4, 3) + R"(, "targets": )" + targets + "}}";
}

TEST(NeuronGraph, AgreesWithLayerGradientsForRandomNetworks) {
  bpx::Pcg32 rng(2024);
  struct Case {
    const char *hidden, *out, *loss;
    int n_out;
  };
  const Case cases[] = {{"sigmoid", "sigmoid", "bce", 1},        {"tanh", "linear", "mse", 2},
                        {"relu", "softmax", "cross_entropy", 3}, {"leaky_relu", "tanh", "mse", 1},
                        {"tanh", "softmax", "mse", 2},           {"sigmoid", "sigmoid", "mse", 2},
                        {"softplus", "softplus", "mse", 1}};
  for (const Case& c : cases) {
    auto s = bpx::Session::create(random_spec(rng, c.hidden, c.out, c.loss, c.n_out));
    ASSERT_TRUE(s.ok()) << s.error().text();
    bpx::Session& session = s.value();
    // Stop after the backward pass: caches and gradients belong to the current parameters.
    for (int p = 0; p < session.phases_per_step() - 1; ++p) session.next_phase();
    const double m = static_cast<double>(session.A(0).cols());
    for (int l = 1; l <= session.L(); ++l) {
      for (int j = 0; j < session.spec().layers[l]; ++j) {
        const int n_in = session.spec().layers[l - 1];
        std::vector<double> dW_sum(static_cast<size_t>(n_in), 0.0);
        double db_sum = 0;
        for (int k = 0; k < 4; ++k) {
          for (bool expanded : {true, false}) {
            bpx::GraphOptions o;
            o.expanded = expanded;
            auto g = bpx::neuron_graph(session, l, j, k, o);
            ASSERT_TRUE(g.ok()) << g.error().text();
            const auto& G = g.value();
            const std::string where = std::string(c.hidden) + "/" + c.out + "/" + c.loss +
                                      " l=" + std::to_string(l) + " j=" + std::to_string(j) +
                                      " k=" + std::to_string(k);
            EXPECT_NEAR(G.nodes[static_cast<size_t>(G.z_node)].value, session.Z(l)(j, k), 1e-14)
                << where;
            EXPECT_NEAR(G.nodes[static_cast<size_t>(G.a_node)].value, session.A(l)(j, k), 1e-14)
                << where;
            EXPECT_NEAR(G.links.delta, session.dZ(l)(j, k),
                        1e-12 * (1 + std::fabs(session.dZ(l)(j, k))))
                << where;
            if (!expanded) continue;
            for (int i = 0; i < n_in; ++i) {
              dW_sum[static_cast<size_t>(i)] += by_label(G, "w" + std::to_string(i + 1)).grad;
            }
            db_sum += by_label(G, "b").grad;
          }
        }
        for (int i = 0; i < n_in; ++i) {
          EXPECT_NEAR(dW_sum[static_cast<size_t>(i)] / m, session.dW(l)(j, i), 1e-12)
              << c.hidden << "/" << c.out << " dW l=" << l;
        }
        EXPECT_NEAR(db_sum / m, session.db(l)(j, 0), 1e-12);
      }
    }
  }
}

TEST(NeuronGraph, InputGradientsSumOverUnitsToDA) {
  bpx::Pcg32 rng(7);
  auto s = bpx::Session::create(random_spec(rng, "tanh", "sigmoid", "bce", 1));
  ASSERT_TRUE(s.ok());
  bpx::Session& session = s.value();
  for (int p = 0; p < session.phases_per_step() - 1; ++p) session.next_phase();
  // dA[1] = W[2]^T dZ[2]: each input x_i of layer 2 receives one path per unit of layer 2.
  for (int k = 0; k < 4; ++k) {
    for (int i = 0; i < 4; ++i) {
      double sum = 0;
      for (int j = 0; j < 3; ++j) {
        auto g = bpx::neuron_graph(session, 2, j, k);
        ASSERT_TRUE(g.ok());
        sum += by_label(g.value(), "x" + std::to_string(i + 1)).grad;
      }
      EXPECT_NEAR(sum, session.dA(1)(i, k), 1e-12);
    }
  }
}

TEST(NeuronGraph, RejectsOutOfRangeRequests) {
  auto s = bpx::Session::create(std::string(kSeed003));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(bpx::neuron_graph(s.value(), 0, 0, 0).error().path, "layer");
  EXPECT_EQ(bpx::neuron_graph(s.value(), 2, 0, 0).error().path, "layer");
  EXPECT_EQ(bpx::neuron_graph(s.value(), 1, 1, 0).error().path, "unit");
  EXPECT_EQ(bpx::neuron_graph(s.value(), 1, 0, 1).error().path, "example");
  bpx::GraphOptions o;
  o.root = "weights";
  EXPECT_EQ(bpx::neuron_graph(s.value(), 1, 0, 0, o).error().path, "root");
}

}  // namespace
