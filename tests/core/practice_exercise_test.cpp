// Seeded exercises: valid, repeatable, friendly numbers, and both shapes and every loss appear.
#include "core/practice_exercise.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/practice_worksheet.hpp"
#include "core/session.hpp"

namespace {

bool IsTenth(double x) { return std::fabs(x * 10 - std::round(x * 10)) < 1e-9; }

TEST(PracticeExercise, EverySeedGivesAValidFriendlyNetwork) {
  std::set<std::string> shapes, losses, hidden;
  for (uint64_t seed = 0; seed < 500; ++seed) {
    const bpx::Exercise e = bpx::make_exercise(seed);
    auto spec = bpx::parse_spec(e.spec_json);
    ASSERT_TRUE(spec.ok()) << seed << ": " << spec.error().text();
    const bpx::Spec& s = spec.value();
    ASSERT_EQ(s.L(), 2);
    shapes.insert(std::to_string(s.layers[1]) + "-" + std::to_string(s.layers[2]));
    losses.insert(bpx::loss_name(s.loss));
    hidden.insert(bpx::activation_name(s.activations[0]));
    for (const auto& W : s.init.weights)
      for (Eigen::Index i = 0; i < W.size(); ++i) {
        EXPECT_TRUE(IsTenth(W(i)) && W(i) != 0 && std::fabs(W(i)) < 1) << seed;
      }
    // No hidden pre-activation exactly 0, by hand: z = W1 x + b1.
    const bpx::Matrix z = s.init.weights[0] * s.data.inputs + s.init.biases[0];
    for (Eigen::Index i = 0; i < z.size(); ++i) EXPECT_GT(std::fabs(z(i)), 1e-9) << seed;
    if (s.activations[0] == bpx::Activation::Relu) {
      EXPECT_GT(z.maxCoeff(), 0) << seed;
    }
    auto session = bpx::Session::create(s);
    ASSERT_TRUE(session.ok());
    EXPECT_FALSE(session.value().step().has_value()) << seed;  // no divergence
  }
  EXPECT_EQ(shapes, (std::set<std::string>{"2-1", "3-2"}));
  EXPECT_EQ(losses, (std::set<std::string>{"mse", "bce", "cross_entropy"}));
  EXPECT_EQ(hidden, (std::set<std::string>{"sigmoid", "tanh", "relu"}));
}

TEST(PracticeExercise, SameSeedSameExerciseOtherSeedOtherNumbers) {
  EXPECT_EQ(bpx::make_exercise(42).spec_json, bpx::make_exercise(42).spec_json);
  EXPECT_NE(bpx::make_exercise(42).spec_json, bpx::make_exercise(43).spec_json);
}

TEST(PracticeExercise, WorksheetBoundsTheCount) {
  bpx::WorksheetOptions o;
  o.count = 51;
  auto w = bpx::worksheet(o);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().text(), "count: expected between 1 and 50 exercises");
}

}  // namespace
