// Known answers for every diagnosis id: each wrong answer below is computed here, by plain
// scalar arithmetic, from the definition of the mistake (never read from the engine), typed to
// 4 or 5 significant digits, and must be named by that id.
#include "tests/core/practice_support.hpp"

namespace {

using namespace practice_test;

// Seed 002 by hand: x = (1, 2), y = 1, W1 = [[.1 .2] [.3 .4]], b1 = (.01 .02), W2 = (.5 .6),
// b2 = .05, sigmoid layers, binary cross-entropy (so dZ[2] = a2 - y), lr 0.1.
struct Seed002 {
  double z1[2] = {0.1 * 1 + 0.2 * 2 + 0.01, 0.3 * 1 + 0.4 * 2 + 0.02};
  double a1[2] = {Sig(z1[0]), Sig(z1[1])};
  double z2 = 0.5 * a1[0] + 0.6 * a1[1] + 0.05;
  double a2 = Sig(z2);
  double dZ2 = a2 - 1.0;
  double dW2[2] = {dZ2 * a1[0], dZ2* a1[1]};
  double dA1[2] = {0.5 * dZ2, 0.6 * dZ2};
  double g1[2] = {a1[0] * (1 - a1[0]), a1[1] * (1 - a1[1])};
  double dZ1[2] = {dA1[0] * g1[0], dA1[1] * g1[1]};
};

TEST(PracticeDiagnosis, RightAnswersInSeveralSpellings) {
  Seed002 h;
  for (const char* a : {"0.8148", "0,8148", "0.81480", "8.148e-1", "0.5*0.6248 + 0.6*0.754 + 0.05"})
    EXPECT_TRUE(Check(kSeed002, "Z[2]", 0, 0, a).correct) << a;
  EXPECT_NEAR(Check(kSeed002, "Z[2]", 0, 0, "0.8148").expected, h.z2, 1e-12);
  auto near_miss = Check(kSeed002, "Z[2]", 0, 0, "0.854");
  EXPECT_FALSE(near_miss.correct);
  EXPECT_EQ(near_miss.digits, 3);
  EXPECT_FALSE(Check(kSeed002, "Z[2]", 0, 0, "0.8147").correct);
  EXPECT_TRUE(Check(kSeed002, "dZ[1]", 0, 0, Typed(h.dZ1[0])).correct);
  EXPECT_TRUE(Check(kSeed002, "dZ[1]", 1, 0, "-0.18412*0.75399*(1-0.75399)").correct);
}

TEST(PracticeDiagnosis, SignTargetMinusPrediction) {
  Seed002 h;
  // y - a2 instead of a2 - y.
  auto r = Check(kSeed002, "dZ[2]", 0, 0, Typed(1.0 - h.a2));
  EXPECT_EQ(IdOf(r), "sign");
  EXPECT_NE(r.diagnosis->message.find(Typed(1.0 - h.a2)), std::string::npos);
  // Seed 004's neuron (y = 0, yhat = 0.981, squared error): dA = yhat - y = 0.981.
  EXPECT_EQ(IdOf(Check(kSeed003, "dA[1]", 0, 0, Typed(1.0 - Sig(1.0)))), "sign");
}

TEST(PracticeDiagnosis, UpdateSign) {
  Seed002 h;
  // W2 + eta dW2 instead of W2 - eta dW2.
  EXPECT_EQ(IdOf(Check(kSeed002, "W[2]", 0, 1, Typed(0.6 + 0.1 * h.dW2[1]))), "update_sign");
  EXPECT_TRUE(Check(kSeed002, "W[2]", 0, 1, Typed(0.6 - 0.1 * h.dW2[1])).correct);
}

TEST(PracticeDiagnosis, NoActivationDerivativeQuotesTheNumbers) {
  Seed002 h;
  // dZ[1] = dA[1]: -0.1534, the example.
  auto r = Check(kSeed002, "dZ[1]", 0, 0, Typed(h.dA1[0]));
  EXPECT_EQ(IdOf(r), "no_activation_derivative");
  EXPECT_NE(r.diagnosis->message.find("your -0.1534"), std::string::npos) << r.diagnosis->message;
  EXPECT_NE(r.diagnosis->message.find("0.2344"), std::string::npos) << r.diagnosis->message;
}

TEST(PracticeDiagnosis, DerivativeAtActivation) {
  Seed002 h;
  // sigma(a)(1 - sigma(a)) instead of a(1 - a).
  const double wrong = h.dA1[1] * Sig(h.a1[1]) * (1 - Sig(h.a1[1]));
  EXPECT_EQ(IdOf(Check(kSeed002, "dZ[1]", 1, 0, Typed(wrong))), "derivative_at_activation");
}

TEST(PracticeDiagnosis, DAForDZ) {
  Seed002 h;
  // dW[1](1,1) = dA[1](1) * x(1) instead of dZ[1](1) * x(1).
  EXPECT_EQ(IdOf(Check(kSeed002, "dW[1]", 1, 1, Typed(h.dA1[1] * 2.0))), "dA_for_dZ");
  EXPECT_EQ(IdOf(Check(kSeed002, "db[1]", 0, 0, Typed(h.dA1[0]))), "dA_for_dZ");
}

TEST(PracticeDiagnosis, TransposeInForwardAndInDW) {
  // Z[1] with W1 transposed: 0.1 * 1 + 0.3 * 2 + 0.01.
  EXPECT_EQ(IdOf(Check(kSeed002, "Z[1]", 0, 0, Typed(0.1 + 0.6 + 0.01))), "transpose");
  Seed002 h;
  // dW[1](0,1) answered with the entry (1,0): dZ1[1] * x(0).
  EXPECT_EQ(IdOf(Check(kSeed002, "dW[1]", 0, 1, Typed(h.dZ1[1] * 1.0))), "transpose");
}

TEST(PracticeDiagnosis, UpdatedWeightsInBackprop) {
  Seed002 h;
  // dA[1](0) from W2 already updated: (0.5 - 0.1 dW2[0]) dZ2.
  const double wrong = (0.5 - 0.1 * h.dW2[0]) * h.dZ2;
  EXPECT_EQ(IdOf(Check(kSeed002, "dA[1]", 0, 0, Typed(wrong))), "updated_weights_in_backprop");
}

TEST(PracticeDiagnosis, PrecedenceOfSeed003) {
  // z = 2 * -1 + -3 * -2 - 3 = 1; 1 / 1 + exp(-1) = 1 + exp(-1) = 1.368.
  auto r = Check(kSeed003, "A[1]", 0, 0, Typed(1 + std::exp(-1.0)));
  EXPECT_EQ(IdOf(r), "precedence");
  EXPECT_TRUE(Check(kSeed003, "A[1]", 0, 0, "1/(1+exp(-1))").correct);
}

TEST(PracticeDiagnosis, MissingForkSumInMazur) {
  // Mazur: h1 feeds o1 and o2, so dA[1](0) = w5 dZ_o1 + w7 dZ_o2; one path alone is the mistake.
  const double h1 = Sig(0.15 * 0.05 + 0.20 * 0.10 + 0.35),
               h2 = Sig(0.25 * 0.05 + 0.30 * 0.10 + 0.35);
  const double o1 = Sig(0.40 * h1 + 0.45 * h2 + 0.60), o2 = Sig(0.50 * h1 + 0.55 * h2 + 0.60);
  const double dZo1 = (o1 - 0.01) * o1 * (1 - o1), dZo2 = (o2 - 0.99) * o2 * (1 - o2);
  EXPECT_TRUE(Check(kMazur, "dA[1]", 0, 0, Typed(0.40 * dZo1 + 0.50 * dZo2)).correct);
  EXPECT_EQ(IdOf(Check(kMazur, "dA[1]", 0, 0, Typed(0.40 * dZo1))), "missing_fork_sum");
  // Mazur's published dE_total/dw5 = 0.082167041.
  EXPECT_TRUE(Check(kMazur, "dW[2]", 0, 0, "0.082167041").correct);
}

TEST(PracticeDiagnosis, MseFactor) {
  // Seed 003: a = sigma(1), y = 1; loss = 1/2 (a - 1)^2; without the 1/2, (a - 1)^2.
  const double a = Sig(1.0);
  EXPECT_TRUE(Check(kSeed003, "loss", 0, 0, Typed(0.5 * (a - 1) * (a - 1))).correct);
  EXPECT_EQ(IdOf(Check(kSeed003, "loss", 0, 0, Typed((a - 1) * (a - 1)))), "mse_factor");
  EXPECT_EQ(IdOf(Check(kSeed003, "dA[1]", 0, 0, Typed(2 * (a - 1)))), "mse_factor");
}

TEST(PracticeDiagnosis, LearningRateMissingOrTwice) {
  // Seed 003: dZ = (a - 1) a (1 - a), dW(0,1) = dZ * x(1) = dZ * -2; W' = -3 - 0.1 dW.
  const double a = Sig(1.0), dZ = (a - 1) * a * (1 - a), dW = dZ * -2.0;
  EXPECT_TRUE(Check(kSeed003, "W[1]", 0, 1, Typed(-3 - 0.1 * dW)).correct);
  EXPECT_EQ(IdOf(Check(kSeed003, "W[1]", 0, 1, Typed(-3 - dW))), "learning_rate");
  EXPECT_EQ(IdOf(Check(kSeed003, "W[1]", 0, 1, "-3.00106")), "learning_rate");  // -3 - 0.01 dW
  EXPECT_NEAR(-3 - 0.01 * dW, -3.00106, 5e-6);
}

TEST(PracticeDiagnosis, BiasInputOfSeed003) {
  // db multiplied by the input x(1) = -2 instead of 1.
  const double a = Sig(1.0), dZ = (a - 1) * a * (1 - a);
  EXPECT_TRUE(Check(kSeed003, "db[1]", 0, 0, Typed(dZ)).correct);
  EXPECT_EQ(IdOf(Check(kSeed003, "db[1]", 0, 0, Typed(dZ * -2.0))), "bias_input");
}

TEST(PracticeDiagnosis, MissingMeanInABatchedSoftmax) {
  // Two examples; z = W x + b per column; dZ = softmax(z) - y; dW = (1/2) sum_k dZ x^T.
  const double X[2][2] = {{1.0, 2.0}, {-1.0, 0.5}};  // X[k] is example k
  const double Y[2][2] = {{1.0, 0.0}, {0.0, 1.0}};
  const double W[2][2] = {{0.2, -0.4}, {0.1, 0.3}}, b[2] = {0.0, 0.1};
  double dZ[2][2];  // dZ[k][unit]
  for (int k = 0; k < 2; ++k) {
    double z[2], e[2];
    for (int i = 0; i < 2; ++i) z[i] = W[i][0] * X[k][0] + W[i][1] * X[k][1] + b[i];
    for (int i = 0; i < 2; ++i) e[i] = std::exp(z[i]);
    for (int i = 0; i < 2; ++i) dZ[k][i] = e[i] / (e[0] + e[1]) - Y[k][i];
  }
  const double sum = dZ[0][1] * X[0][0] + dZ[1][1] * X[1][0];  // dW(1,0) without the 1/m
  EXPECT_TRUE(Check(kSoftmaxBatch, "dW[1]", 1, 0, Typed(sum / 2)).correct);
  EXPECT_EQ(IdOf(Check(kSoftmaxBatch, "dW[1]", 1, 0, Typed(sum))), "missing_mean");
  EXPECT_EQ(IdOf(Check(kSoftmaxBatch, "db[1]", 0, 0, Typed((dZ[0][0] + dZ[1][0]) / 4))),
            "missing_mean");
}

TEST(PracticeDiagnosis, RoundedEarlyLikeSeed002sDocument) {
  // A[1] rounded to 3 digits (0.625, 0.754) before Z[2]: 0.5 * 0.625 + 0.6 * 0.754 + 0.05 = 0.8149.
  auto r = Check(kSeed002, "Z[2]", 0, 0, "0.8149");
  EXPECT_FALSE(r.correct);
  EXPECT_EQ(IdOf(r), "rounded_early");
}

TEST(PracticeDiagnosis, UnknownMistakesAreSaidHonestly) {
  auto r = Check(kSeed002, "Z[2]", 0, 0, "0.4321");
  EXPECT_EQ(IdOf(r), "unknown");
  EXPECT_EQ(r.diagnosis->message.rfind("not one of the known mistakes", 0), 0u);
  // Working typed as arithmetic: the first number of the chain that differs is named.
  auto w = Check(kSeed002, "Z[2]", 0, 0, "0.5*0.6248 + 0.6*0.7 + 0.05");
  EXPECT_EQ(IdOf(w), "unknown");
  EXPECT_NE(w.diagnosis->message.find("A[1](1,0) = 0.754"), std::string::npos)
      << w.diagnosis->message;
}

TEST(PracticeDiagnosis, OneDigitNamesNoMistake) {
  Seed002 h;
  // -0.2 is dA[1](0,0) = -0.1534 to one digit (no_activation_derivative), but one digit cannot
  // tell that from other mistakes: nothing is named.
  auto r = Check(kSeed002, "dZ[1]", 0, 0, "-0.2");
  EXPECT_EQ(IdOf(r), "unknown");
  EXPECT_NE(r.diagnosis->message.find("type at least 2 significant digits"), std::string::npos);
  EXPECT_EQ(IdOf(Check(kSeed002, "dZ[1]", 0, 0, Typed(h.dA1[0]))), "no_activation_derivative");
}

TEST(PracticeDiagnosis, HintsInThreeLevels) {
  auto r = Check(kSeed002, "dZ[1]", 0, 0, "0");
  EXPECT_EQ(bpx::hint_text(r.derivation, 1).rfind("dZ[1] = dA[1]", 0), 0u);
  EXPECT_EQ(bpx::hint_text(r.derivation, 2), "dZ[1](0,0) = (\u22120.1534) \u00d7 0.2344");
  EXPECT_EQ(bpx::hint_text(r.derivation, 3), "dZ[1](0,0) = \u22120.0359687");
}

}  // namespace
