// data: {"points", "labels"}: the engine builds the features and encodes the targets of
// the page's own points, keeps their test split, and names the field of every bad value.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/session.hpp"
#include "core/spec.hpp"

namespace {

using nlohmann::json;

json spec_with(json layers, json acts, std::string loss, json data) {
  return {{"layers", layers}, {"activations", acts}, {"loss", loss}, {"data", data}};
}

bpx::Session session_of(const json& spec) {
  auto s = bpx::Session::create(spec.dump());
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().text());
  return std::move(s.value());
}

TEST(PointData, FeaturesAreBuiltByTheEngine) {
  json data = {{"points", {{1.0, 2.0}, {-0.5, 0.25}}},
               {"labels", {1, 0}},
               {"features", {"x1", "x2", "x1_x2", "sin_x2"}}};
  auto s = session_of(spec_with({4, 2, 1}, {"tanh", "sigmoid"}, "bce", data));
  const bpx::Matrix& X = s.data().X_train;
  ASSERT_EQ(X.rows(), 4);
  ASSERT_EQ(X.cols(), 2);
  // By hand: (x1, x2, x1 x2, sin x2) of each point, one column each.
  EXPECT_EQ(X(0, 0), 1.0);
  EXPECT_EQ(X(1, 0), 2.0);
  EXPECT_EQ(X(2, 0), 2.0);
  EXPECT_NEAR(X(3, 0), std::sin(2.0), 1e-15);
  EXPECT_EQ(X(0, 1), -0.5);
  EXPECT_EQ(X(2, 1), -0.125);
  EXPECT_NEAR(X(3, 1), std::sin(0.25), 1e-15);
  EXPECT_TRUE(s.has_accuracy());
}

TEST(PointData, TargetsAreEncodedForTheOutputLayer) {
  json two = {{"points", {{0, 0}, {1, 1}}}, {"labels", {0, 1}}};
  // tanh output: -1 / +1.
  auto t = session_of(spec_with({2, 1}, {"tanh"}, "mse", two));
  EXPECT_EQ(t.data().Y_train(0, 0), -1.0);
  EXPECT_EQ(t.data().Y_train(0, 1), 1.0);
  // sigmoid output: 0 / 1.
  auto g = session_of(spec_with({2, 1}, {"sigmoid"}, "bce", two));
  EXPECT_EQ(g.data().Y_train(0, 0), 0.0);
  EXPECT_EQ(g.data().Y_train(0, 1), 1.0);
  // softmax over three classes: one-hot columns.
  json three = {{"points", {{0, 0}, {1, 1}, {2, 2}}}, {"labels", {2, 0, 1}}, {"classes", 3}};
  auto m = session_of(spec_with({2, 3}, {"softmax"}, "cross_entropy", three));
  const bpx::Matrix& Y = m.data().Y_train;
  EXPECT_EQ(Y(2, 0), 1.0);
  EXPECT_EQ(Y(0, 1), 1.0);
  EXPECT_EQ(Y(1, 2), 1.0);
  EXPECT_EQ(Y.sum(), 3.0);
  // regression: the values themselves, and no accuracy.
  json reg = {{"points", {{0, 0}, {1, 1}}}, {"labels", {0.25, -0.75}}, {"task", "regression"}};
  auto r = session_of(spec_with({2, 1}, {"linear"}, "mse", reg));
  EXPECT_EQ(r.data().Y_train(0, 0), 0.25);
  EXPECT_EQ(r.data().Y_train(0, 1), -0.75);
  EXPECT_FALSE(r.has_accuracy());
}

TEST(PointData, KeepsItsTestSplitAndRoundTrips) {
  json data = {{"points", {{0, 1}, {1, 0}, {2, 2}}},
               {"labels", {0, 1, 1}},
               {"test_points", {{-1, -1}}},
               {"test_labels", {0}}};
  json spec = spec_with({2, 3, 1}, {"relu", "sigmoid"}, "bce", data);
  auto s = session_of(spec);
  EXPECT_EQ(s.data().X_train.cols(), 3);
  EXPECT_EQ(s.data().X_test.cols(), 1);
  EXPECT_EQ(s.data().X_test(0, 0), -1.0);
  EXPECT_EQ(s.data().Y_test(0, 0), 0.0);
  auto back = bpx::parse_spec(bpx::spec_to_json(s.spec()));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(bpx::spec_to_json(back.value()), bpx::spec_to_json(s.spec()));
}

TEST(PointData, BadValuesNameTheirField) {
  const json ok = {{"points", {{0, 0}, {1, 1}}}, {"labels", {0, 1}}};
  struct Bad {
    const char* what;
    json patch;
    const char* path;
  };
  const Bad cases[] = {
      {"label count", {{"labels", {0}}}, "data.labels"},
      {"label out of range", {{"labels", {0, 2}}}, "data.labels[1]"},
      {"fractional class", {{"labels", {0, 0.5}}}, "data.labels[1]"},
      {"point of three", {{"points", {{0, 0, 0}, {1, 1}}}}, "data.points[0]"},
      {"huge coordinate", {{"points", {{0, 1e300}, {1, 1}}}}, "data.points[0][1]"},
      {"no points", {{"points", json::array()}, {"labels", json::array()}}, "data.points"},
      {"test points alone", {{"test_points", {{0, 0}}}}, "data.test_labels"},
      {"regression classes", {{"task", "regression"}, {"classes", 3}}, "data.classes"},
      {"unknown task", {{"task", "clustering"}}, "data.task"},
      {"unknown key", {{"colour", "red"}}, "data.colour"},
  };
  for (const Bad& b : cases) {
    json data = ok;
    data.update(b.patch);
    auto r = bpx::parse_spec(spec_with({2, 1}, {"sigmoid"}, "bce", data).dump());
    ASSERT_FALSE(r.ok()) << b.what;
    EXPECT_EQ(r.error().path, b.path) << b.what << ": " << r.error().text();
  }
}

TEST(PointData, AtMostMaxPointsInAll) {
  json pts = json::array(), labels = json::array();
  for (int k = 0; k < bpx::kMaxPoints; ++k) {
    pts.push_back({k * 0.001, 0.0});
    labels.push_back(k % 2);
  }
  json data = {{"points", pts}, {"labels", labels}};
  EXPECT_TRUE(bpx::parse_spec(spec_with({2, 1}, {"sigmoid"}, "bce", data).dump()).ok());
  data["test_points"] = {{0, 0}};
  data["test_labels"] = {0};
  auto r = bpx::parse_spec(spec_with({2, 1}, {"sigmoid"}, "bce", data).dump());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "data.test_points");
}

}  // namespace
