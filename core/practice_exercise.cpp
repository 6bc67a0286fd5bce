#include "core/practice_exercise.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/rng.hpp"

namespace bpx {
namespace {

using json = nlohmann::json;

// Tenths from -0.9 to 0.9 without 0: easy to multiply by hand.
double weight(Pcg32& r) {
  const int k = static_cast<int>(r.below(18));
  return (k < 9 ? k - 9 : k - 8) / 10.0;
}
double bias(Pcg32& r) { return (static_cast<int>(r.below(5)) - 2) / 10.0; }
double input(Pcg32& r) {
  static const double xs[] = {-2, -1, -0.5, 0.5, 1, 2};
  return xs[r.below(6)];
}

json matrix(Pcg32& r, int rows, int cols, double (*draw)(Pcg32&)) {
  json m = json::array();
  for (int i = 0; i < rows; ++i) {
    json row = json::array();
    for (int j = 0; j < cols; ++j) row.push_back(draw(r));
    m.push_back(row);
  }
  return m;
}

// Hidden pre-activations of the drawn numbers: none exactly 0 (relu has no derivative there),
// and for relu at least one unit active, so the backward pass has something to carry.
bool friendly(const json& W1, const json& b1, const json& x, const std::string& hidden) {
  bool active = false;
  for (size_t i = 0; i < W1.size(); ++i) {
    double z = b1[i].get<double>();
    for (size_t j = 0; j < x.size(); ++j) z += W1[i][j].get<double>() * x[j].get<double>();
    if (std::fabs(z) < 1e-9) return false;
    if (z > 0) active = true;
  }
  return hidden != "relu" || active;
}

}  // namespace

Exercise make_exercise(uint64_t seed) {
  Pcg32 r(seed, 1013);
  const bool wide = r.below(2) == 1;  // 2-3-2 instead of 2-2-1
  static const char* const hiddens[] = {"sigmoid", "tanh", "relu"};
  const std::string hidden = hiddens[r.below(3)];
  std::string output, loss;
  if (wide) {
    const bool softmax = r.below(2) == 0;
    output = softmax ? "softmax" : "sigmoid";
    loss = softmax ? "cross_entropy" : "mse";
  } else {
    static const char* const outs[][2] = {
        {"sigmoid", "bce"}, {"sigmoid", "mse"}, {"linear", "mse"}};
    const auto& o = outs[r.below(3)];
    output = o[0];
    loss = o[1];
  }
  static const double rates[] = {0.1, 0.5, 1.0};
  const double lr = rates[r.below(3)];
  const int n1 = wide ? 3 : 2, n2 = wide ? 2 : 1;
  json W1, b1, x;
  do {
    x = json::array({input(r), input(r)});
    W1 = matrix(r, n1, 2, weight);
    b1 = matrix(r, 1, n1, bias)[0];
  } while (!friendly(W1, b1, x, hidden));
  json W2 = matrix(r, n2, n1, weight), b2 = matrix(r, 1, n2, bias)[0];
  json y = json::array();
  if (loss == "cross_entropy") {
    const uint32_t k = r.below(2);
    y = json::array({k == 0 ? 1.0 : 0.0, k == 1 ? 1.0 : 0.0});
  } else {
    for (int i = 0; i < n2; ++i) y.push_back(static_cast<double>(r.below(2)));
  }
  json spec = {
      {"layers", {2, n1, n2}},
      {"activations", {hidden, output}},
      {"loss", loss},
      {"optimizer", {{"type", "sgd"}, {"learning_rate", lr}}},
      {"init", {{"weights", {W1, W2}}, {"biases", {b1, b2}}}},
      {"data", {{"inputs", {x}}, {"targets", {y}}}},
  };
  Exercise e;
  e.seed = seed;
  e.spec_json = spec.dump();
  auto parsed = parse_spec(e.spec_json);  // valid by construction; the tests check every seed
  if (parsed) e.spec = parsed.value();
  char rate[16];
  std::snprintf(rate, sizeof rate, "%g", lr);
  const std::string loss_words = loss == "cross_entropy" ? "cross-entropy"
                                 : loss == "bce"         ? "binary cross-entropy"
                                                         : "squared error";
  e.title = std::string(wide ? "2-3-2" : "2-2-1") + ", " + hidden + " hidden units, " + output +
            " output, " + loss_words + ", learning rate " + rate;
  return e;
}

}  // namespace bpx
