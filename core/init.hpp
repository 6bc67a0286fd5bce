// Initial weights and biases: explicit values from the spec, or a seeded scheme.
#pragma once
#include <vector>

#include "core/spec.hpp"
#include "core/types.hpp"

namespace bpx {

struct Parameters {
  std::vector<Matrix> W;  // W[l-1] is n_l x n_{l-1}
  std::vector<Matrix> b;  // b[l-1] is n_l x 1
};

// xavier: U(+-sqrt(6 / (fan_in + fan_out))); he: N(0, 2 / fan_in); lecun: N(0, 1 / fan_in);
// uniform: U(-0.5, 0.5) as TensorFlow Playground; zeros: all 0 (shows the symmetry problem).
// Biases start at init.bias.
Parameters initial_parameters(const Spec& spec);

}  // namespace bpx
