// The validator's training part: optimizer (type, learning rate and the parameters of
// its type, each within the range the catalogue quotes) and init (a scheme with its seed, or
// explicit weights and biases of the layers' shapes).
#include <cmath>

#include "core/spec_parts.hpp"

namespace bpx {

using namespace json_read;

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

}  // namespace bpx
