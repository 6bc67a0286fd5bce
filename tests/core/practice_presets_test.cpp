// The worked examples teachers assign, as presets: Matt Mazur's published numbers, the
// update_biases option they need, and seed 004's chain of links as a practice question.
#include "tests/core/practice_support.hpp"

namespace {

using namespace practice_test;

TEST(PracticePresets, MazurTotalErrorBeforeAndAfterOneStep) {
  bpx::Session s = Make(kMazur);
  s.next_phase();
  s.next_phase();
  s.next_phase();                             // forward 1, forward 2, loss
  EXPECT_NEAR(s.loss(), 0.298371109, 5e-10);  // his E_total before
  s.step();                                   // the rest of the step
  s.next_phase();
  s.next_phase();
  s.next_phase();
  // His E_total after the first round is published as 0.291027924. Recomputed exactly (plain
  // doubles, the same formulas), and even from his own rounded updated weights w1+..w8+, it is
  // 0.2910277737: the post's ninth digits slipped; the two agree to 6 significant digits.
  EXPECT_NEAR(s.loss(), 0.29102777369, 1e-11);
  EXPECT_NEAR(s.loss(), 0.291027924, 5e-7);
  // His updated weights: w5+ = 0.35891648, w1+ = 0.149780716.
  EXPECT_NEAR(s.W(2)(0, 0), 0.35891648, 5e-9);
  EXPECT_NEAR(s.W(1)(0, 0), 0.149780716, 5e-10);
}

TEST(PracticePresets, UpdateBiasesFalseLeavesBAsItIs) {
  bpx::Session s = Make(kMazur);
  s.step();
  EXPECT_EQ(s.b(1)(0, 0), 0.35);
  EXPECT_EQ(s.b(2)(1, 0), 0.60);
  EXPECT_TRUE(Check(kMazur, "b[2]", 0, 0, "0.6").correct);
  // The default updates biases: seed 003's b' = -3 - 0.1 dZ, dZ = (a - 1) a (1 - a), a = s(1).
  const double a = Sig(1.0);
  bpx::Session t = Make(kSeed003);
  t.step();
  EXPECT_NEAR(t.b(1)(0, 0), -3 - 0.1 * (a - 1) * a * (1 - a), 1e-15);
}

TEST(PracticePresets, UpdateBiasesIsValidatedAndRoundTrips) {
  std::string bad = kMazur;
  bad.replace(bad.find("\"update_biases\": false"), 22, "\"update_biases\": 0");
  auto r = bpx::parse_spec(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().text(), "update_biases: expected true or false; got 0");
  auto spec = bpx::parse_spec(kMazur);
  ASSERT_TRUE(spec.ok());
  auto again = bpx::parse_spec(bpx::spec_to_json(spec.value()));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value().update_biases);
}

// Seed 004: one sigmoid neuron, x = 0.76, w = 0.5, y = 0, yhat = 0.981, squared error, lr 0.1.
// The document writes Target - Prediction and W + eta delta x: each sign flip is named.
TEST(PracticePresets, Seed004ChainOfLinksSignFlips) {
  const std::string spec = R"({"layers": [1, 1], "activations": ["sigmoid"], "loss": "mse",
    "optimizer": {"type": "sgd", "learning_rate": 0.1},
    "init": {"weights": [[[0.5]]], "biases": [[)" +
                           std::to_string(std::log(0.981 / 0.019) - 0.38) +
                           R"(]]}, "data": {"inputs": [[0.76]], "targets": [[0.0]]}})";
  // dL/dyhat = yhat - y = 0.981; the document's -0.981 is the sign mistake.
  EXPECT_TRUE(Check(spec, "dA[1]", 0, 0, "0.981").correct);
  EXPECT_EQ(IdOf(Check(spec, "dA[1]", 0, 0, "-0.981")), "sign");
  // delta = 0.981 * 0.981 * 0.019 = 0.018284859; W' = 0.5 - 0.1 * 0.76 * delta = 0.498610351.
  EXPECT_TRUE(Check(spec, "W[1]", 0, 0, "0.49861035").correct);
  EXPECT_EQ(IdOf(Check(spec, "W[1]", 0, 0, "0.50138965")), "update_sign");
}

}  // namespace
