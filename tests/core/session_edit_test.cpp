// Live edits between steps: set_parameter changes one weight or bias and the next step
// starts from it; replace_data swaps the points and keeps weights, optimizer and counters.
// Known answers are worked by hand for a linear 2-1 network with mse (dW = mean(dz x^T)).
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/session.hpp"

namespace {

// One linear unit z = w1 x1 + w2 x2 + b, trained on one point (1, 2) with target 0.5.
const char* const kLinear = R"({
  "layers": [2, 1], "activations": ["linear"], "loss": "mse",
  "optimizer": {"type": "sgd", "learning_rate": 0.1},
  "init": {"weights": [[[0, 0]]], "biases": [[0]]},
  "data": {"points": [[1, 2]], "labels": [0.5], "test_points": [[0, 1]], "test_labels": [0],
           "task": "regression"}
})";

// A generated classification set with a test split, in minibatches.
const char* const kGaussian = R"({
  "layers": [2, 3, 2], "activations": ["tanh", "softmax"], "loss": "cross_entropy",
  "optimizer": {"type": "adam", "learning_rate": 0.05}, "batch_size": 7, "seed": 9,
  "init": {"scheme": "xavier", "seed": 5},
  "data": {"dataset": "gaussian", "classes": 2, "points": 40, "noise": 0.2,
           "train_fraction": 0.5, "seed": 3}
})";

bpx::Session Create(const char* spec) {
  auto s = bpx::Session::create(std::string(spec));
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

// The points of a 2 x n matrix as JSON [[x1, x2], ...], plus one more point if given.
std::string Points(const bpx::Matrix& P, const std::string& extra = "") {
  std::string s = "[";
  for (Eigen::Index k = 0; k < P.cols(); ++k) {
    s += (k ? "," : "") + std::string("[") + std::to_string(P(0, k)) + "," +
         std::to_string(P(1, k)) + "]";
  }
  if (!extra.empty()) s += (P.cols() ? "," : "") + extra;
  return s + "]";
}

std::string Labels(const Eigen::RowVectorXd& y, const std::string& extra = "") {
  std::string s = "[";
  for (Eigen::Index k = 0; k < y.size(); ++k)
    s += (k ? "," : "") + std::to_string(static_cast<int>(y(k)));
  if (!extra.empty()) s += (y.size() ? "," : "") + extra;
  return s + "]";
}

TEST(SessionEdit, SetParameterIsWhereTheNextStepStarts) {
  bpx::Session s = Create(kLinear);
  ASSERT_FALSE(s.set_parameter("W", 1, 0, 0, 0.3));
  ASSERT_FALSE(s.set_parameter("W", 1, 0, 1, -0.2));
  ASSERT_FALSE(s.set_parameter("b", 1, 0, 0, 0.1));
  EXPECT_EQ(s.W(1)(0, 1), -0.2);
  s.step();
  // z = 0.3 - 0.4 + 0.1 = 0; dz = z - 0.5 = -0.5; dW = dz (1, 2); db = dz.
  EXPECT_NEAR(s.loss(), 0.125, 1e-15);
  EXPECT_NEAR(s.W(1)(0, 0), 0.3 + 0.05, 1e-15);
  EXPECT_NEAR(s.W(1)(0, 1), -0.2 + 0.1, 1e-15);
  EXPECT_NEAR(s.b(1)(0, 0), 0.1 + 0.05, 1e-15);
}

TEST(SessionEdit, SetParameterMatchesAFiniteDifference) {
  // The loss gradient the step applies is the slope of the loss in the edited weight.
  const double h = 1e-6;
  auto loss_at = [&](double w) {
    bpx::Session s = Create(kLinear);
    s.set_parameter("W", 1, 0, 1, w);
    return s.evaluate(s.data().X_train, s.data().Y_train).loss;
  };
  bpx::Session s = Create(kLinear);
  ASSERT_FALSE(s.set_parameter("W", 1, 0, 1, 0.7));
  const double slope = (loss_at(0.7 + h) - loss_at(0.7 - h)) / (2 * h);
  s.step();
  EXPECT_NEAR(s.W(1)(0, 1), 0.7 - 0.1 * slope, 1e-8);
}

TEST(SessionEdit, SetParameterRejectsBadInputAndLeavesTheSession) {
  bpx::Session s = Create(kLinear);
  EXPECT_EQ(s.set_parameter("Z", 1, 0, 0, 1)->path, "name");
  EXPECT_EQ(s.set_parameter("W", 2, 0, 0, 1)->path, "layer");
  EXPECT_EQ(s.set_parameter("W", 0, 0, 0, 1)->path, "layer");
  EXPECT_EQ(s.set_parameter("W", 1, 1, 0, 1)->path, "row");
  EXPECT_EQ(s.set_parameter("W", 1, 0, 2, 1)->path, "col");
  EXPECT_EQ(s.set_parameter("b", 1, 0, 1, 1)->path, "col");
  EXPECT_EQ(s.set_parameter("W", 1, 0, 0, std::nan(""))->path, "value");
  EXPECT_EQ(s.set_parameter("W", 1, 0, 0, INFINITY)->path, "value");
  s.next_phase();
  auto mid = s.set_parameter("W", 1, 0, 0, 1);
  ASSERT_TRUE(mid);
  EXPECT_NE(mid->message.find("between steps"), std::string::npos);
  s.step();  // finishes the step: from 0 weights, z = 0, dW = -0.5 (1, 2)
  EXPECT_NEAR(s.W(1)(0, 0), 0.05, 1e-15);
  EXPECT_NEAR(s.W(1)(0, 1), 0.1, 1e-15);
  EXPECT_FALSE(s.set_parameter("W", 1, 0, 0, 1));
  EXPECT_EQ(s.history_size(), 0u);
}

TEST(SessionEdit, ReplaceDataKeepsWeightsAndCountersAndTrainsOnTheNewPoints) {
  bpx::Session s = Create(kLinear);
  s.set_parameter("W", 1, 0, 0, 0.3);
  s.set_parameter("W", 1, 0, 1, -0.2);
  s.set_parameter("b", 1, 0, 0, 0.1);
  s.step();  // W = (0.35, -0.1), b = 0.15 (the test above)
  ASSERT_FALSE(s.replace_data(
      R"({"points": [[1, 2], [2, 0]], "labels": [0.5, -0.5], "test_points": [[0, 1]],
          "test_labels": [0]})"));
  EXPECT_NEAR(s.W(1)(0, 0), 0.35, 1e-15);
  EXPECT_EQ(s.step_count(), 1);
  EXPECT_EQ(s.epoch(), 1);
  EXPECT_EQ(s.data().X_train.cols(), 2);
  EXPECT_EQ(s.data().X_test.cols(), 1);
  EXPECT_EQ(s.batch_size(), 2);  // the whole (new) set, as the spec asks
  EXPECT_EQ(s.history_size(), 0u);
  EXPECT_FALSE(s.previous_phase());
  s.step();
  // dz = (0.3 - 0.5, 0.85 + 0.5) = (-0.2, 1.35); dW = mean(dz x) = (1.25, -0.2); db = 0.575.
  EXPECT_NEAR(s.W(1)(0, 0), 0.35 - 0.125, 1e-15);
  EXPECT_NEAR(s.W(1)(0, 1), -0.1 + 0.02, 1e-15);
  EXPECT_NEAR(s.b(1)(0, 0), 0.15 - 0.0575, 1e-15);
  EXPECT_EQ(s.epoch(), 2);
  EXPECT_EQ(s.loss_history().size(), 2u);
}

TEST(SessionEdit, ReplaceDataOfAGeneratedSetKeepsItsTestSplitAndAccuracy) {
  bpx::Session s = Create(kGaussian);
  s.train(9);  // three epochs of 20 in batches of 7
  const bpx::Matrix W1 = s.W(1), mW1 = s.optimizer_slots(1).mW;
  const long t = s.optimizer_clock().t;
  const bpx::DataSet before = s.data();
  ASSERT_FALSE(s.replace_data("{\"points\": " + Points(before.points_train, "[0.5, -0.25]") +
                              ", \"labels\": " + Labels(before.labels_train, "1") +
                              ", \"test_points\": " + Points(before.points_test) +
                              ", \"test_labels\": " + Labels(before.labels_test) + "}"));
  EXPECT_EQ(s.W(1), W1);
  EXPECT_EQ(s.optimizer_slots(1).mW, mW1);
  EXPECT_EQ(s.optimizer_clock().t, t);
  EXPECT_EQ(s.epoch(), 3);
  EXPECT_EQ(s.data().X_train.cols(), 21);
  EXPECT_EQ(s.data().X_test.cols(), 20);
  EXPECT_DOUBLE_EQ(s.data().points_train(0, 20), 0.5);
  EXPECT_TRUE(s.has_accuracy());
  EXPECT_FALSE(std::isnan(s.evaluate(s.data().X_test, s.data().Y_test).accuracy));
  s.train(3);  // 21 in batches of 7: exactly one more epoch
  EXPECT_EQ(s.epoch(), 4);
}

TEST(SessionEdit, ReplaceDataRejectsBadInputAndLeavesTheSession) {
  bpx::Session s = Create(kGaussian);
  s.train(2);
  const bpx::Matrix W1 = s.W(1);
  EXPECT_TRUE(s.replace_data("not json"));
  EXPECT_EQ(s.replace_data(R"({"dataset": "circle"})")->path, "data");
  EXPECT_EQ(s.replace_data(R"({"points": [[0, 0]], "labels": [2]})")->path, "data.labels[0]");
  EXPECT_EQ(s.replace_data(R"({"points": [], "labels": []})")->path, "data.points");
  EXPECT_EQ(s.replace_data(R"({"points": [[0, 0]], "labels": [0], "classes": 3})")->path,
            "data.classes");
  EXPECT_EQ(
      s.replace_data(R"({"points": [[0, 0]], "labels": [0], "features": ["x1", "sin_x1"]})")->path,
      "data.features");
  EXPECT_EQ(s.replace_data(R"({"points": [[0, 0]], "labels": [0.5], "task": "regression"})")->path,
            "data.task");
  s.next_phase();
  auto mid = s.replace_data(R"({"points": [[0, 0]], "labels": [0]})");
  ASSERT_TRUE(mid);
  EXPECT_NE(mid->message.find("between steps"), std::string::npos);
  s.step();
  EXPECT_EQ(s.data().X_train.cols(), 20);
  EXPECT_EQ(s.step_count(), 3);
  // Fewer points than the batch: the batch becomes the whole set.
  ASSERT_FALSE(s.replace_data(R"({"points": [[0, 0], [1, 1]], "labels": [0, 1]})"));
  EXPECT_EQ(s.batch_size(), 2);
  EXPECT_EQ(s.data().X_test.cols(), 0);
  EXPECT_NE(s.W(1), W1);  // three steps trained it
  s.step();
  EXPECT_EQ(s.step_count(), 4);
}

TEST(SessionEdit, ReplaceDataRefusesExplicitInputs) {
  auto s = bpx::Session::create(std::string(R"({
    "layers": [2, 1], "activations": ["linear"], "loss": "mse",
    "data": {"inputs": [[1, 2]], "targets": [[0.5]]}
  })"));
  ASSERT_TRUE(s.ok()) << s.error().text();
  EXPECT_EQ(s.value().replace_data(R"({"points": [[0, 0]], "labels": [0.5]})")->path, "data");
}

}  // namespace
