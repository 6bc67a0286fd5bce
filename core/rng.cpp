#include "core/rng.hpp"

#include <cmath>

#include "core/detmath.hpp"

namespace bpx {

Pcg32::Pcg32(uint64_t seed, uint64_t stream) : inc_((stream << 1u) | 1u) {
  next_u32();
  state_ += seed;
  next_u32();
}

uint32_t Pcg32::next_u32() {
  uint64_t old = state_;
  state_ = old * 6364136223846793005ULL + inc_;
  auto xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
  auto rot = static_cast<uint32_t>(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
}

double Pcg32::uniform() {
  uint64_t hi = next_u32() >> 5;  // 27 bits
  uint64_t lo = next_u32() >> 6;  // 26 bits
  return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

uint32_t Pcg32::below(uint32_t n) {
  uint32_t threshold = (0u - n) % n;
  for (;;) {
    uint32_t r = next_u32();
    if (r >= threshold) return r % n;
  }
}

double Pcg32::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  double f = std::sqrt(-2.0 * det_log(s) / s);
  spare_ = v * f;
  has_spare_ = true;
  return u * f;
}

}  // namespace bpx
