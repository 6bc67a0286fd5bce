// Central finite differences against the engine's backward pass: every weight and bias, every
// hidden activation, every output activation and loss pairing, batches of 1 and 5 examples.
//
// The function differentiated is the mean batch loss that the session reports after its forward
// and loss phases. Each perturbed network is a new session built from a spec with explicit
// parameters, so the check goes through the same public path as the page.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/session.hpp"

namespace {

using nlohmann::json;

constexpr double kH = 1e-6;
constexpr double kMaxRelativeError = 1e-6;
constexpr double kEps = 2.220446049250313e-16;
constexpr double kNoiseFactor = 16;  // times eps |L| / h

struct Case {
  std::string hidden;  // activation of every hidden layer
  std::string output;  // output activation
  std::string loss;
  std::vector<int> layers;
  int m;  // examples, all in one batch
  uint64_t seed;
};

std::string Name(const Case& c);

void PrintTo(const Case& c, std::ostream* os) { *os << Name(c); }

std::string Name(const Case& c) {
  std::ostringstream os;
  os << c.hidden << "/" << c.output << "/" << c.loss << " layers";
  for (int n : c.layers) os << " " << n;
  os << " m=" << c.m;
  return os.str();
}

// A random spec with explicit parameters and data (seeded, so every run checks the same nets).
json MakeSpec(const Case& c) {
  bpx::Pcg32 rng(c.seed, 11);
  const int L = static_cast<int>(c.layers.size()) - 1;
  json acts = json::array();
  for (int l = 1; l < L; ++l) acts.push_back(c.hidden);
  acts.push_back(c.output);
  json weights = json::array(), biases = json::array();
  for (int l = 1; l <= L; ++l) {
    json W = json::array(), b = json::array();
    const double sd = 1.2 / std::sqrt(static_cast<double>(c.layers[l - 1]));
    for (int i = 0; i < c.layers[l]; ++i) {
      json row = json::array();
      for (int j = 0; j < c.layers[l - 1]; ++j) row.push_back(rng.normal(0.0, sd));
      W.push_back(row);
      b.push_back(rng.normal(0.0, 0.5));
    }
    weights.push_back(W);
    biases.push_back(b);
  }
  const int n_out = c.layers.back();
  json inputs = json::array(), targets = json::array();
  for (int k = 0; k < c.m; ++k) {
    json x = json::array(), y = json::array();
    for (int j = 0; j < c.layers[0]; ++j) x.push_back(rng.uniform(-2.0, 2.0));
    if (c.output == "softmax") {
      // cross_entropy: one-hot; mse with softmax: any probabilities.
      int hot = static_cast<int>(rng.below(static_cast<uint32_t>(n_out)));
      for (int i = 0; i < n_out; ++i) y.push_back(i == hot ? 1.0 : 0.0);
    } else {
      for (int i = 0; i < n_out; ++i) {
        double t = c.output == "sigmoid" ? rng.uniform(0.0, 1.0)
                   : c.output == "tanh"  ? rng.uniform(-1.0, 1.0)
                                         : rng.uniform(-2.0, 2.0);
        if (c.loss == "bce" && k % 2 == 0) t = t < 0.5 ? 0.0 : 1.0;  // hard and soft labels
        y.push_back(t);
      }
    }
    inputs.push_back(x);
    targets.push_back(y);
  }
  return json{{"layers", c.layers},
              {"activations", acts},
              {"loss", c.loss},
              {"optimizer", {{"type", "sgd"}, {"learning_rate", 0.1}}},
              {"batch_size", c.m},
              {"init", {{"weights", weights}, {"biases", biases}}},
              {"data", {{"inputs", inputs}, {"targets", targets}}}};
}

bpx::Session Create(const json& spec) {
  auto s = bpx::Session::create(spec.dump());
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

struct LossRun {
  double loss;
  std::vector<bool> z_positive;  // sign of every Z entry, to detect crossed kinks
};

LossRun RunLoss(const json& spec) {
  bpx::Session s = Create(spec);
  for (int p = 0; p <= s.L(); ++p) s.next_phase();  // forward 1..L, loss
  if (s.last_phase()->kind != bpx::Phase::Loss) throw std::logic_error("not at the loss phase");
  LossRun r{s.loss(), {}};
  for (int l = 1; l <= s.L(); ++l)
    for (Eigen::Index k = 0; k < s.Z(l).size(); ++k) r.z_positive.push_back(s.Z(l)(k) > 0);
  return r;
}

double RelativeError(double a, double b) {
  return std::fabs(a - b) / std::max({std::fabs(a), std::fabs(b), 1e-8});
}

// Checks every parameter of the case against its central difference. With relu or leaky_relu a
// parameter whose perturbation flips the sign of some Z (a crossed kink) is skipped.
void CheckCase(const Case& c) {
  SCOPED_TRACE(Name(c));
  const json spec = MakeSpec(c);
  bpx::Session s = Create(spec);
  const int L = s.L();
  for (int p = 0; p < 2 * L + 1; ++p) s.next_phase();  // up to and including backward 1
  ASSERT_EQ(s.last_phase()->label(), "backward 1");
  const LossRun base = RunLoss(spec);
  ASSERT_EQ(base.loss, s.loss());
  const bool kinks = c.hidden == "relu" || c.hidden == "leaky_relu";

  int checked = 0, skipped = 0;
  // Perturbs one number of the spec at the JSON pointer and returns the central difference.
  double noise = 0;  // rounding floor of the last central difference
  auto central = [&](const json::json_pointer& where, bool* crossed) {
    json plus = spec, minus = spec;
    const double v = spec[where].get<double>();
    plus[where] = v + kH;
    minus[where] = v - kH;
    const LossRun lp = RunLoss(plus), lm = RunLoss(minus);
    *crossed = kinks && (lp.z_positive != base.z_positive || lm.z_positive != base.z_positive);
    noise = kEps * std::max(std::fabs(lp.loss), std::fabs(lm.loss)) / kH;
    return (lp.loss - lm.loss) / ((v + kH) - (v - kH));
  };
  for (int l = 1; l <= L; ++l) {
    const std::string lp = "/init/weights/" + std::to_string(l - 1) + "/";
    const std::string bp = "/init/biases/" + std::to_string(l - 1) + "/";
    for (int i = 0; i < c.layers[l]; ++i) {
      for (int j = 0; j <= c.layers[l - 1]; ++j) {
        const bool bias = j == c.layers[l - 1];
        bool crossed = false;
        const double fd =
            central(json::json_pointer(bias ? bp + std::to_string(i)
                                            : lp + std::to_string(i) + "/" + std::to_string(j)),
                    &crossed);
        if (crossed) {
          ++skipped;
          continue;
        }
        ++checked;
        const double analytic = bias ? s.db(l)(i, 0) : s.dW(l)(i, j);
        const double rel = RelativeError(analytic, fd);
        // Below about 1e-4 the difference quotient's own rounding (a few eps |L| / h) exceeds
        // 1e-6 relative; such tiny gradients must then agree to within that rounding floor.
        // Measured over all cases here the error never exceeded 3.4 eps |L| / h.
        EXPECT_TRUE(rel < kMaxRelativeError || std::fabs(analytic - fd) <= kNoiseFactor * noise)
            << "relative error " << rel << ", rounding floor " << kNoiseFactor * noise << ": "
            << (bias ? "db[" : "dW[") << l << "](" << i << (bias ? "" : ", " + std::to_string(j))
            << "): backward " << analytic << ", finite difference " << fd;
      }
    }
  }
  // A kink crossing needs some |Z| below about 1e-5: at most a stray parameter may be skipped.
  EXPECT_LE(skipped, 2);
  EXPECT_GT(checked, 0);
}

std::vector<Case> AllCases() {
  struct Pair {
    const char* output;
    const char* loss;
    int n_out;
  };
  const Pair pairs[] = {{"sigmoid", "mse", 2}, {"tanh", "mse", 2},
                        {"linear", "mse", 2},  {"softmax", "mse", 3},
                        {"sigmoid", "bce", 1}, {"softmax", "cross_entropy", 3},
                        {"softplus", "mse", 2}};
  const char* hidden[] = {"sigmoid", "tanh", "relu", "leaky_relu", "softplus", "linear"};
  std::vector<Case> cases;
  uint64_t seed = 100;
  for (const char* h : hidden) {
    for (const Pair& p : pairs) {
      for (int m : {1, 5}) {
        // Alternate two and three layers after the input.
        std::vector<int> layers =
            seed % 2 == 0 ? std::vector<int>{2, 4, p.n_out} : std::vector<int>{3, 4, 3, p.n_out};
        cases.push_back(Case{h, p.output, p.loss, layers, m, seed});
        ++seed;
      }
    }
  }
  return cases;
}

class GradientCheck : public ::testing::TestWithParam<Case> {};

TEST_P(GradientCheck, BackwardMatchesCentralDifferences) { CheckCase(GetParam()); }

INSTANTIATE_TEST_SUITE_P(AllActivationsAndLosses, GradientCheck, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string n = info.param.hidden + "_" + info.param.output + "_" +
                                           info.param.loss + "_L" +
                                           std::to_string(info.param.layers.size() - 1) + "_m" +
                                           std::to_string(info.param.m);
                           return n;
                         });

TEST(GradientCheckCoverage, EveryCaseHasBothDepthsAndBatchSizes) {
  // 6 hidden activations x 7 output/loss pairs x 2 batch sizes, and both depths occur for each.
  const std::vector<Case> cases = AllCases();
  EXPECT_EQ(cases.size(), 84u);
  int two = 0, three = 0;
  for (const Case& c : cases) (c.layers.size() == 3 ? two : three) += 1;
  EXPECT_EQ(two, 42);
  EXPECT_EQ(three, 42);
}

TEST(GradientCheckWeightDecay, SgdUpdateAddsDecayToWeightsOnly) {
  Case c{"tanh", "sigmoid", "bce", {2, 3, 1}, 4, 7};
  json spec = MakeSpec(c);
  const double lr = 0.3, wd = 0.05;
  spec["optimizer"] = {{"type", "sgd"}, {"learning_rate", lr}, {"weight_decay", wd}};
  bpx::Session s = Create(spec);
  for (int p = 0; p < 2 * s.L() + 1; ++p) s.next_phase();
  std::vector<bpx::Matrix> W0, b0, dW, db;
  for (int l = 1; l <= s.L(); ++l) {
    W0.push_back(s.W(l));
    b0.push_back(s.b(l));
    dW.push_back(s.dW(l));
    db.push_back(s.db(l));
  }
  // dW is the gradient of the data loss alone: decay does not leak into it.
  json plain = spec;
  plain["optimizer"].erase("weight_decay");
  bpx::Session p = Create(plain);
  for (int q = 0; q < 2 * p.L() + 1; ++q) p.next_phase();
  s.next_phase();  // update
  ASSERT_EQ(s.last_phase()->label(), "update");
  for (int l = 1; l <= s.L(); ++l) {
    const size_t k = static_cast<size_t>(l - 1);
    EXPECT_EQ(dW[k], p.dW(l)) << "layer " << l;
    for (Eigen::Index i = 0; i < W0[k].rows(); ++i) {
      for (Eigen::Index j = 0; j < W0[k].cols(); ++j) {
        const double expected = W0[k](i, j) - lr * (dW[k](i, j) + wd * W0[k](i, j));
        EXPECT_NEAR(s.W(l)(i, j), expected, 1e-15) << "W[" << l << "](" << i << ", " << j << ")";
      }
      const double expected_b = b0[k](i, 0) - lr * db[k](i, 0);  // no decay on biases
      EXPECT_NEAR(s.b(l)(i, 0), expected_b, 1e-15) << "b[" << l << "](" << i << ")";
    }
  }
  // And the decay really changed the weights compared with plain sgd.
  p.next_phase();
  EXPECT_GT((s.W(1) - p.W(1)).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_EQ(s.b(1), p.b(1));
}

}  // namespace
