// Numerical stability at |z| up to 1000: no overflow, no NaN, exact limits where the
// mathematics gives them, and gradients that stay exact away from saturation.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/activation.hpp"
#include "core/loss.hpp"
#include "core/session.hpp"

namespace {

TEST(Stability, SigmoidAndTanhSaturateWithoutOverflow) {
  for (double z : {-1000.0, -745.0, -40.0, 40.0, 745.0, 1000.0}) {
    const double s = bpx::sigmoid(z);
    EXPECT_TRUE(std::isfinite(s)) << z;
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
    EXPECT_TRUE(std::isfinite(bpx::sigmoid_prime(z))) << z;
    EXPECT_TRUE(std::isfinite(bpx::tanh_exact(z))) << z;
    EXPECT_TRUE(std::isfinite(bpx::tanh_prime(z))) << z;
  }
  EXPECT_EQ(bpx::sigmoid(1000.0), 1.0);
  EXPECT_EQ(bpx::sigmoid(-1000.0), 0.0);
  EXPECT_EQ(bpx::tanh_exact(1000.0), 1.0);
  EXPECT_EQ(bpx::tanh_exact(-1000.0), -1.0);
  // sigma'(40) = e^-40 / (1 + e^-40)^2 ~ 4.248e-18: still exact, though sigma(40) rounds to 1.
  EXPECT_NEAR(bpx::sigmoid_prime(40.0) / std::exp(-40.0), 1.0, 1e-12);
  // tanh'(20) = sech^2(20) = 4 e^-40 / (1 + e^-40)^2, though tanh(20) rounds to 1.
  EXPECT_NEAR(bpx::tanh_prime(20.0) / (4.0 * std::exp(-40.0)), 1.0, 1e-12);
}

TEST(Stability, TanhMatchesTheLibraryToAFewUlps) {
  for (double z = -25.0; z <= 25.0; z += 0.0137) {
    EXPECT_NEAR(bpx::tanh_exact(z), std::tanh(z), 4e-16 * std::max(1.0, std::fabs(std::tanh(z))))
        << z;
    const double t = std::tanh(z);
    EXPECT_NEAR(bpx::tanh_prime(z), 1.0 - t * t, 1e-15) << z;
  }
  // Small arguments keep full relative precision (expm1, not exp - 1).
  EXPECT_NEAR(bpx::tanh_exact(1e-10) / 1e-10, 1.0, 1e-15);
}

TEST(Stability, SoftmaxShiftsByTheMaximum) {
  bpx::Matrix Z(3, 2);
  Z << 1000.0, -1000.0, 999.0, -1000.0, 998.0, -1001.0;
  bpx::Matrix A = bpx::activate(bpx::Activation::Softmax, Z);
  ASSERT_TRUE(A.allFinite());
  // Column 0 equals softmax([2, 1, 0]) by shift invariance.
  const double e2 = std::exp(2.0), e1 = std::exp(1.0), sum = e2 + e1 + 1.0;
  EXPECT_NEAR(A(0, 0), e2 / sum, 1e-15);
  EXPECT_NEAR(A(1, 0), e1 / sum, 1e-15);
  EXPECT_NEAR(A(2, 0), 1.0 / sum, 1e-15);
  EXPECT_NEAR(A.col(1).sum(), 1.0, 1e-15);
}

TEST(Stability, BinaryCrossEntropyOnLogitsIsExactWhenTheSigmoidSaturates) {
  bpx::Matrix Z(1, 4), Y(1, 4);
  Z << 1000.0, -1000.0, 40.0, 0.0;
  Y << 0.0, 1.0, 1.0, 1.0;
  bpx::Matrix A = bpx::activate(bpx::Activation::Sigmoid, Z);
  Eigen::RowVectorXd L = bpx::loss_per_example(bpx::Loss::Bce, Z, A, Y);
  // -log(1 - sigma(1000)) = 1000 + log(1 + e^-1000) = 1000 exactly in double.
  EXPECT_EQ(L(0), 1000.0);
  EXPECT_EQ(L(1), 1000.0);
  // -log sigma(40) = log(1 + e^-40) ~ e^-40: no clamping at 1 - 1e-7 or similar.
  EXPECT_NEAR(L(2) / std::exp(-40.0), 1.0, 1e-12);
  EXPECT_NEAR(L(3), std::log(2.0), 1e-16);
}

TEST(Stability, CrossEntropyThroughLogSoftmax) {
  bpx::Matrix Z(2, 1), Y(2, 1);
  Z << 1000.0, 0.0;
  Y << 0.0, 1.0;
  bpx::Matrix A = bpx::activate(bpx::Activation::Softmax, Z);
  // -log softmax(z)_2 = 1000 + log(1 + e^-1000) = 1000.
  EXPECT_EQ(bpx::loss_per_example(bpx::Loss::CrossEntropy, Z, A, Y)(0), 1000.0);
}

TEST(Stability, SaturatedOutputStillTrainsWithTheFusedGradient) {
  // z = 1000 with target 0: dZ = A - Y = 1 exactly, while dA = (a - y)/(a(1 - a)) is infinite.
  auto s = bpx::Session::create(std::string(R"({"layers": [1, 1], "activations": ["sigmoid"],
    "loss": "bce", "init": {"weights": [[[1.0]]], "biases": [[0.0]]},
    "data": {"inputs": [[1000.0]], "targets": [[0.0]]}})"));
  ASSERT_TRUE(s.ok());
  auto div = s.value().step();
  EXPECT_FALSE(div.has_value());
  EXPECT_EQ(s.value().dZ(1)(0, 0), 1.0);
  EXPECT_EQ(s.value().dW(1)(0, 0), 1000.0);
  EXPECT_EQ(s.value().loss(), 1000.0);
}

TEST(Stability, DivergenceIsReportedWithStepPhaseAndQuantity) {
  // A linear unit with learning rate 100 on x = 10 grows by a factor ~1e4 per step.
  auto s = bpx::Session::create(std::string(R"({"layers": [1, 1], "activations": ["linear"],
    "loss": "mse", "optimizer": {"type": "sgd", "learning_rate": 100},
    "init": {"weights": [[[1.0]]], "biases": [[0.0]]},
    "data": {"inputs": [[10.0]], "targets": [[0.0]]}})"));
  ASSERT_TRUE(s.ok());
  bpx::TrainOutcome out = s.value().train(1000);
  ASSERT_TRUE(out.divergence.has_value());
  EXPECT_LT(out.steps_done, 1000);
  EXPECT_EQ(out.divergence->step, out.steps_done);
  EXPECT_FALSE(out.divergence->quantity.empty());
  EXPECT_NE(out.divergence->message().find("NaN or infinite"), std::string::npos);
  EXPECT_TRUE(s.value().divergence().has_value());
  // Reset recovers: finite parameters again, and no divergence recorded.
  s.value().reset();
  EXPECT_EQ(s.value().W(1)(0, 0), 1.0);
  EXPECT_FALSE(s.value().divergence().has_value());
}

}  // namespace
