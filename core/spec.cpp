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
    const int need = activation_info(*g).min_units;
    if (s.layers[i + 1] < need) {
      return Error{p, name + " needs at least " + std::to_string(need) +
                          (activation_info(*g).output_only ? " output units" : " units") +
                          " (layers[" + std::to_string(i + 1) + "] is " +
                          std::to_string(s.layers[i + 1]) + ")"};
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

}  // namespace

// The validator's steps in order: layers, activations, loss (here), optimizer and init
// (spec_training.cpp), data (spec_data.cpp, spec_points.cpp).
long training_examples(const Spec& s) {
  if (s.data.explicit_values) return s.data.inputs.cols();
  if (s.data.point_values) return s.data.given_points.cols();
  return training_count(s.data.points, s.data.train_fraction);
}

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
  for (Check (*step)(const json&, Spec&) :
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

}  // namespace bpx
