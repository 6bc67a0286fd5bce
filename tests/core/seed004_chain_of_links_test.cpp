// The "chain of links" of seed document 004: one sigmoid neuron, squared error, input 0.76,
// weight 0.5, learning rate 0.1, target 0, and a bias chosen so that the prediction is exactly
// sigma(z) = 0.981 (z = log(0.981 / 0.019), so sigma(z) = 0.981 / (0.981 + 0.019) = 0.981).
//
// Expected values by hand arithmetic (y = 0, yhat = 0.981, x = 0.76):
//   link 1  dL/dyhat = yhat - y = +0.981           (the document: Target - Prediction = -0.981)
//   link 2  dyhat/dz = 0.981 * 0.019 = 0.018639     (the document: 0.0183, an arithmetic slip)
//   link 3  delta = 0.981 * 0.018639
//                 = 0.018639 - 0.018639 * 0.019 = 0.018639 - 0.000354141 = 0.018284859
//                                                   (the document: -0.0179)
//   link 4  dW = delta * 0.76 = 0.013713644250 + 0.000182848590 = 0.01389649284
//           W' = 0.5 - 0.1 * 0.01389649284 = 0.5 - 0.001389649284 = 0.498610350716
//           (the document: 0.5 + 0.1 * (-0.0179) * 0.76 = 0.5 - 0.0013604 = 0.4986396 -> 0.4986;
//           both of its sign flips, Target - Prediction and W + eta delta x, cancel, so it lands on
//           0.4986 too)
//   loss    1/2 * 0.981^2 = 1/2 * 0.962361 = 0.4811805
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/session.hpp"

namespace {

constexpr double kTol = 1e-12;
constexpr double kX = 0.76, kW = 0.5, kLr = 0.1, kYhat = 0.981;

double Bias() { return std::log(0.981 / 0.019) - kW * kX; }

bpx::Session MakeSession() {
  nlohmann::json spec = {
      {"layers", {1, 1}},
      {"activations", {"sigmoid"}},
      {"loss", "mse"},
      {"optimizer", {{"type", "sgd"}, {"learning_rate", kLr}}},
      {"init", {{"weights", {{{kW}}}}, {"biases", {{Bias()}}}}},
      {"data", {{"inputs", {{kX}}}, {"targets", {{0.0}}}}},
  };
  auto s = bpx::Session::create(spec.dump());
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

double RoundTo(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

TEST(Seed004ChainOfLinks, PredictionIsExactly0981) {
  bpx::Session s = MakeSession();
  s.next_phase();  // forward 1
  EXPECT_NEAR(s.Z(1)(0, 0), std::log(0.981 / 0.019), kTol);
  EXPECT_NEAR(s.A(1)(0, 0), kYhat, kTol);
  s.next_phase();  // loss
  EXPECT_NEAR(s.loss(), 0.4811805, kTol);
}

TEST(Seed004ChainOfLinks, LinkOneIsPredictionMinusTarget) {
  bpx::Session s = MakeSession();
  s.next_phase();
  s.next_phase();
  ASSERT_EQ(s.last_phase()->label(), "loss");
  const double link1 = s.dA(1)(0, 0);
  EXPECT_NEAR(link1, 0.981, kTol);
  // The document's "Target - Prediction = -0.981" has the opposite sign.
  const double document = -0.981;
  EXPECT_NEAR(link1, -document, kTol);
  EXPECT_GT(link1, 0.0);
}

TEST(Seed004ChainOfLinks, LinkTwoIsTheSigmoidSlope0018639) {
  bpx::Session s = MakeSession();
  for (int i = 0; i < 3; ++i) s.next_phase();
  ASSERT_EQ(s.last_phase()->label(), "backward 1");
  const double link2 = s.gprime(1)(0, 0);
  EXPECT_NEAR(link2, 0.018639, kTol);
  // The document's 0.0183 is an arithmetic slip: at its own four decimals the slope is 0.0186.
  EXPECT_DOUBLE_EQ(RoundTo(link2, 4), 0.0186);
  EXPECT_GT(std::fabs(link2 - 0.0183), 3e-4);
}

TEST(Seed004ChainOfLinks, LinkThreeDeltaAndLinkFourGradient) {
  bpx::Session s = MakeSession();
  for (int i = 0; i < 3; ++i) s.next_phase();
  const double delta = s.dZ(1)(0, 0);
  EXPECT_NEAR(delta, 0.018284859, kTol);
  // delta is the product of the first two links (mse is not fused: the chain is explicit).
  EXPECT_FALSE(s.fused_output());
  EXPECT_NEAR(delta, s.dA(1)(0, 0) * s.gprime(1)(0, 0), kTol);
  // The document's -0.0179 has the wrong sign and, from its slipped 0.0183, the wrong size.
  EXPECT_GT(std::fabs(delta - (-0.0179)), 0.036);
  EXPECT_NEAR(s.dW(1)(0, 0), 0.01389649284, kTol);
  EXPECT_NEAR(s.db(1)(0, 0), 0.018284859, kTol);
  EXPECT_NEAR(s.dA(0)(0, 0), kW * 0.018284859, kTol);  // dL/dx = W delta
}

TEST(Seed004ChainOfLinks, UpdatedWeightIs0498610) {
  bpx::Session s = MakeSession();
  for (int i = 0; i < 4; ++i) s.next_phase();
  ASSERT_EQ(s.last_phase()->label(), "update");
  EXPECT_NEAR(s.W(1)(0, 0), 0.498610350716, kTol);
  EXPECT_NEAR(s.b(1)(0, 0), Bias() - 0.0018284859, kTol);
  // The document's 0.4986 agrees at four decimals because its two sign flips cancel.
  const double document_update = 0.5 + 0.1 * (-0.0179) * 0.76;  // = 0.4986396
  EXPECT_NEAR(document_update, 0.4986396, 1e-12);
  EXPECT_DOUBLE_EQ(RoundTo(s.W(1)(0, 0), 4), 0.4986);
  EXPECT_DOUBLE_EQ(RoundTo(document_update, 4), 0.4986);
  // ... but the two disagree beyond it.
  EXPECT_GT(std::fabs(s.W(1)(0, 0) - document_update), 2.9e-5);
}

}  // namespace
