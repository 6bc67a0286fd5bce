#include "core/spec.hpp"

#include <cmath>

#include "core/json_read.hpp"
#include "core/names.hpp"
#include "core/spec_parts.hpp"

namespace bpx {

using namespace json_read;

std::string optimizer_name(OptimizerType t) {
  switch (t) {
    case OptimizerType::Sgd:
      return "sgd";
    case OptimizerType::Momentum:
      return "momentum";
    case OptimizerType::Adam:
      return "adam";
  }
  return "?";
}

const std::vector<FeatureInfo>& feature_table() {
  static const std::vector<FeatureInfo> table = {
      {Feature::X1, "x1", "x_1", "x₁"},
      {Feature::X2, "x2", "x_2", "x₂"},
      {Feature::X1Sq, "x1_sq", "x_1^2", "x₁²"},
      {Feature::X2Sq, "x2_sq", "x_2^2", "x₂²"},
      {Feature::X1X2, "x1_x2", "x_1 x_2", "x₁x₂"},
      {Feature::SinX1, "sin_x1", "\\sin x_1", "sin x₁"},
      {Feature::SinX2, "sin_x2", "\\sin x_2", "sin x₂"},
  };
  return table;
}

std::string feature_name(Feature f) {
  for (const auto& info : feature_table())
    if (info.id == f) return info.name;
  return "?";
}

long training_count(int points, double train_fraction) {
  return static_cast<long>(std::floor(points * train_fraction + 1e-9));
}

bool is_regression_dataset(const std::string& name) {
  return name == "plane" || name == "multi_gaussian";
}

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> names = {"circle", "xor",   "gaussian",
                                                 "spiral", "plane", "multi_gaussian"};
  return names;
}

const std::vector<std::string>& init_scheme_names() {
  static const std::vector<std::string> names = {"xavier", "he", "lecun", "uniform", "zeros"};
  return names;
}

int max_classes(const std::string& dataset) {
  return dataset == "gaussian" || dataset == "spiral" ? kMaxClasses : 2;
}

namespace {

std::string one_of(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) s += std::string(i ? ", " : "") + names[i];
  return s;
}

bool contains(const std::vector<std::string>& names, const std::string& x) {
  for (const auto& n : names)
    if (x == n) return true;
  return false;
}

// read_number over a named range.
Check read_range(const json& v, const std::string& path, const NumberRange& r, double& out) {
  return read_number(v, path, r.lo, r.hi, out, r.lo_open, r.hi_open);
}

// "x1, x2, ... or sin_x2": the feature names, for error messages.
std::string feature_names_sentence() { return names_sentence(feature_table()); }

Check parse_layers(const json& root, Spec& s) {
  if (!root.contains("layers")) return Error{"layers", "missing; expected a list like [2, 2, 1]"};
  const json& v = root["layers"];
  if (auto e = expect_array(v, "layers", 2, kMaxLayers + 1)) {
    e->message += " (the input size, then 1 to " + std::to_string(kMaxLayers) + " layers)";
    return e;
  }
  for (size_t i = 0; i < v.size(); ++i) {
    long long n = 0;
    if (auto e = read_int(v[i], index_path("layers", i), 1, kMaxUnits, n)) return e;
    s.layers.push_back(static_cast<int>(n));
  }
  return std::nullopt;
}

Check parse_activations(const json& root, Spec& s) {
  const size_t L = static_cast<size_t>(s.L());
  if (!root.contains("activations")) {
    return Error{"activations", "missing; expected " + std::to_string(L) +
                                    " names, one per layer after the input"};
  }
  const json& v = root["activations"];
  if (auto e = expect_array(v, "activations", L, L)) {
    e->message += " (one per layer after the input)";
    return e;
  }
  for (size_t i = 0; i < L; ++i) {
    std::string name;
    std::string p = index_path("activations", i);
    if (auto e = read_string(v[i], p, name)) return e;
    auto g = activation_from_name(name);
    if (!g) {
      return Error{p, "unknown activation \"" + excerpt(name) + "\"; expected " +
                          activation_names_sentence()};
    }
    if (activation_info(*g).output_only && i + 1 != L) {
      return Error{p, name + " is only allowed on the output layer"};
    }
    if (*g == Activation::Softmax && s.layers.back() < 2) {
      return Error{
          p, "softmax needs at least 2 output units (layers[" + std::to_string(L) + "] is 1)"};
    }
    s.activations.push_back(*g);
  }
  return std::nullopt;
}

Check parse_loss(const json& root, Spec& s) {
  if (!root.contains("loss")) return Error{"loss", "missing; expected mse, bce or cross_entropy"};
  std::string name;
  if (auto e = read_string(root["loss"], "loss", name)) return e;
  auto loss = loss_from_name(name);
  if (!loss) {
    return Error{"loss",
                 "unknown loss \"" + excerpt(name) + "\"; expected mse, bce or cross_entropy"};
  }
  s.loss = *loss;
  auto need = required_output_activation(*loss);
  Activation out = s.activations.back();
  if (need && *need != out) {
    return Error{"loss", name + " needs a " + activation_name(*need) + " output layer, but " +
                             index_path("activations", s.activations.size() - 1) + " is " +
                             activation_name(out)};
  }
  return std::nullopt;
}

Check parse_optimizer(const json& root, Spec& s) {
  if (!root.contains("optimizer")) return std::nullopt;
  const json& v = root["optimizer"];
  if (auto e = expect_object(
          v, "optimizer",
          {"type", "learning_rate", "momentum", "beta1", "beta2", "epsilon", "weight_decay"}))
    return e;
  OptimizerSpec& o = s.optimizer;
  if (v.contains("type")) {
    std::string t;
    if (auto e = read_string(v["type"], "optimizer.type", t)) return e;
    if (t == "sgd")
      o.type = OptimizerType::Sgd;
    else if (t == "momentum")
      o.type = OptimizerType::Momentum;
    else if (t == "adam")
      o.type = OptimizerType::Adam;
    else
      return Error{"optimizer.type",
                   "unknown optimizer \"" + excerpt(t) + "\"; expected sgd, momentum or adam"};
  }
  if (v.contains("learning_rate")) {
    if (auto e = read_range(v["learning_rate"], "optimizer.learning_rate", kLearningRateRange,
                            o.learning_rate))
      return e;
  }
  if (v.contains("weight_decay")) {
    if (auto e = read_range(v["weight_decay"], "optimizer.weight_decay", kWeightDecayRange,
                            o.weight_decay))
      return e;
  }
  if (v.contains("momentum")) {
    if (o.type != OptimizerType::Momentum)
      return Error{"optimizer.momentum", "only used by the momentum optimizer"};
    if (auto e = read_range(v["momentum"], "optimizer.momentum", kMomentumRange, o.momentum))
      return e;
  }
  for (const char* k : {"beta1", "beta2", "epsilon"}) {
    if (!v.contains(k)) continue;
    std::string p = key_path("optimizer", k);
    if (o.type != OptimizerType::Adam) return Error{p, "only used by the adam optimizer"};
    double* target = std::string(k) == "beta1"   ? &o.beta1
                     : std::string(k) == "beta2" ? &o.beta2
                                                 : &o.epsilon;
    Check e =
        read_range(v[k], p, std::string(k) == "epsilon" ? kEpsilonRange : kBetaRange, *target);
    if (e) return e;
  }
  return std::nullopt;
}

Check parse_init(const json& root, Spec& s) {
  if (!root.contains("init")) return std::nullopt;
  const json& v = root["init"];
  if (!v.is_object()) return Error{"init", "expected an object, got " + describe(v)};
  InitSpec& in = s.init;
  const int L = s.L();
  if (v.contains("weights") || v.contains("biases")) {
    if (auto e = expect_object(v, "init", {"weights", "biases"})) return e;
    if (!v.contains("weights")) return Error{"init.weights", "missing (init.biases was given)"};
    if (!v.contains("biases")) return Error{"init.biases", "missing (init.weights was given)"};
    in.explicit_values = true;
    const json& w = v["weights"];
    const json& b = v["biases"];
    if (auto e = expect_array(w, "init.weights", L, L)) {
      e->message += " (one matrix per layer after the input)";
      return e;
    }
    if (auto e = expect_array(b, "init.biases", L, L)) {
      e->message += " (one vector per layer after the input)";
      return e;
    }
    for (int l = 1; l <= L; ++l) {
      std::string wl = "W[" + std::to_string(l) + "] is n_" + std::to_string(l) + " x n_" +
                       std::to_string(l - 1);
      Matrix W;
      if (auto e = read_matrix(w[l - 1], index_path("init.weights", l - 1), s.layers[l],
                               s.layers[l - 1], W, wl + ", units of layer " + std::to_string(l),
                               "one per unit of layer " + std::to_string(l - 1)))
        return e;
      in.weights.push_back(W);
      const json& bl = b[l - 1];
      std::string bp = index_path("init.biases", l - 1);
      if (auto e = expect_array(bl, bp, s.layers[l], s.layers[l])) {
        e->message += " (one per unit of layer " + std::to_string(l) + ")";
        return e;
      }
      Matrix B(s.layers[l], 1);
      for (int i = 0; i < s.layers[l]; ++i) {
        double x = 0;
        std::string xp = index_path(bp, i);
        if (!bl[i].is_number() || !std::isfinite(bl[i].get<double>()))
          return Error{xp, "expected a finite number, got " + describe(bl[i])};
        x = bl[i].get<double>();
        B(i, 0) = x;
      }
      in.biases.push_back(B);
    }
    return std::nullopt;
  }
  if (auto e = expect_object(v, "init", {"scheme", "seed", "bias"})) return e;
  if (v.contains("scheme")) {
    if (auto e = read_string(v["scheme"], "init.scheme", in.scheme)) return e;
    if (!contains(init_scheme_names(), in.scheme)) {
      return Error{"init.scheme", "unknown scheme \"" + excerpt(in.scheme) + "\"; expected " +
                                      one_of(init_scheme_names())};
    }
  }
  if (v.contains("seed")) {
    if (auto e = read_seed(v["seed"], "init.seed", in.seed)) return e;
  }
  if (v.contains("bias")) {
    if (auto e = read_number(v["bias"], "init.bias", -10, 10, in.bias)) return e;
  }
  return std::nullopt;
}

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
    if (s.loss != Loss::Mse) return Error{"loss", what + " has targets in [-1, 1]; use mse"};
  } else if (out == Activation::Softmax) {
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

long training_examples(const Spec& s) {
  if (s.data.explicit_values) return s.data.inputs.cols();
  if (s.data.point_values) return s.data.given_points.cols();
  return training_count(s.data.points, s.data.train_fraction);
}

json matrix_rows(const Matrix& M) {
  json rows = json::array();
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    json row = json::array();
    for (Eigen::Index j = 0; j < M.cols(); ++j) row.push_back(M(i, j));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

Result<double> check_learning_rate(double lr) {
  double out = 0;
  if (auto e = read_range(json(lr), "learning_rate", kLearningRateRange, out)) return *e;
  return out;
}

Result<Spec> parse_spec(const std::string& json_text) {
  auto parsed = parse(json_text, {kMaxSpecBytes, kMaxSpecValues, kMaxSpecDepth});
  if (!parsed) return parsed.error();
  const json& root = parsed.value();
  if (auto e = expect_object(root, "",
                             {"layers", "activations", "loss", "optimizer", "batch_size", "seed",
                              "update_biases", "init", "data"})) {
    if (e->path.empty()) e->message = "the spec must be a JSON object; got " + describe(root);
    return *e;
  }
  Spec s;
  for (auto step :
       {parse_layers, parse_activations, parse_loss, parse_optimizer, parse_init, parse_data}) {
    if (auto e = step(root, s)) return *e;
  }
  if (root.contains("seed")) {
    if (auto e = read_seed(root["seed"], "seed", s.seed)) return *e;
  }
  if (root.contains("update_biases")) {
    if (!root["update_biases"].is_boolean())
      return Error{"update_biases",
                   "expected true or false; got " + describe(root["update_biases"])};
    s.update_biases = root["update_biases"].get<bool>();
  }
  if (root.contains("batch_size")) {
    long long b = 0;
    long n = training_examples(s);
    if (auto e = read_int(root["batch_size"], "batch_size", 1, n, b)) {
      e->message += " (the number of training examples is " + std::to_string(n) + ")";
      return *e;
    }
    s.batch_size = static_cast<int>(b);
  }
  return s;
}

std::string spec_to_json(const Spec& s) {
  json j;
  j["layers"] = s.layers;
  json acts = json::array();
  for (Activation g : s.activations) acts.push_back(activation_name(g));
  j["activations"] = acts;
  j["loss"] = loss_name(s.loss);
  json o;
  o["type"] = optimizer_name(s.optimizer.type);
  o["learning_rate"] = s.optimizer.learning_rate;
  if (s.optimizer.weight_decay != 0) o["weight_decay"] = s.optimizer.weight_decay;
  if (s.optimizer.type == OptimizerType::Momentum) o["momentum"] = s.optimizer.momentum;
  if (s.optimizer.type == OptimizerType::Adam) {
    o["beta1"] = s.optimizer.beta1;
    o["beta2"] = s.optimizer.beta2;
    o["epsilon"] = s.optimizer.epsilon;
  }
  j["optimizer"] = o;
  if (s.batch_size > 0) j["batch_size"] = s.batch_size;
  j["seed"] = s.seed;
  if (!s.update_biases) j["update_biases"] = false;
  if (s.init.explicit_values) {
    json w = json::array(), b = json::array();
    for (const Matrix& W : s.init.weights) w.push_back(matrix_rows(W));
    for (const Matrix& B : s.init.biases) {
      json col = json::array();
      for (Eigen::Index i = 0; i < B.rows(); ++i) col.push_back(B(i, 0));
      b.push_back(col);
    }
    j["init"] = {{"weights", w}, {"biases", b}};
  } else {
    j["init"] = {{"scheme", s.init.scheme}, {"seed", s.init.seed}, {"bias", s.init.bias}};
  }
  if (s.data.explicit_values) {
    j["data"] = {{"inputs", matrix_rows(s.data.inputs.transpose())},
                 {"targets", matrix_rows(s.data.targets.transpose())}};
  } else if (s.data.point_values) {
    j["data"] = point_data_json(s.data);
  } else {
    json f = json::array();
    for (Feature x : s.data.features) f.push_back(feature_name(x));
    j["data"] = {{"dataset", s.data.dataset},
                 {"points", s.data.points},
                 {"noise", s.data.noise},
                 {"train_fraction", s.data.train_fraction},
                 {"seed", s.data.seed},
                 {"classes", s.data.classes},
                 {"features", f}};
  }
  return j.dump();
}

}  // namespace bpx
