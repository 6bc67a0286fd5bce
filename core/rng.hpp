// A seeded generator defined here (PCG32) and our own samplers, so that native and
// wasm builds produce bit-identical data and weights (std:: distributions differ).
#pragma once
#include <cstdint>

namespace bpx {

class Pcg32 {
 public:
  explicit Pcg32(uint64_t seed, uint64_t stream = 54u);
  uint32_t next_u32();
  // Uniform in [0, 1) with 53 random bits.
  double uniform();
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n), unbiased (rejection).
  uint32_t below(uint32_t n);
  // Standard normal by the Marsaglia polar method (uses only +, *, sqrt and log).
  double normal();
  double normal(double mean, double sd) { return mean + sd * normal(); }

 private:
  uint64_t state_ = 0;
  uint64_t inc_ = 0;
  bool has_spare_ = false;
  double spare_ = 0.0;
};

}  // namespace bpx
