#include "core/catalog.hpp"

#include <cmath>

#include "core/session.hpp"

namespace bpx {

using nlohmann::json;

namespace {

// JSON has no infinity: an unbounded end of a range is null.
json bound(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

json activations_json() {
  json out = json::array();
  for (const auto& a : activation_table()) {
    out.push_back({{"name", a.name},
                   {"display", a.display},
                   {"tex", a.tex},
                   {"texG", a.tex_g},
                   {"texPrime", a.tex_prime},
                   {"symbol", a.symbol},
                   {"texLink", a.tex_link},
                   {"texLinkValues", a.tex_link_values},
                   {"expandable", a.expandable},
                   {"elementwise", a.elementwise},
                   {"targets", target_coding_name(a.targets)},
                   {"outputOnly", a.output_only},
                   {"minUnits", a.min_units},
                   {"range", {bound(a.range_lo), bound(a.range_hi)}}});
  }
  return out;
}

struct LossText {
  Loss id;
  const char* display;
  const char* tex;
  const char* tex_dA;  // dA[L] of one example, as core/loss.cpp's loss_dA computes it
  // One example with one output, and its dL/dy^: templates whose $yhat and $y (or $(y),
  // parenthesised when negative) take the prediction and the target, symbols or numbers.
  const char* tex_example;
  const char* tex_dA_example;
};

json losses_json() {
  static const LossText kLosses[] = {
      {Loss::Mse, "Mean squared error",
       "\\mathcal{L} = \\frac{1}{m}\\sum_k \\tfrac12 \\lVert \\hat y_k - y_k \\rVert^2",
       "dA^{[L]} = \\frac{\\partial \\mathcal{L}_k}{\\partial \\hat y_k} = \\hat y_k - y_k "
       "\\quad(\\text{prediction} - \\text{target})",
       "\\tfrac{1}{2}($yhat - $(y))^2", "$yhat - $(y)"},
      {Loss::Bce, "Binary cross-entropy",
       "\\mathcal{L} = -\\frac{1}{m}\\sum_k \\bigl(y_k \\log \\hat y_k + (1 - y_k)\\log(1 - "
       "\\hat y_k)\\bigr)",
       "dA^{[L]} = \\frac{\\partial \\mathcal{L}_k}{\\partial \\hat y_k} = "
       "-\\frac{y_k}{\\hat y_k} + \\frac{1 - y_k}{1 - \\hat y_k}",
       "-\\big[\\, $y \\log $yhat + (1 - $y) \\log(1 - $yhat) \\,\\big]",
       "-\\frac{$y}{$yhat} + \\frac{1-$y}{1-$yhat}"},
      {Loss::CrossEntropy, "Cross-entropy",
       "\\mathcal{L} = -\\frac{1}{m}\\sum_k \\sum_i y_{ik} \\log \\hat y_{ik}",
       "dA^{[L]}_{ik} = \\frac{\\partial \\mathcal{L}_k}{\\partial \\hat y_{ik}} = "
       "-\\frac{y_{ik}}{\\hat y_{ik}}",
       "-$y \\log $yhat", "-\\frac{$y}{$yhat}"},
  };
  json out = json::array();
  for (const auto& l : kLosses) {
    json outputs = json::array();
    json fused = nullptr;
    for (const auto& a : activation_table()) {
      if (loss_accepts_output(l.id, a.id)) outputs.push_back(a.name);
      if (is_fused(l.id, a.id)) fused = {{"activation", a.name}, {"tex", "dZ^{[L]} = A^{[L]} - Y"}};
    }
    out.push_back({{"name", loss_name(l.id)},
                   {"display", l.display},
                   {"tex", l.tex},
                   {"texDA", l.tex_dA},
                   {"texExample", l.tex_example},
                   {"texDAExample", l.tex_dA_example},
                   {"regression", loss_fits_regression(l.id)},
                   {"outputs", outputs},
                   {"fused", fused}});
  }
  return out;
}

json param(const char* name, double def, const NumberRange& r) {
  return {{"name", name},
          {"default", def},
          {"min", r.lo},
          {"max", r.hi},
          {"minExclusive", r.lo_open},
          {"maxExclusive", r.hi_open}};
}

// The update rule each optimizer applies (core/optimizer.cpp), as the step-through view shows it.
const char* optimizer_tex(OptimizerType t) {
  switch (t) {
    case OptimizerType::Sgd:
      return "W^{[l]} \\leftarrow W^{[l]} - \\eta\\, dW^{[l]}, \\qquad b^{[l]} \\leftarrow b^{[l]} "
             "- "
             "\\eta\\, db^{[l]}";
    case OptimizerType::Momentum:
      return "v \\leftarrow \\mu v + dW, \\qquad W \\leftarrow W - \\eta\\, v";
    case OptimizerType::Adam:
      return "m \\leftarrow \\beta_1 m + (1-\\beta_1) dW,\\; v \\leftarrow \\beta_2 v + "
             "(1-\\beta_2) "
             "dW^2,\\; W \\leftarrow W - \\eta \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}";
  }
  return "";
}

json optimizers_json() {
  const OptimizerSpec d;
  json common = {param("learning_rate", d.learning_rate, kLearningRateRange),
                 param("weight_decay", d.weight_decay, kWeightDecayRange)};
  json out = json::array();
  for (OptimizerType t : {OptimizerType::Sgd, OptimizerType::Momentum, OptimizerType::Adam}) {
    json params = common;
    if (t == OptimizerType::Momentum)
      params.push_back(param("momentum", d.momentum, kMomentumRange));
    if (t == OptimizerType::Adam) {
      params.push_back(param("beta1", d.beta1, kBetaRange));
      params.push_back(param("beta2", d.beta2, kBetaRange));
      params.push_back(param("epsilon", d.epsilon, kEpsilonRange));
    }
    // What it keeps between steps: none for a plain step W - eta dW.
    json state = json::array();
    if (t == OptimizerType::Momentum) state = {"v"};
    if (t == OptimizerType::Adam) state = {"m", "v"};
    out.push_back({{"name", optimizer_name(t)},
                   {"tex", optimizer_tex(t)},
                   {"state", state},
                   {"params", params}});
  }
  return out;
}

// Display names of the data sets, by spec name.
const char* dataset_display(const std::string& name) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"circle", "Circle"},
      {"xor", "Exclusive or"},
      {"gaussian", "Gaussians"},
      {"spiral", "Spiral"},
      {"plane", "Plane (regression)"},
      {"multi_gaussian", "Multi-gaussian (regression)"}};
  for (const auto& n : kNames)
    if (name == n.first) return n.second;
  return nullptr;
}

json datasets_json() {
  const DataSpec d;
  json out = json::array();
  for (const std::string& name : dataset_names()) {
    const bool regression = is_regression_dataset(name);
    const char* display = dataset_display(name);
    out.push_back({{"name", name},
                   {"display", display ? display : name.c_str()},
                   {"kind", regression ? "regression" : "classification"},
                   {"classes", {2, regression ? 2 : max_classes(name)}},
                   {"defaultPoints", d.points}});
  }
  return out;
}

json features_json() {
  json out = json::array();
  for (const auto& f : feature_table())
    out.push_back({{"name", feature_name(f.id)}, {"tex", f.tex}, {"label", f.label}});
  return out;
}

json limits_json() {
  return {{"maxLayers", kMaxLayers},
          {"maxUnits", kMaxUnits},
          {"minPoints", kMinPoints},
          {"maxPoints", kMaxPoints},
          {"maxExamples", kMaxExamples},
          {"maxNoise", kMaxNoise},
          {"maxClasses", kMaxClasses},
          {"dataExtent", kDataExtent},
          {"maxFeatures", static_cast<int>(feature_table().size())}};
}

// The run the training view starts from (TensorFlow Playground's first run): every field
// written out, so the page's settings table takes each default from here and restates none.
json train_defaults_json() {
  return {{"layers", {2, 4, 2, 1}},
          {"activations", {"tanh", "tanh", "tanh"}},
          {"loss", "mse"},
          {"optimizer", {{"type", "sgd"}, {"learning_rate", 0.03}, {"weight_decay", 0.0}}},
          {"batch_size", 10},
          {"seed", 1},
          {"init", {{"scheme", "xavier"}, {"seed", 1}}},
          {"data",
           {{"dataset", "circle"},
            {"points", 500},
            {"noise", 0.0},
            {"train_fraction", 0.5},
            {"seed", 1},
            {"classes", 2},
            {"features", {"x1", "x2"}}}}};
}

}  // namespace

json phase_json(const Phase& p) {
  static const char* const kKinds[] = {"forward", "loss", "backward", "update"};
  return {{"kind", kKinds[p.kind]}, {"layer", p.layer}, {"label", p.title()}};
}

json phase_list(int L) {
  json out = json::array();
  for (int i = 0; i < 2 * L + 2; ++i) out.push_back(phase_json(phase_at(L, i)));
  return out;
}

json catalog() {
  json schemes = json::array();
  for (const std::string& s : init_scheme_names()) schemes.push_back(s);
  return {{"activations", activations_json()}, {"losses", losses_json()},
          {"optimizers", optimizers_json()},   {"initSchemes", schemes},
          {"datasets", datasets_json()},       {"features", features_json()},
          {"limits", limits_json()},           {"trainDefaults", train_defaults_json()}};
}

}  // namespace bpx
