// The 2-2-1 worked example of seed document 002: x = [1, 2], y = 1, sigmoid hidden and output
// layers, binary cross-entropy, sgd with lr 0.1, one training example.
//
// Every expected value comes from an independent scalar implementation below (plain doubles and
// std::exp / std::log, no Eigen and no core function). The session is stepped phase by phase and
// each matrix is compared after the phase that produces it.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace {

constexpr double kTol = 1e-12;

const char* const kSpec = R"({
  "layers": [2, 2, 1],
  "activations": ["sigmoid", "sigmoid"],
  "loss": "bce",
  "optimizer": {"type": "sgd", "learning_rate": 0.1},
  "batch_size": 1,
  "init": {"weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]],
           "biases": [[0.01, 0.02], [0.05]]},
  "data": {"inputs": [[1.0, 2.0]], "targets": [[1.0]]}
})";

double Sig(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// One forward pass of the 2-2-1 network with plain doubles.
struct Forward {
  double z1[2], a1[2], z2, a2, loss;
};

struct Params {
  double W1[2][2], b1[2], W2[2], b2;
};

const double kX[2] = {1.0, 2.0};
const double kY = 1.0;
const double kLr = 0.1;

Forward RunForward(const Params& p) {
  Forward f;
  for (int i = 0; i < 2; ++i) {
    f.z1[i] = p.W1[i][0] * kX[0] + p.W1[i][1] * kX[1] + p.b1[i];
    f.a1[i] = Sig(f.z1[i]);
  }
  f.z2 = p.W2[0] * f.a1[0] + p.W2[1] * f.a1[1] + p.b2;
  f.a2 = Sig(f.z2);
  f.loss = -(kY * std::log(f.a2) + (1.0 - kY) * std::log(1.0 - f.a2));
  return f;
}

// The whole worked example: forward, backward, update, second forward.
struct Reference {
  Params p0, p1;
  Forward f1, f2;
  double dA2;  // dL/da2 = -y/a2 + (1-y)/(1-a2)
  double g2;   // sigma'(z2) = a2 (1 - a2)
  double dZ2;  // fused: a2 - y
  double dW2[2], db2;
  double dA1[2];  // W2^T dZ2
  double g1[2];   // sigma'(z1) = a1 (1 - a1)
  double dZ1[2];  // dA1 * g1
  double dW1[2][2], db1[2];
  double dA0[2];  // W1^T dZ1
};

Reference Compute() {
  Reference r;
  r.p0 = Params{{{0.1, 0.2}, {0.3, 0.4}}, {0.01, 0.02}, {0.5, 0.6}, 0.05};
  const Params& p = r.p0;
  r.f1 = RunForward(p);
  const Forward& f = r.f1;
  r.dA2 = -kY / f.a2 + (1.0 - kY) / (1.0 - f.a2);
  r.g2 = f.a2 * (1.0 - f.a2);
  r.dZ2 = f.a2 - kY;
  for (int j = 0; j < 2; ++j) r.dW2[j] = r.dZ2 * f.a1[j];  // m = 1
  r.db2 = r.dZ2;
  for (int i = 0; i < 2; ++i) {
    r.dA1[i] = p.W2[i] * r.dZ2;
    r.g1[i] = f.a1[i] * (1.0 - f.a1[i]);
    r.dZ1[i] = r.dA1[i] * r.g1[i];
    for (int j = 0; j < 2; ++j) r.dW1[i][j] = r.dZ1[i] * kX[j];
    r.db1[i] = r.dZ1[i];
  }
  for (int j = 0; j < 2; ++j) r.dA0[j] = p.W1[0][j] * r.dZ1[0] + p.W1[1][j] * r.dZ1[1];
  Params& q = r.p1;
  for (int i = 0; i < 2; ++i) {
    for (int j = 0; j < 2; ++j) q.W1[i][j] = p.W1[i][j] - kLr * r.dW1[i][j];
    q.b1[i] = p.b1[i] - kLr * r.db1[i];
    q.W2[i] = p.W2[i] - kLr * r.dW2[i];
  }
  q.b2 = p.b2 - kLr * r.db2;
  r.f2 = RunForward(q);
  return r;
}

void ExpectMatrixNear(const bpx::Matrix& M, const std::vector<std::vector<double>>& expected,
                      const std::string& what) {
  ASSERT_EQ(M.rows(), static_cast<Eigen::Index>(expected.size())) << what;
  for (size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(M.cols(), static_cast<Eigen::Index>(expected[i].size())) << what;
    for (size_t j = 0; j < expected[i].size(); ++j) {
      EXPECT_NEAR(M(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)), expected[i][j],
                  kTol)
          << what << "(" << i << ", " << j << ")";
    }
  }
}

// Throws (a test failure in GoogleTest) if the spec is rejected.
bpx::Session MakeSession() {
  auto s = bpx::Session::create(kSpec);
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

// Runs the next phase, first checking that it is the one expected.
void Next(bpx::Session& s, const std::string& label) {
  ASSERT_EQ(s.next_phase_kind().label(), label);
  auto div = s.next_phase();
  ASSERT_FALSE(div.has_value()) << div->message();
  ASSERT_TRUE(s.last_phase().has_value());
  ASSERT_EQ(s.last_phase()->label(), label);
}

TEST(Seed002WorkedExample, EveryPhaseMatchesTheScalarReference) {
  const Reference r = Compute();
  bpx::Session s = MakeSession();
  ASSERT_EQ(s.L(), 2);
  EXPECT_TRUE(s.fused_output()) << "sigmoid + bce must use the fused dZ = A - Y";

  Next(s, "forward 1");
  ExpectMatrixNear(s.A(0), {{kX[0]}, {kX[1]}}, "A[0]");
  ExpectMatrixNear(s.Z(1), {{r.f1.z1[0]}, {r.f1.z1[1]}}, "Z[1]");
  ExpectMatrixNear(s.A(1), {{r.f1.a1[0]}, {r.f1.a1[1]}}, "A[1]");
  EXPECT_EQ(s.Z(2).cols(), 0) << "layer 2 must not be computed before forward 2";

  Next(s, "forward 2");
  ExpectMatrixNear(s.Z(2), {{r.f1.z2}}, "Z[2]");
  ExpectMatrixNear(s.A(2), {{r.f1.a2}}, "A[2]");
  EXPECT_TRUE(std::isnan(s.loss())) << "no loss before the loss phase";

  Next(s, "loss");
  EXPECT_NEAR(s.loss(), r.f1.loss, kTol);
  ExpectMatrixNear(s.losses(), {{r.f1.loss}}, "losses");
  ExpectMatrixNear(s.Y(), {{kY}}, "Y");
  ExpectMatrixNear(s.dA(2), {{r.dA2}}, "dA[2]");

  Next(s, "backward 2");
  ExpectMatrixNear(s.dZ(2), {{r.dZ2}}, "dZ[2]");
  ExpectMatrixNear(s.gprime(2), {{r.g2}}, "g'(Z[2])");
  ExpectMatrixNear(s.dW(2), {{r.dW2[0], r.dW2[1]}}, "dW[2]");
  ExpectMatrixNear(s.db(2), {{r.db2}}, "db[2]");
  ExpectMatrixNear(s.dA(1), {{r.dA1[0]}, {r.dA1[1]}}, "dA[1]");

  Next(s, "backward 1");
  ExpectMatrixNear(s.gprime(1), {{r.g1[0]}, {r.g1[1]}}, "g'(Z[1])");
  ExpectMatrixNear(s.dZ(1), {{r.dZ1[0]}, {r.dZ1[1]}}, "dZ[1]");
  ExpectMatrixNear(s.dW(1), {{r.dW1[0][0], r.dW1[0][1]}, {r.dW1[1][0], r.dW1[1][1]}}, "dW[1]");
  ExpectMatrixNear(s.db(1), {{r.db1[0]}, {r.db1[1]}}, "db[1]");
  ExpectMatrixNear(s.dA(0), {{r.dA0[0]}, {r.dA0[1]}}, "dA[0]");
  // The parameters do not move before the update phase.
  ExpectMatrixNear(s.W(2), {{0.5, 0.6}}, "W[2] before update");

  Next(s, "update");
  const Params& q = r.p1;
  ExpectMatrixNear(s.W(1), {{q.W1[0][0], q.W1[0][1]}, {q.W1[1][0], q.W1[1][1]}}, "W[1] after");
  ExpectMatrixNear(s.b(1), {{q.b1[0]}, {q.b1[1]}}, "b[1] after");
  ExpectMatrixNear(s.W(2), {{q.W2[0], q.W2[1]}}, "W[2] after");
  ExpectMatrixNear(s.b(2), {{q.b2}}, "b[2] after");
  EXPECT_EQ(s.step_count(), 1);
  ASSERT_EQ(s.loss_history().size(), 1u);
  EXPECT_NEAR(s.loss_history()[0], r.f1.loss, kTol);

  // Second forward pass with the updated parameters.
  Next(s, "forward 1");
  ExpectMatrixNear(s.Z(1), {{r.f2.z1[0]}, {r.f2.z1[1]}}, "second Z[1]");
  ExpectMatrixNear(s.A(1), {{r.f2.a1[0]}, {r.f2.a1[1]}}, "second A[1]");
  Next(s, "forward 2");
  ExpectMatrixNear(s.Z(2), {{r.f2.z2}}, "second Z[2]");
  ExpectMatrixNear(s.A(2), {{r.f2.a2}}, "second A[2]");
  Next(s, "loss");
  EXPECT_NEAR(s.loss(), r.f2.loss, kTol);
  EXPECT_LT(s.loss(), r.f1.loss) << "one sgd step on this example must lower its loss";
}

TEST(Seed002WorkedExample, ChainedOutputGradientEqualsTheFusedOne) {
  // dZ[2] = dA[2] * g'(Z[2]) (chain rule, the form shown to learners) must agree with the fused
  // a2 - y that the engine uses.
  bpx::Session s = MakeSession();
  for (int i = 0; i < 4; ++i) s.next_phase();  // forward 1, forward 2, loss, backward 2
  ASSERT_EQ(s.last_phase()->label(), "backward 2");
  const double chained = s.dA(2)(0, 0) * s.gprime(2)(0, 0);
  EXPECT_NEAR(chained, s.dZ(2)(0, 0), kTol);
  const Reference r = Compute();
  // Independently: (-1 / a2) * a2 (1 - a2) = a2 - 1 for y = 1.
  EXPECT_NEAR(r.dA2 * r.g2, r.dZ2, kTol);
  EXPECT_NEAR(chained, r.dZ2, kTol);
}

TEST(Seed002WorkedExample, PhaseLabelsAndCursorFollowOneStep) {
  bpx::Session s = MakeSession();
  EXPECT_EQ(s.phases_per_step(), 6);
  EXPECT_FALSE(s.last_phase().has_value());
  const std::vector<std::string> labels = {"forward 1",  "forward 2",  "loss",
                                           "backward 2", "backward 1", "update"};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(s.phase_at(i).label(), labels[static_cast<size_t>(i)]);
    EXPECT_EQ(s.cursor(), i);
    EXPECT_EQ(s.next_phase_kind().label(), labels[static_cast<size_t>(i)]);
    s.next_phase();
    EXPECT_EQ(s.last_phase()->label(), labels[static_cast<size_t>(i)]);
  }
  EXPECT_EQ(s.cursor(), 0) << "after update the cursor wraps to the next step's forward 1";
  EXPECT_EQ(s.next_phase_kind().label(), "forward 1");
  EXPECT_EQ(s.step_count(), 1);
  // Kinds and layers, not only labels.
  EXPECT_TRUE((s.phase_at(0) == bpx::Phase{bpx::Phase::Forward, 1}));
  EXPECT_TRUE((s.phase_at(2) == bpx::Phase{bpx::Phase::Loss, 0}));
  EXPECT_TRUE((s.phase_at(3) == bpx::Phase{bpx::Phase::Backward, 2}));
  EXPECT_TRUE((s.phase_at(5) == bpx::Phase{bpx::Phase::Update, 0}));
}

// ---------------------------------------------------------------------------------------------
// Where the seed document's rounded figures slip.
//
// The document's root slip is z2: with its own rounded inputs,
//   0.5 * 0.625 + 0.6 * 0.754 + 0.05 = 0.3125 + 0.4524 + 0.05 = 0.8149, not 0.854.
// Everything downstream of z2 inherits the error. Exact values (from the scalar reference,
// which the session matches to 1e-12 in the test above):
//   z2 = 0.814796..., a2 = 0.693131..., loss = 0.366537..., dZ2 = -0.306869...
//   dW2 = [-0.191734, -0.231376], dA1 = [-0.153435, -0.184122]
//   g'(z1) = [0.234423, 0.185490] (the document's 0.186 is also an arithmetic slip:
//   0.754 * 0.246 = 0.185484), dZ1 = [-0.0359687, -0.0341527]
//   W1 after = [[0.1035969, 0.2071937], [0.3034153, 0.4068305]], b1 after = [0.0135969, 0.0234153]
//   W2 after = [0.519173, 0.623138] (agrees with 0.519, 0.623), b2 after = 0.0806869 (0.08 ok)
//   second pass: z1 = [0.531581, 1.140492], a1 = [0.629852, 0.757770], z2 = 0.879884,
//   a2 = 0.706798, loss = 0.347010.
// ---------------------------------------------------------------------------------------------

struct Figure {
  const char* name;
  double exact;      // from the session (checked against the reference)
  double reference;  // from the independent scalar implementation
  double document;   // as printed in the seed document
  int decimals;      // as many decimals as the document printed
  bool slips;        // whether the document's figure differs from the exact value so rounded
};

double RoundTo(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

TEST(Seed002WorkedExample, DocumentFiguresThatSlipAndThoseThatHold) {
  const Reference r = Compute();
  bpx::Session s = MakeSession();
  for (int i = 0; i < 3; ++i) s.next_phase();
  const double z1_0 = s.Z(1)(0, 0), z1_1 = s.Z(1)(1, 0);
  const double z2 = s.Z(2)(0, 0), a2 = s.A(2)(0, 0), loss1 = s.loss();
  const double a1_0 = s.A(1)(0, 0), a1_1 = s.A(1)(1, 0);
  for (int i = 0; i < 2; ++i) s.next_phase();
  const bpx::Matrix dW2 = s.dW(2), dA1 = s.dA(1), g1 = s.gprime(1), dZ1 = s.dZ(1), dW1 = s.dW(1),
                    dZ2 = s.dZ(2);
  s.next_phase();  // update
  const bpx::Matrix W1 = s.W(1), b1 = s.b(1), W2 = s.W(2), b2 = s.b(2);
  for (int i = 0; i < 3; ++i) s.next_phase();
  ASSERT_EQ(s.last_phase()->label(), "loss");

  const std::vector<Figure> figures = {
      // forward pass 1: the hidden layer is right, z2 is where the document slips
      {"z1_1", z1_0, r.f1.z1[0], 0.51, 2, false},   // 0.51
      {"z1_2", z1_1, r.f1.z1[1], 1.12, 2, false},   // 1.12
      {"a1_1", a1_0, r.f1.a1[0], 0.625, 3, false},  // 0.624806
      {"a1_2", a1_1, r.f1.a1[1], 0.754, 3, false},  // 0.753989
      {"z2", z2, r.f1.z2, 0.854, 3, true},          // 0.814796
      {"a2", a2, r.f1.a2, 0.701, 3, true},          // 0.693131
      {"loss", loss1, r.f1.loss, 0.355, 3, true},   // 0.366537
      // backward pass
      {"dZ2", dZ2(0, 0), r.dZ2, -0.299, 3, true},           // -0.306869
      {"dW2_1", dW2(0, 0), r.dW2[0], -0.187, 3, true},      // -0.191734
      {"dW2_2", dW2(0, 1), r.dW2[1], -0.226, 3, true},      // -0.231376
      {"dA1_1", dA1(0, 0), r.dA1[0], -0.149, 3, true},      // -0.153435
      {"dA1_2", dA1(1, 0), r.dA1[1], -0.179, 3, true},      // -0.184122
      {"g1_1", g1(0, 0), r.g1[0], 0.234, 3, false},         // 0.234423
      {"g1_2", g1(1, 0), r.g1[1], 0.186, 3, true},          // 0.185490
      {"dZ1_1", dZ1(0, 0), r.dZ1[0], -0.035, 3, true},      // -0.0359687
      {"dZ1_2", dZ1(1, 0), r.dZ1[1], -0.033, 3, true},      // -0.0341527
      {"dW1_11", dW1(0, 0), r.dW1[0][0], -0.035, 3, true},  // -0.0359687
      {"dW1_12", dW1(0, 1), r.dW1[0][1], -0.070, 3, true},  // -0.0719373
      {"dW1_21", dW1(1, 0), r.dW1[1][0], -0.033, 3, true},  // -0.0341527
      {"dW1_22", dW1(1, 1), r.dW1[1][1], -0.066, 3, true},  // -0.0683053
      // update (lr 0.1): W2 holds, by luck, at three decimals
      {"W2_1 after", W2(0, 0), r.p1.W2[0], 0.519, 3, false},      // 0.519173
      {"W2_2 after", W2(0, 1), r.p1.W2[1], 0.623, 3, false},      // 0.623138
      {"b2 after", b2(0, 0), r.p1.b2, 0.08, 2, false},            // 0.0806869
      {"W1_11 after", W1(0, 0), r.p1.W1[0][0], 0.1035, 4, true},  // 0.1035969
      {"W1_12 after", W1(0, 1), r.p1.W1[0][1], 0.207, 3, false},  // 0.2071937
      {"W1_21 after", W1(1, 0), r.p1.W1[1][0], 0.3033, 4, true},  // 0.3034153
      {"W1_22 after", W1(1, 1), r.p1.W1[1][1], 0.4066, 4, true},  // 0.4068305
      {"b1_1 after", b1(0, 0), r.p1.b1[0], 0.0135, 4, true},      // 0.0135969
      {"b1_2 after", b1(1, 0), r.p1.b1[1], 0.0233, 4, true},      // 0.0234153
      // forward pass 2, after the update
      {"z1_1 second", s.Z(1)(0, 0), r.f2.z1[0], 0.530, 3, true},   // 0.531581
      {"z1_2 second", s.Z(1)(1, 0), r.f2.z1[1], 1.1398, 4, true},  // 1.140492
      {"a1_1 second", s.A(1)(0, 0), r.f2.a1[0], 0.629, 3, true},   // 0.629852
      {"a1_2 second", s.A(1)(1, 0), r.f2.a1[1], 0.758, 3, false},  // 0.757770
      {"z2 second", s.Z(2)(0, 0), r.f2.z2, 0.872, 3, true},        // 0.879884
      {"a2 second", s.A(2)(0, 0), r.f2.a2, 0.705, 3, true},        // 0.706798
      {"loss second", s.loss(), r.f2.loss, 0.350, 3, true},        // 0.347010
  };
  for (const Figure& f : figures) {
    EXPECT_NEAR(f.exact, f.reference, kTol) << f.name;
    const bool differs = std::fabs(RoundTo(f.exact, f.decimals) - f.document) > 1e-9;
    EXPECT_EQ(differs, f.slips) << f.name << ": exact " << f.exact << ", document " << f.document;
  }
  // The root cause, from the document's own rounded inputs (hand arithmetic above).
  EXPECT_NEAR(0.5 * 0.625 + 0.6 * 0.754 + 0.05, 0.8149, 1e-12);
  EXPECT_GT(std::fabs(r.f1.z2 - 0.854), 0.039);
}

}  // namespace
