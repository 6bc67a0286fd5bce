// The validator's data part: explicit examples {inputs, targets} (targets checked against the
// loss), a generated data set {dataset, points, noise, ...}, the features, and the fit of the
// output layer to the task. The page's own points are read in spec_points.cpp.
#include <cmath>

#include "core/names.hpp"
#include "core/spec_parts.hpp"

namespace bpx {

using namespace json_read;

namespace {

// "x1, x2, ... or sin_x2": the feature names, for error messages.
std::string feature_names_sentence() { return names_sentence(feature_table()); }

Check check_targets(const Spec& s, const Matrix& Y, const std::string& path) {
  // Y is n_L x N; errors point at data.targets[k][i].
  for (Eigen::Index k = 0; k < Y.cols(); ++k) {
    std::string rp = index_path(path, k);
    if (s.loss == Loss::Bce) {
      for (Eigen::Index i = 0; i < Y.rows(); ++i) {
        if (Y(i, k) < 0.0 || Y(i, k) > 1.0)
          return Error{index_path(rp, i),
                       "bce needs targets in [0, 1], got " + describe(json(Y(i, k)))};
      }
    } else if (s.loss == Loss::CrossEntropy) {
      double sum = 0;
      for (Eigen::Index i = 0; i < Y.rows(); ++i) {
        if (Y(i, k) < 0.0)
          return Error{index_path(rp, i), "cross_entropy needs targets >= 0 (probabilities), got " +
                                              describe(json(Y(i, k)))};
        sum += Y(i, k);
      }
      if (std::fabs(sum - 1.0) > 1e-9)
        return Error{rp,
                     "cross_entropy needs each target row to sum to 1 (one-hot or "
                     "probabilities), got a sum of " +
                         describe(json(sum))};
    }
  }
  return std::nullopt;
}

Check parse_explicit_data(const json& v, Spec& s) {
  if (auto e = expect_object(v, "data", {"inputs", "targets"})) return e;
  if (!v.contains("inputs"))
    return Error{"data.inputs", "missing (a list of examples, one row each)"};
  if (!v.contains("targets"))
    return Error{"data.targets", "missing (a list of targets, one row per example)"};
  const json& in = v["inputs"];
  if (auto e = expect_array(in, "data.inputs", 1, kMaxExamples)) {
    e->message += " (examples, one row each)";
    return e;
  }
  const long n = static_cast<long>(in.size());
  Matrix X, Y;
  if (auto e = read_matrix(in, "data.inputs", n, s.layers[0], X, "examples",
                           "layers[0] = " + std::to_string(s.layers[0]) + " inputs"))
    return e;
  const json& t = v["targets"];
  if (t.is_array() && static_cast<long>(t.size()) != n) {
    return Error{"data.targets", "expected " + std::to_string(n) +
                                     " rows (one per example in data.inputs), got " +
                                     std::to_string(t.size())};
  }
  if (auto e = read_matrix(t, "data.targets", n, s.layers.back(), Y, "one per example",
                           "layers[" + std::to_string(s.L()) +
                               "] = " + std::to_string(s.layers.back()) + " outputs"))
    return e;
  s.data.explicit_values = true;
  s.data.inputs = X.transpose();
  s.data.targets = Y.transpose();
  return check_targets(s, s.data.targets, "data.targets");
}

}  // namespace

Check parse_features(const json& v, Spec& s) {
  DataSpec& d = s.data;
  if (v.contains("features")) {
    const json& f = v["features"];
    if (auto e = expect_array(f, "data.features", 1, feature_table().size())) return e;
    d.features.clear();
    for (size_t i = 0; i < f.size(); ++i) {
      std::string name, p = index_path("data.features", i);
      if (auto e = read_string(f[i], p, name)) return e;
      bool found = false;
      for (const auto& info : feature_table()) {
        const Feature x = info.id;
        if (info.name == name) {
          for (Feature y : d.features)
            if (y == x) return Error{p, "feature \"" + excerpt(name) + "\" is listed twice"};
          d.features.push_back(x);
          found = true;
        }
      }
      if (!found)
        return Error{
            p, "unknown feature \"" + excerpt(name) + "\"; expected " + feature_names_sentence()};
    }
  }
  if (static_cast<int>(d.features.size()) != s.layers[0]) {
    return Error{"layers[0]", "expected " + std::to_string(d.features.size()) +
                                  " inputs, one per feature in data.features, got " +
                                  std::to_string(s.layers[0])};
  }
  return std::nullopt;
}

Check check_output_layer(const Spec& s, bool regression, int classes, const std::string& what) {
  const int nL = s.layers.back();
  const Activation out = s.activations.back();
  const std::string outp = "layers[" + std::to_string(s.L()) + "]";
  if (regression) {
    if (nL != 1) return Error{outp, what + " needs 1 output unit, got " + std::to_string(nL)};
    if (!loss_fits_regression(s.loss))
      return Error{"loss", what + " has targets in [-1, 1]; use " + regression_loss_names()};
  } else if (activation_info(out).targets == TargetCoding::OneHot) {
    if (nL != classes)
      return Error{outp, "a softmax output needs one unit per class: " + std::to_string(classes) +
                             " classes, got " + std::to_string(nL) + " units"};
  } else {
    if (classes != 2)
      return Error{"data.classes", std::to_string(classes) +
                                       " classes need a softmax output with one unit per class"};
    if (nL != 1)
      return Error{outp, "a two-class set with a " + activation_name(out) +
                             " output needs 1 output unit, got " + std::to_string(nL)};
  }
  return std::nullopt;
}

namespace {

Check parse_dataset(const json& v, Spec& s) {
  if (auto e = expect_object(
          v, "data",
          {"dataset", "points", "noise", "train_fraction", "seed", "classes", "features"}))
    return e;
  DataSpec& d = s.data;
  if (auto e = read_string(v["dataset"], "data.dataset", d.dataset)) return e;
  if (!contains(dataset_names(), d.dataset)) {
    return Error{"data.dataset", "unknown data set \"" + excerpt(d.dataset) + "\"; expected " +
                                     one_of(dataset_names())};
  }
  long long n = d.points;
  if (v.contains("points")) {
    if (auto e = read_int(v["points"], "data.points", kMinPoints, kMaxPoints, n)) return e;
  }
  d.points = static_cast<int>(n);
  if (v.contains("noise")) {
    if (auto e = read_number(v["noise"], "data.noise", 0, kMaxNoise, d.noise)) return e;
  }
  if (v.contains("train_fraction")) {
    if (auto e =
            read_number(v["train_fraction"], "data.train_fraction", 0, 1, d.train_fraction, true))
      return e;
  }
  if (v.contains("seed")) {
    if (auto e = read_seed(v["seed"], "data.seed", d.seed)) return e;
  }
  const bool regression = is_regression_dataset(d.dataset);
  d.regression = regression;
  if (v.contains("classes")) {
    long long c = 0;
    if (auto e = read_int(v["classes"], "data.classes", 2, kMaxClasses, c)) return e;
    if (c > max_classes(d.dataset)) {
      return Error{"data.classes",
                   "only gaussian and spiral have more than 2 classes; " + d.dataset + " has 2"};
    }
    d.classes = static_cast<int>(c);
  }
  if (auto e = parse_features(v, s)) return e;
  if (auto e = check_output_layer(s, regression, d.classes, "the regression set " + d.dataset))
    return e;
  long n_train = training_count(d.points, d.train_fraction);
  if (n_train < 1) return Error{"data.train_fraction", "leaves no training examples"};
  return std::nullopt;
}

}  // namespace

Check parse_data(const json& root, Spec& s) {
  if (!root.contains("data")) {
    return Error{"data",
                 "missing; expected {\"inputs\": [...], \"targets\": [...]} or "
                 "{\"dataset\": \"circle\", ...}"};
  }
  const json& v = root["data"];
  if (!v.is_object()) return Error{"data", "expected an object, got " + describe(v)};
  if (v.contains("dataset")) return parse_dataset(v, s);
  if (v.contains("points")) return parse_point_data(v, s);
  return parse_explicit_data(v, s);
}

}  // namespace bpx
