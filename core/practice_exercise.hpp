// Seeded practice exercises: small networks with friendly numbers (2-2-1 or 2-3-2; sigmoid,
// tanh or relu hidden units; mse, bce or cross-entropy), one example, so that each student of
// a class gets different numbers from a seed. Same seed, same exercise, on every platform.
#pragma once
#include <cstdint>
#include <string>

#include "core/spec.hpp"

namespace bpx {

struct Exercise {
  uint64_t seed = 0;
  std::string title;      // "2-3-2, tanh, softmax + cross-entropy, learning rate 0.5"
  std::string spec_json;  // a valid spec (parse_spec accepts it)
  Spec spec;
};

Exercise make_exercise(uint64_t seed);

}  // namespace bpx
