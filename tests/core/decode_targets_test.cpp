// decode_targets undoes encode_targets (labels -> targets -> the same labels) and
// as_point_data shows explicit 2-D examples as the point form: the decoding of targets
// lives in the core beside their encoding.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/data.hpp"
#include "core/spec.hpp"
#include "core/spec_parts.hpp"

namespace {

using nlohmann::json;

bpx::Spec spec_of(const json& j) {
  auto s = bpx::parse_spec(j.dump());
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().text());
  return s.value();
}

bpx::Matrix row(std::initializer_list<double> v) {
  bpx::Matrix m(1, static_cast<Eigen::Index>(v.size()));
  Eigen::Index k = 0;
  for (double x : v) m(0, k++) = x;
  return m;
}

TEST(DecodeTargets, OneHotAndProbabilityColumnsGiveTheRowOfTheLargest) {
  bpx::Matrix Y(3, 3);
  Y << 0, 1, 0.2,  //
      0, 0, 0.7,   //
      1, 0, 0.1;
  auto d = bpx::decode_targets(Y);
  EXPECT_FALSE(d.regression);
  EXPECT_EQ(d.classes, 3);
  EXPECT_EQ(d.labels(0), 2);
  EXPECT_EQ(d.labels(1), 0);
  EXPECT_EQ(d.labels(2), 1);
}

TEST(DecodeTargets, OneOutputOfZeroOneOrMinusOneIsTwoClasses) {
  auto sig = bpx::decode_targets(row({0, 1, 1, 0}));
  EXPECT_FALSE(sig.regression);
  EXPECT_EQ(sig.classes, 2);
  EXPECT_EQ(sig.labels, Eigen::RowVectorXd(row({0, 1, 1, 0})));
  auto tanh = bpx::decode_targets(row({-1, 1, -1}));
  EXPECT_FALSE(tanh.regression);
  EXPECT_EQ(tanh.labels, Eigen::RowVectorXd(row({0, 1, 0})));
}

TEST(DecodeTargets, OtherValuesAreRegressionClippedToPlusMinusOne) {
  auto d = bpx::decode_targets(row({0.25, -3, 1, 2.5}));
  EXPECT_TRUE(d.regression);
  EXPECT_EQ(d.labels, Eigen::RowVectorXd(row({0.25, -1, 1, 1})));
}

TEST(DecodeTargets, UndoesTheEncodingOfEveryOutputLayer) {
  // Points with labels; the engine encodes them for the output layer, and decoding the
  // encoded targets gives the labels back.
  const json points = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 2}};
  struct Case {
    json layers, acts;
    std::string loss;
    json labels;
    int classes;
  } cases[] = {
      {{2, 3}, {"softmax"}, "cross_entropy", {2, 0, 1, 1, 0}, 3},
      {{2, 2, 1}, {"relu", "tanh"}, "mse", {1, 0, 0, 1, 1}, 2},
      {{2, 1}, {"sigmoid"}, "bce", {0, 1, 1, 0, 1}, 2},
  };
  for (const auto& c : cases) {
    json data = {{"points", points}, {"labels", c.labels}};
    if (c.classes > 2) data["classes"] = c.classes;
    bpx::Spec s =
        spec_of({{"layers", c.layers}, {"activations", c.acts}, {"loss", c.loss}, {"data", data}});
    auto d = bpx::decode_targets(bpx::encode_targets(s, s.data.given_labels));
    EXPECT_FALSE(d.regression) << c.acts;
    EXPECT_EQ(d.labels, s.data.given_labels) << c.acts;
    EXPECT_EQ(d.classes, c.classes) << c.acts;
  }
}

TEST(AsPointData, ExplicitTwoInputExamplesBecomePointsWithLabels) {
  bpx::Spec s = spec_of(json::parse(R"({"layers": [2, 3], "activations": ["softmax"],
    "loss": "cross_entropy", "data": {"inputs": [[0.5, -1], [2, 3]],
    "targets": [[0, 0, 1], [0.6, 0.3, 0.1]]}})"));
  auto p = bpx::as_point_data(s);
  ASSERT_TRUE(p.ok()) << p.error().text();
  const json j = bpx::point_data_json(p.value());
  EXPECT_EQ(j["points"], json::parse("[[0.5, -1], [2, 3]]"));
  EXPECT_EQ(j["labels"], json::parse("[2, 0]"));
  EXPECT_EQ(j["task"], "classification");
  EXPECT_EQ(j["classes"], 3);
  EXPECT_EQ(j["features"], json::parse(R"(["x1", "x2"])"));
  // The point form is a valid data form of the same network.
  json back = {
      {"layers", {2, 3}}, {"activations", {"softmax"}}, {"loss", "cross_entropy"}, {"data", j}};
  EXPECT_TRUE(bpx::parse_spec(back.dump()).ok());
}

TEST(AsPointData, RegressionTargetsAndTheErrorsOfOtherData) {
  bpx::Spec r = spec_of(json::parse(R"({"layers": [2, 1], "activations": ["linear"],
    "loss": "mse", "data": {"inputs": [[0, 1], [1, 0]], "targets": [[0.5], [-4]]}})"));
  const json j = bpx::point_data_json(bpx::as_point_data(r).value());
  EXPECT_EQ(j["task"], "regression");
  EXPECT_EQ(j["labels"], json::parse("[0.5, -1.0]"));

  bpx::Spec three = spec_of(json::parse(R"({"layers": [3, 1], "activations": ["sigmoid"],
    "loss": "bce", "data": {"inputs": [[0, 1, 2]], "targets": [[1]]}})"));
  auto e = bpx::as_point_data(three);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().path, "data.inputs");
  EXPECT_NE(e.error().message.find("2 inputs"), std::string::npos) << e.error().message;

  bpx::Spec far = spec_of(json::parse(R"({"layers": [2, 1], "activations": ["sigmoid"],
    "loss": "bce", "data": {"inputs": [[0, 1], [3e6, 0]], "targets": [[1], [0]]}})"));
  auto f = bpx::as_point_data(far);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().path, "data.inputs[1][0]");

  bpx::Spec set = spec_of(json::parse(R"({"layers": [2, 1], "activations": ["sigmoid"],
    "loss": "bce", "data": {"dataset": "xor"}})"));
  auto g = bpx::as_point_data(set);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().path, "data");
}

}  // namespace
