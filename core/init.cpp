#include "core/init.hpp"

#include <cmath>

#include "core/rng.hpp"

namespace bpx {

Parameters initial_parameters(const Spec& spec) {
  Parameters p;
  if (spec.init.explicit_values) {
    p.W = spec.init.weights;
    p.b = spec.init.biases;
    return p;
  }
  Pcg32 rng(spec.init.seed, 2);
  const std::string& scheme = spec.init.scheme;
  for (int l = 1; l <= spec.L(); ++l) {
    const int fan_out = spec.layers[l], fan_in = spec.layers[l - 1];
    Matrix W(fan_out, fan_in);
    // Row by row, so that the draw order is fixed and documented.
    for (int i = 0; i < fan_out; ++i) {
      for (int j = 0; j < fan_in; ++j) {
        double w = 0;
        if (scheme == "xavier") {
          double limit = std::sqrt(6.0 / (fan_in + fan_out));
          w = rng.uniform(-limit, limit);
        } else if (scheme == "he") {
          w = rng.normal(0.0, std::sqrt(2.0 / fan_in));
        } else if (scheme == "lecun") {
          w = rng.normal(0.0, std::sqrt(1.0 / fan_in));
        } else if (scheme == "uniform") {
          w = rng.uniform(-0.5, 0.5);
        }
        W(i, j) = w;
      }
    }
    p.W.push_back(W);
    p.b.push_back(Matrix::Constant(fan_out, 1, spec.init.bias));
  }
  return p;
}

}  // namespace bpx
