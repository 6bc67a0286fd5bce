#include "core/vector_activation.hpp"

#include <cmath>
#include <cstdint>

#include "core/activation.hpp"
#include "core/detmath.hpp"

namespace bpx {

namespace {

// GCC and Clang vector extensions: SSE2 on x86-64, wasm SIMD under -msimd128. Element-wise
// IEEE operations give the same bits as their scalar forms (no FMA: -ffp-contract=off).
// Every helper is inlined: a vector wider than the target's registers is passed through
// memory between functions. kLanes doubles per vector: more than two lanes gives the processor
// independent chains of dependent operations (the polynomial, the division) to overlap.
constexpr int kLanes = 2;
typedef double D2 __attribute__((vector_size(8 * kLanes)));
typedef std::int64_t I2 __attribute__((vector_size(8 * kLanes)));

[[gnu::always_inline]] inline D2 load(const double* p) {
  D2 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
[[gnu::always_inline]] inline void store(double* p, D2 v) { __builtin_memcpy(p, &v, sizeof v); }
[[gnu::always_inline]] inline D2 splat(double x) { return D2{} + x; }
[[gnu::always_inline]] inline I2 bits(D2 v) { return __builtin_bit_cast(I2, v); }
[[gnu::always_inline]] inline D2 from_bits(I2 v) { return __builtin_bit_cast(D2, v); }
// A comparison's lanes (all ones or all zeros) as I2.
template <class Cmp>
[[gnu::always_inline]] inline I2 mask(Cmp c) {
  return __builtin_bit_cast(I2, c);
}
[[gnu::always_inline]] inline D2 select(I2 mask, D2 yes, D2 no) {
  return from_bits((mask & bits(yes)) | (~mask & bits(no)));
}
constexpr std::int64_t kSign = INT64_MIN;
[[gnu::always_inline]] inline D2 fabs2(D2 v) { return from_bits(bits(v) & ~kSign); }
[[gnu::always_inline]] inline D2 copysign2(D2 mag, D2 sign) {
  return from_bits((bits(mag) & ~kSign) | (bits(sign) & kSign));
}
[[gnu::always_inline]] inline bool any(I2 mask) {
  std::int64_t m = 0;
  for (int k = 0; k < kLanes; ++k) m |= mask[k];
  return m != 0;
}

// Adding and subtracting 1.5 * 2^52 rounds to the nearest integer, ties to even: the same
// as std::nearbyint in the default rounding mode, for |v| < 2^51.
constexpr double kRound = 6755399441055744.0;
constexpr std::int64_t kRoundBits = 0x4338000000000000;

// e^x as det_exp computes it, for |x| <= kFastExp: k in [-1020, 1020], so 2^k and the
// result are normal and 2^k * m is exactly ldexp(m, k).
constexpr double kFastExp = 707.0;

// r^2 (1/2 + r/6 + ...), det_exp's exp_tail.
[[gnu::always_inline]] inline D2 exp_tail2(D2 r) {
  D2 p = splat(kExpTail[11]);
#pragma GCC unroll 11
  for (int k = 10; k >= 0; --k) p = splat(kExpTail[k]) + r * p;
  return r * r * p;
}

struct Reduced {
  D2 r;      // x - k ln 2
  D2 scale;  // 2^k
};

[[gnu::always_inline]] inline Reduced reduce2(D2 x) {
  const D2 shifted = x * splat(kInvLn2) + splat(kRound);
  const D2 k = shifted - splat(kRound);
  const I2 scale_bits = ((bits(shifted) - kRoundBits) + 1023) << 52;
  return {(x - k * splat(kLn2Hi)) - k * splat(kLn2Lo), from_bits(scale_bits)};
}

[[gnu::always_inline]] inline D2 exp2v(D2 x) {
  const Reduced q = reduce2(x);
  return (splat(1.0) + (q.r + exp_tail2(q.r))) * q.scale;
}

// 1/(1 + e^-z) for z >= 0, e^z/(1 + e^z) below: both from e = e^-|z|.
[[gnu::always_inline]] inline D2 sigmoid2(D2 z) {
  const D2 e = exp2v(-fabs2(z));
  const D2 one_plus = splat(1.0) + e;
  return select(mask(z >= splat(0.0)), splat(1.0) / one_plus, e / one_plus);
}

// Lanes whose |x| exceeds `limit` or is NaN.
[[gnu::always_inline]] inline I2 outside(D2 x, double limit) {
  return mask(!(fabs2(x) <= splat(limit)));
}

// out[i..i+kLanes-1] = kernel(i, slow) for each block; scalar(i) for the last elements and
// for the lanes that the kernel flagged in `slow`. Inputs are read before out is
// written, so out may be one of the inputs.
template <class Kernel, class Scalar>
[[gnu::always_inline]] inline void for_blocks(double* out, std::size_t n, Kernel kernel,
                                              Scalar scalar) {
  std::size_t i = 0;
  auto fix = [&](std::size_t at, I2 slow, D2& v) {
    if (!any(slow)) return;
    for (int k = 0; k < kLanes; ++k) {
      if (slow[k]) v[k] = scalar(at + k);
    }
  };
  // Two blocks per iteration: two independent chains of dependent operations to overlap.
  for (; i + 2 * kLanes <= n; i += 2 * kLanes) {
    I2 slow0, slow1;
    D2 v0 = kernel(i, slow0);
    D2 v1 = kernel(i + kLanes, slow1);
    fix(i, slow0, v0);
    fix(i + kLanes, slow1, v1);
    store(out + i, v0);
    store(out + i + kLanes, v1);
  }
  for (; i + kLanes <= n; i += kLanes) {
    I2 slow;
    D2 v = kernel(i, slow);
    fix(i, slow, v);
    store(out + i, v);
  }
  for (; i < n; ++i) out[i] = scalar(i);
}

}  // namespace

void exp_array(const double* x, double* y, std::size_t n) {
  for_blocks(
      y, n,
      [&](std::size_t i, I2& slow) {
        const D2 v = load(x + i);
        slow = outside(v, kFastExp);
        return exp2v(v);
      },
      [&](std::size_t i) { return det_exp(x[i]); });
}

void sigmoid_array(const double* z, double* a, std::size_t n) {
  for_blocks(
      a, n,
      [&](std::size_t i, I2& slow) {
        const D2 v = load(z + i);
        slow = outside(v, kFastExp);
        return sigmoid2(v);
      },
      [&](std::size_t i) { return sigmoid(z[i]); });
}

void sigmoid_prime_array(const double* z, const double* a, double* g, std::size_t n) {
  for_blocks(
      g, n,
      [&](std::size_t i, I2& slow) {
        const D2 v = load(z + i);
        slow = outside(v, kFastExp);
        return load(a + i) * sigmoid2(-v);
      },
      [&](std::size_t i) { return a[i] * sigmoid(-z[i]); });
}

// tanh_exact: t = expm1(2|z|), tanh = copysign(t / (t + 2), z); 1 beyond |z| = 20.
// expm1(y) is y + tail(y) below kExpm1Series, else e^y - 1: one tail, on y or on r.
void tanh_array(const double* z, double* a, std::size_t n) {
  for_blocks(
      a, n,
      [&](std::size_t i, I2& slow) {
        const D2 v = load(z + i);
        slow = mask(v != v);  // NaN
        const D2 x = fabs2(v);
        const I2 saturated = mask(x > splat(20.0));
        const D2 y = select(saturated, splat(0.0), splat(2.0) * x);
        const I2 series = mask(y < splat(kExpm1Series));
        const Reduced q = reduce2(y);
        const D2 p = exp_tail2(select(series, y, q.r));
        const D2 t = select(series, y + p, (splat(1.0) + (q.r + p)) * q.scale - splat(1.0));
        return copysign2(select(saturated, splat(1.0), t / (t + splat(2.0))), v);
      },
      [&](std::size_t i) { return tanh_exact(z[i]); });
}

// tanh_prime beyond |z| = 1: sech^2 z = (2e / (1 + e^2))^2 with e = e^-|z|.
void tanh_prime_array(const double* z, const double* a, double* g, std::size_t n) {
  for_blocks(
      g, n,
      [&](std::size_t i, I2& slow) {
        const D2 v = load(z + i);
        slow = outside(v, kFastExp);
        const D2 x = fabs2(v);
        const D2 av = load(a + i);
        const I2 inner = mask(x < splat(1.0));
        const D2 e = exp2v(-select(inner, splat(1.0), x));
        const D2 c = splat(2.0) * e / (splat(1.0) + e * e);
        return select(inner, splat(1.0) - av * av, c * c);
      },
      [&](std::size_t i) { return std::fabs(z[i]) < 1.0 ? 1.0 - a[i] * a[i] : tanh_prime(z[i]); });
}

}  // namespace bpx
