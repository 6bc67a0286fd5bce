// The first two updates of momentum and adam against their formulas, computed here with plain
// doubles from the session's own gradients of each step (the gradients themselves are checked
// by gradient_check_test.cpp), and live learning-rate changes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace {

constexpr double kTol = 1e-15;

// A 2-3-1 network on three examples, one full batch per step.
std::string Spec(const std::string& optimizer) {
  return R"({
    "layers": [2, 3, 1],
    "activations": ["tanh", "sigmoid"],
    "loss": "bce",
    "optimizer": )" +
         optimizer + R"(,
    "init": {"weights": [[[0.3, -0.2], [0.1, 0.4], [-0.5, 0.25]], [[0.6, -0.35, 0.2]]],
             "biases": [[0.05, -0.1, 0.0], [0.02]]},
    "data": {"inputs": [[1.0, -0.5], [0.2, 0.8], [-1.5, 0.3]],
             "targets": [[1.0], [0.0], [1.0]]}
  })";
}

bpx::Session Create(const std::string& optimizer) {
  auto s = bpx::Session::create(Spec(optimizer));
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

// Every parameter of the network as one flat list: W[1], b[1], W[2], b[2], row by row.
std::vector<double> Params(const bpx::Session& s) {
  std::vector<double> p;
  for (int l = 1; l <= s.L(); ++l) {
    for (Eigen::Index i = 0; i < s.W(l).rows(); ++i)
      for (Eigen::Index j = 0; j < s.W(l).cols(); ++j) p.push_back(s.W(l)(i, j));
    for (Eigen::Index i = 0; i < s.b(l).rows(); ++i) p.push_back(s.b(l)(i, 0));
  }
  return p;
}

std::vector<double> Grads(const bpx::Session& s) {
  std::vector<double> g;
  for (int l = 1; l <= s.L(); ++l) {
    for (Eigen::Index i = 0; i < s.dW(l).rows(); ++i)
      for (Eigen::Index j = 0; j < s.dW(l).cols(); ++j) g.push_back(s.dW(l)(i, j));
    for (Eigen::Index i = 0; i < s.db(l).rows(); ++i) g.push_back(s.db(l)(i, 0));
  }
  return g;
}

// The optimizer slots (first and second) in the same order.
std::vector<double> Slots(const bpx::Session& s, bool second) {
  std::vector<double> v;
  for (int l = 1; l <= s.L(); ++l) {
    const bpx::OptimizerSlots& o = s.optimizer_slots(l);
    const bpx::Matrix& W = second ? o.vW : o.mW;
    const bpx::Matrix& b = second ? o.vb : o.mb;
    for (Eigen::Index i = 0; i < W.rows(); ++i)
      for (Eigen::Index j = 0; j < W.cols(); ++j) v.push_back(W(i, j));
    for (Eigen::Index i = 0; i < b.rows(); ++i) v.push_back(b(i, 0));
  }
  return v;
}

// Runs the phases up to and including backward 1 and returns the gradients.
std::vector<double> Backward(bpx::Session& s) {
  while (s.next_phase_kind().kind != bpx::Phase::Update) s.next_phase();
  return Grads(s);
}

void Update(bpx::Session& s) {
  if (s.next_phase_kind().kind != bpx::Phase::Update) throw std::logic_error("not at update");
  s.next_phase();
}

void ExpectNear(const std::vector<double>& got, const std::vector<double>& want,
                const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t k = 0; k < got.size(); ++k) EXPECT_NEAR(got[k], want[k], kTol) << what << " #" << k;
}

TEST(Momentum, FirstTwoUpdatesFollowVelocityFormula) {
  const double lr = 0.2, beta = 0.8;
  bpx::Session s = Create(R"({"type": "momentum", "learning_rate": 0.2, "momentum": 0.8})");
  std::vector<double> w = Params(s);
  const size_t n = w.size();
  std::vector<double> v(n, 0.0);
  for (int step = 1; step <= 2; ++step) {
    SCOPED_TRACE("step " + std::to_string(step));
    const std::vector<double> g = Backward(s);
    for (size_t k = 0; k < n; ++k) {
      v[k] = beta * v[k] + g[k];
      w[k] = w[k] - lr * v[k];
    }
    Update(s);
    ExpectNear(Params(s), w, "parameters");
    ExpectNear(Slots(s, false), v, "velocity");
  }
}

TEST(Momentum, SecondStepDiffersFromPlainSgd) {
  // The velocity carries the first gradient into the second update: not the same as sgd.
  bpx::Session m = Create(R"({"type": "momentum", "learning_rate": 0.2, "momentum": 0.8})");
  bpx::Session g = Create(R"({"type": "sgd", "learning_rate": 0.2})");
  m.step();
  g.step();
  ExpectNear(Params(m), Params(g), "after one step momentum equals sgd (v = g)");
  m.step();
  g.step();
  const std::vector<double> pm = Params(m), pg = Params(g);
  double largest = 0;
  for (size_t k = 0; k < pm.size(); ++k) largest = std::max(largest, std::fabs(pm[k] - pg[k]));
  EXPECT_GT(largest, 1e-3);
}

void CheckAdam(const std::string& optimizer, double lr, double b1, double b2, double eps) {
  bpx::Session s = Create(optimizer);
  std::vector<double> w = Params(s);
  const size_t n = w.size();
  std::vector<double> m(n, 0.0), v(n, 0.0);
  for (int t = 1; t <= 2; ++t) {
    SCOPED_TRACE("step " + std::to_string(t));
    const std::vector<double> g = Backward(s);
    const double c1 = 1.0 - std::pow(b1, t), c2 = 1.0 - std::pow(b2, t);
    const std::vector<double> before = w;
    for (size_t k = 0; k < n; ++k) {
      m[k] = b1 * m[k] + (1.0 - b1) * g[k];
      v[k] = b2 * v[k] + (1.0 - b2) * g[k] * g[k];
      const double m_hat = m[k] / c1, v_hat = v[k] / c2;
      w[k] = w[k] - lr * m_hat / (std::sqrt(v_hat) + eps);
    }
    Update(s);
    ExpectNear(Params(s), w, "parameters");
    ExpectNear(Slots(s, false), m, "first moment");
    ExpectNear(Slots(s, true), v, "second moment");
    EXPECT_EQ(s.optimizer_clock().t, t);
    EXPECT_NEAR(s.optimizer_clock().beta1_pow, std::pow(b1, t), kTol);
    EXPECT_NEAR(s.optimizer_clock().beta2_pow, std::pow(b2, t), kTol);
    if (t == 1) {
      // With bias correction the first step moves every parameter by about lr * sign(g).
      for (size_t k = 0; k < n; ++k) {
        if (std::fabs(g[k]) > 1e-3) {
          EXPECT_NEAR(before[k] - w[k], lr * (g[k] > 0 ? 1 : -1), lr * 1e-3) << "#" << k;
        }
      }
    }
  }
}

TEST(Adam, FirstTwoUpdatesWithBiasCorrection) {
  CheckAdam(R"({"type": "adam", "learning_rate": 0.01, "beta1": 0.8, "beta2": 0.95,
                "epsilon": 1e-7})",
            0.01, 0.8, 0.95, 1e-7);
}

TEST(Adam, DefaultHyperParameters) {
  // Defaults: beta1 0.9, beta2 0.999, epsilon 1e-8.
  CheckAdam(R"({"type": "adam", "learning_rate": 0.05})", 0.05, 0.9, 0.999, 1e-8);
}

TEST(LearningRate, ChangeTakesEffectOnTheNextUpdate) {
  bpx::Session s = Create(R"({"type": "sgd", "learning_rate": 0.1})");
  std::vector<double> w = Params(s);
  auto expect_sgd = [&](double lr, const std::string& what) {
    const std::vector<double> g = Backward(s);
    for (size_t k = 0; k < w.size(); ++k) w[k] -= lr * g[k];
    Update(s);
    ExpectNear(Params(s), w, what);
  };
  expect_sgd(0.1, "step 1 at 0.1");
  EXPECT_FALSE(s.set_learning_rate(0.05).has_value());
  EXPECT_EQ(s.spec().optimizer.learning_rate, 0.05);
  expect_sgd(0.05, "step 2 at 0.05");
  // Changed in the middle of a step (after the backward phases): this step's update uses it.
  const std::vector<double> g = Backward(s);
  EXPECT_FALSE(s.set_learning_rate(0.4).has_value());
  for (size_t k = 0; k < w.size(); ++k) w[k] -= 0.4 * g[k];
  Update(s);
  ExpectNear(Params(s), w, "step 3 at 0.4, set mid-step");
}

TEST(LearningRate, InvalidRatesAreRejectedAndLeaveTheRateUnchanged) {
  const double bad[] = {-1.0,
                        0.0,
                        std::numeric_limits<double>::quiet_NaN(),
                        std::numeric_limits<double>::infinity(),
                        -std::numeric_limits<double>::infinity(),
                        1000.0};
  for (double lr : bad) {
    SCOPED_TRACE("learning rate " + std::to_string(lr));
    bpx::Session s = Create(R"({"type": "sgd", "learning_rate": 0.1})");
    auto err = s.set_learning_rate(lr);
    ASSERT_TRUE(err.has_value());
    EXPECT_FALSE(err->message.empty());
    EXPECT_NE(err->text().find("learning_rate"), std::string::npos) << err->text();
    EXPECT_EQ(s.spec().optimizer.learning_rate, 0.1);
    // The next update still uses 0.1.
    std::vector<double> w = Params(s);
    const std::vector<double> g = Backward(s);
    for (size_t k = 0; k < w.size(); ++k) w[k] -= 0.1 * g[k];
    Update(s);
    ExpectNear(Params(s), w, "update after a rejected rate");
  }
}

TEST(LearningRate, MomentumKeepsItsVelocityAcrossARateChange) {
  bpx::Session s = Create(R"({"type": "momentum", "learning_rate": 0.2, "momentum": 0.8})");
  std::vector<double> w = Params(s);
  std::vector<double> v(w.size(), 0.0);
  const double rates[] = {0.2, 0.05};
  for (double lr : rates) {
    if (lr != 0.2) {
      ASSERT_FALSE(s.set_learning_rate(lr).has_value());
    }
    const std::vector<double> g = Backward(s);
    for (size_t k = 0; k < w.size(); ++k) {
      v[k] = 0.8 * v[k] + g[k];
      w[k] -= lr * v[k];
    }
    Update(s);
    ExpectNear(Params(s), w, "parameters at rate " + std::to_string(lr));
  }
}

}  // namespace
