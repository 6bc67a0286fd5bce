// data: {"points", "labels"}: points of the plane with class labels or regression values,
// as the page's drawn or uploaded data. The engine builds their features and encodes their
// targets exactly as for a generated set (core/data.cpp), so the page does neither.
#include <cmath>

#include "core/data.hpp"
#include "core/json_read.hpp"
#include "core/spec_parts.hpp"

namespace bpx {

using namespace json_read;

namespace {

// Coordinates beyond this are not points of a plot (the data sets span [-6, 6]).
constexpr double kMaxCoordinate = 1e6;

Check read_points(const json& v, const std::string& path, long max_count, Matrix& out) {
  if (auto e = expect_array(v, path, 0, static_cast<size_t>(max_count))) return e;
  out.resize(2, static_cast<Eigen::Index>(v.size()));
  for (size_t k = 0; k < v.size(); ++k) {
    const std::string pk = index_path(path, k);
    if (auto e = expect_array(v[k], pk, 2, 2)) {
      e->message += " (a point is [x1, x2])";
      return e;
    }
    for (size_t i = 0; i < 2; ++i) {
      double x = 0;
      if (auto e = read_number(v[k][i], index_path(pk, i), -kMaxCoordinate, kMaxCoordinate, x))
        return e;
      out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = x;
    }
  }
  return std::nullopt;
}

// Labels: class indices 0..classes-1, or regression values in [-1, 1].
Check read_labels(const json& v, const std::string& path, long count, bool regression, int classes,
                  Eigen::RowVectorXd& out) {
  if (!v.is_array() || static_cast<long>(v.size()) != count) {
    return Error{path, "expected " + std::to_string(count) + " labels, one per point, got " +
                           (v.is_array() ? std::to_string(v.size()) : describe(v))};
  }
  out.resize(count);
  for (long k = 0; k < count; ++k) {
    const std::string pk = index_path(path, static_cast<size_t>(k));
    if (regression) {
      double y = 0;
      if (auto e = read_number(v[static_cast<size_t>(k)], pk, -1, 1, y)) return e;
      out(k) = y;
    } else {
      long long c = 0;
      if (auto e = read_int(v[static_cast<size_t>(k)], pk, 0, classes - 1, c)) return e;
      out(k) = static_cast<double>(c);
    }
  }
  return std::nullopt;
}

json points_json(const Matrix& P) {
  json out = json::array();
  for (Eigen::Index k = 0; k < P.cols(); ++k) out.push_back({P(0, k), P(1, k)});
  return out;
}

json labels_json(const Eigen::RowVectorXd& y, bool regression) {
  json out = json::array();
  for (Eigen::Index k = 0; k < y.size(); ++k)
    out.push_back(regression ? json(y(k)) : json(static_cast<int>(y(k))));
  return out;
}

}  // namespace

json point_data_json(const DataSpec& d) {
  json f = json::array();
  for (Feature x : d.features) f.push_back(feature_name(x));
  json j = {{"points", points_json(d.given_points)},
            {"labels", labels_json(d.given_labels, d.regression)},
            {"features", f},
            {"task", d.regression ? "regression" : "classification"}};
  if (!d.regression) j["classes"] = d.classes;
  if (d.given_test_points.cols() > 0) {
    j["test_points"] = points_json(d.given_test_points);
    j["test_labels"] = labels_json(d.given_test_labels, d.regression);
  }
  return j;
}

Result<DataSpec> as_point_data(const Spec& spec) {
  const DataSpec& d = spec.data;
  if (d.point_values) return d;
  if (!d.explicit_values)
    return Error{"data", "a generated data set (data.dataset) has no points of its own"};
  if (spec.layers[0] != 2)
    return Error{"data.inputs", "points of the plane need 2 inputs (x1, x2) per example; got " +
                                    std::to_string(spec.layers[0]) + " (or use data.dataset)"};
  for (Eigen::Index k = 0; k < d.inputs.cols(); ++k)
    for (Eigen::Index i = 0; i < 2; ++i)
      if (std::fabs(d.inputs(i, k)) > kMaxCoordinate)
        return Error{
            index_path(index_path("data.inputs", static_cast<size_t>(k)), static_cast<size_t>(i)),
            "a point of the plane is within " + describe(json(kMaxCoordinate)) +
                " of 0 on each axis"};
  DataSpec p;
  p.point_values = true;
  p.given_points = d.inputs;
  p.given_test_points.resize(2, 0);
  p.given_test_labels.resize(0);
  DecodedLabels decoded = decode_targets(d.targets);
  p.given_labels = decoded.labels;
  p.regression = decoded.regression;
  p.classes = decoded.classes;
  p.features = {Feature::X1, Feature::X2};
  return p;
}

Check parse_point_data(const json& v, Spec& s) {
  if (auto e = expect_object(
          v, "data",
          {"points", "labels", "test_points", "test_labels", "features", "task", "classes"}))
    return e;
  DataSpec& d = s.data;
  std::string task = "classification";
  if (v.contains("task")) {
    if (auto e = read_string(v["task"], "data.task", task)) return e;
    if (task != "classification" && task != "regression")
      return Error{"data.task", "expected classification or regression, got \"" + task + "\""};
  }
  d.regression = task == "regression";
  if (v.contains("classes")) {
    if (d.regression) return Error{"data.classes", "regression points have no classes"};
    long long c = 0;
    if (auto e = read_int(v["classes"], "data.classes", 2, kMaxClasses, c)) return e;
    d.classes = static_cast<int>(c);
  }
  if (!v.contains("labels")) return Error{"data.labels", "missing (one label per point)"};
  if (v.contains("test_points") != v.contains("test_labels"))
    return Error{v.contains("test_points") ? "data.test_labels" : "data.test_points",
                 "missing (test_points and test_labels come together)"};
  if (auto e = read_points(v["points"], "data.points", kMaxPoints, d.given_points)) return e;
  if (d.given_points.cols() < 1) return Error{"data.points", "expected at least 1 point, got none"};
  if (auto e = read_labels(v["labels"], "data.labels", d.given_points.cols(), d.regression,
                           d.classes, d.given_labels))
    return e;
  d.given_test_points.resize(2, 0);
  d.given_test_labels.resize(0);
  if (v.contains("test_points")) {
    const long room = kMaxPoints - static_cast<long>(d.given_points.cols());
    if (auto e = read_points(v["test_points"], "data.test_points", room, d.given_test_points)) {
      e->message += " (at most " + std::to_string(kMaxPoints) + " points in all)";
      return e;
    }
    if (auto e = read_labels(v["test_labels"], "data.test_labels", d.given_test_points.cols(),
                             d.regression, d.classes, d.given_test_labels))
      return e;
  }
  if (auto e = parse_features(v, s)) return e;
  if (auto e = check_output_layer(s, d.regression, d.classes, "regression points")) return e;
  d.point_values = true;
  return std::nullopt;
}

}  // namespace bpx
