// Session::spec_with_parameters: the spec with the current W and b as explicit initial
// values. A new session of its JSON text computes the same forward pass bit for bit, keeps
// the live hyper-parameters, and a diverged network is refused with an error.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>

#include "core/session.hpp"
#include "core/spec.hpp"

namespace {

using nlohmann::json;

bpx::Session session_of(const std::string& text) {
  auto s = bpx::Session::create(text);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().text());
  return std::move(s.value());
}

// Bit for bit, not within a tolerance: the same doubles, NaN and signed zeros included.
bool same_bits(const bpx::Matrix& a, const bpx::Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  return a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0;
}

// A generated set, minibatches and adam: parameters after training are far from any
// round number, and the spec has every part (data, optimizer, batch size, seeds).
const char* kTrained = R"({"layers": [2, 4, 3, 1], "activations": ["tanh", "relu", "sigmoid"],
  "loss": "bce", "optimizer": {"type": "adam", "learning_rate": 0.03}, "batch_size": 16,
  "init": {"scheme": "he", "seed": 7},
  "data": {"dataset": "circle", "points": 120, "noise": 0.1, "train_fraction": 0.75, "seed": 5}})";

TEST(SpecWithParameters, ANewSessionComputesTheSameForwardPassBitForBit) {
  bpx::Session s = session_of(kTrained);
  ASSERT_FALSE(s.train(37).divergence);
  auto exported = s.spec_with_parameters();
  ASSERT_TRUE(exported.ok()) << exported.error().text();
  bpx::Session t = session_of(bpx::spec_to_json(exported.value()));
  for (int l = 1; l <= s.L(); ++l) {
    EXPECT_TRUE(same_bits(s.W(l), t.W(l))) << "W[" << l << "]";
    EXPECT_TRUE(same_bits(s.b(l), t.b(l))) << "b[" << l << "]";
  }
  // The same data (regenerated from its seed) and the same activations of every layer.
  const auto& d = s.data();
  ASSERT_TRUE(same_bits(d.X_train, t.data().X_train));
  ASSERT_TRUE(same_bits(d.X_test, t.data().X_test));
  auto a = s.predict_all(d.X_train), b = t.predict_all(d.X_train);
  ASSERT_EQ(a.size(), b.size());
  for (size_t l = 0; l < a.size(); ++l) EXPECT_TRUE(same_bits(a[l], b[l])) << "A[" << l + 1 << "]";
  auto test_a = s.evaluate(d.X_test, d.Y_test), test_b = t.evaluate(d.X_test, d.Y_test);
  EXPECT_EQ(test_a.loss, test_b.loss);
  EXPECT_EQ(test_a.accuracy, test_b.accuracy);
  // The first forward phase of the new session, on its own first batch, is the old
  // network's forward pass on those columns.
  ASSERT_FALSE(t.next_phase());
  bpx::Matrix X(d.X_train.rows(), static_cast<Eigen::Index>(t.batch().size()));
  for (Eigen::Index k = 0; k < X.cols(); ++k) X.col(k) = d.X_train.col(t.batch()[k]);
  EXPECT_TRUE(same_bits(t.A(1), s.predict_all(X)[0]));
}

TEST(SpecWithParameters, KeepsTheLiveHyperParametersAndTheRestOfTheSpec) {
  bpx::Session s = session_of(kTrained);
  ASSERT_FALSE(s.set_learning_rate(0.0125));
  ASSERT_FALSE(s.set_batch_size(30));
  s.train(3);
  const bpx::Spec e = s.spec_with_parameters().value();
  EXPECT_EQ(e.optimizer.learning_rate, 0.0125);
  EXPECT_EQ(e.batch_size, 30);
  EXPECT_EQ(e.optimizer.type, bpx::OptimizerType::Adam);
  EXPECT_EQ(e.data.dataset, "circle");
  EXPECT_EQ(e.data.points, 120);
  EXPECT_EQ(e.data.seed, 5u);
  EXPECT_TRUE(e.init.explicit_values);
  ASSERT_EQ(e.init.weights.size(), 3u);
  EXPECT_EQ(e.init.weights[1].rows(), 3);  // W[2] is n_2 x n_1 = 3 x 4
  EXPECT_EQ(e.init.weights[1].cols(), 4);
  EXPECT_EQ(e.init.biases[2].rows(), 1);
  // The JSON names the weights as the spec does (rows of units), read back unchanged.
  json j = json::parse(bpx::spec_to_json(e));
  EXPECT_EQ(j["init"]["weights"][0][3][1].get<double>(), s.W(1)(3, 1));
  EXPECT_EQ(j["init"]["biases"][1][2].get<double>(), s.b(2)(2, 0));
  EXPECT_FALSE(j["init"].contains("scheme"));
}

TEST(SpecWithParameters, BeforeTrainingItIsTheInitialWeightsOfTheScheme) {
  // seed002's explicit weights come back as given (hand-written numbers).
  bpx::Session s = session_of(R"({"layers": [2, 2, 1], "activations": ["sigmoid", "sigmoid"],
    "loss": "mse", "init": {"weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]],
    "biases": [[0.01, 0.02], [0.05]]}, "data": {"inputs": [[1, 2]], "targets": [[1]]}})");
  const bpx::Spec e = s.spec_with_parameters().value();
  EXPECT_EQ(e.init.weights[0](1, 0), 0.3);
  EXPECT_EQ(e.init.weights[1](0, 1), 0.6);
  EXPECT_EQ(e.init.biases[0](1, 0), 0.02);
  // One step of SGD (lr 0.1) moves b[2] by -0.1 * dZ[2], dZ[2] = (a2 - 1) a2 (1 - a2).
  s.step();
  const double z11 = 0.1 * 1 + 0.2 * 2 + 0.01, z12 = 0.3 * 1 + 0.4 * 2 + 0.02;
  const double a11 = 1 / (1 + std::exp(-z11)), a12 = 1 / (1 + std::exp(-z12));
  const double a2 = 1 / (1 + std::exp(-(0.5 * a11 + 0.6 * a12 + 0.05)));
  const double b2 = 0.05 - 0.1 * (a2 - 1) * a2 * (1 - a2);
  EXPECT_NEAR(s.spec_with_parameters().value().init.biases[1](0, 0), b2, 1e-15);
}

TEST(SpecWithParameters, ADivergedNetworkIsAnErrorNotAnInvalidSpec) {
  // A linear unit, mse and a learning rate of 100 on input 1000: each step multiplies w by
  // about -1e8. The loss overflows first (z^2), while W is still finite: that spec exports.
  bpx::Session s = session_of(R"({"layers": [1, 1], "activations": ["linear"], "loss": "mse",
    "optimizer": {"learning_rate": 100}, "data": {"inputs": [[1000]], "targets": [[0]]}})");
  ASSERT_TRUE(s.train(100).divergence);
  ASSERT_TRUE(std::isfinite(s.W(1)(0, 0)));
  EXPECT_TRUE(s.spec_with_parameters().ok());
  // A few steps more and W itself overflows.
  for (int i = 0; i < 100 && std::isfinite(s.W(1)(0, 0)); ++i) s.train(1);
  ASSERT_FALSE(std::isfinite(s.W(1)(0, 0)));
  auto e = s.spec_with_parameters();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().path, "init");
  EXPECT_NE(e.error().message.find("W[1] is NaN or infinite"), std::string::npos)
      << e.error().message;
}

}  // namespace
