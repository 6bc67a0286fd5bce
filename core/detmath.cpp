#include "core/detmath.hpp"

#include <cmath>

namespace bpx {

namespace {

// Taylor series on [-pi/4, pi/4] in Horner form (smallest terms first, so rounding
// stays near half an ulp); coefficients are (-1)^k / (2k+1)! and (-1)^k / (2k)!.
constexpr double kSin[] = {-0.16666666666666666,   0.008333333333333333,   -0.0001984126984126984,
                           2.7557319223985893e-06, -2.505210838544172e-08, 1.6059043836821613e-10,
                           -7.647163731819816e-13, 2.8114572543455206e-15, -8.22063524662433e-18,
                           1.9572941063391263e-20, -3.868170170630684e-23};
constexpr double kCos[] = {-0.5,
                           0.041666666666666664,
                           -0.001388888888888889,
                           2.48015873015873e-05,
                           -2.755731922398589e-07,
                           2.08767569878681e-09,
                           -1.1470745597729725e-11,
                           4.779477332387385e-14,
                           -1.5619206968586225e-16,
                           4.110317623312165e-19,
                           -8.896791392450574e-22};

double horner(const double (&c)[11], double r2) {
  double p = c[10];
  for (int k = 9; k >= 0; --k) p = c[k] + r2 * p;
  return p;
}

double sin_kernel(double r) {
  const double r2 = r * r;
  return r + r * r2 * horner(kSin, r2);
}

double cos_kernel(double r) {
  const double r2 = r * r;
  return 1.0 + r2 * horner(kCos, r2);
}

// 1/(2k+1) for k = 1..11: atanh series for |s| <= 0.1716.
constexpr double kAtanh[] = {0.3333333333333333,  0.2,
                             0.14285714285714285, 0.1111111111111111,
                             0.09090909090909091, 0.07692307692307693,
                             0.06666666666666667, 0.058823529411764705,
                             0.05263157894736842, 0.047619047619047616,
                             0.043478260869565216};
// r^2 (1/2 + r/6 + ... + r^11/13!): the part of e^r - 1 - r.
double exp_tail(double r) {
  double p = kExpTail[11];
  for (int k = 10; k >= 0; --k) p = kExpTail[k] + r * p;
  return r * r * p;
}

// log(m) for m in [sqrt(1/2), sqrt(2)) via 2 atanh(s), s = (m - 1) / (m + 1).
double log_near_one(double f) {
  const double s = f / (2.0 + f), s2 = s * s;
  double p = kAtanh[10];
  for (int k = 9; k >= 0; --k) p = kAtanh[k] + s2 * p;
  return 2.0 * s + 2.0 * s * (s2 * p);
}

// x = q * pi/2 + r with |r| <= pi/4, pi/2 split in three parts (Cody-Waite) so that
// r is accurate for the arguments we use (|x| up to a few thousand).
double reduce(double x, long& q) {
  const double kInvPio2 = 0.63661977236758134308;
  const double kPio2Hi = 1.5707963267341256e+00;
  const double kPio2Mid = 6.07710050630396597660e-11;
  const double kPio2Lo = 2.02226624879595063154e-21;
  double n = std::nearbyint(x * kInvPio2);
  q = static_cast<long>(n);
  return ((x - n * kPio2Hi) - n * kPio2Mid) - n * kPio2Lo;
}

}  // namespace

double det_exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893384) return HUGE_VAL;
  if (x < -745.1332191019412) return 0.0;
  const double k = std::nearbyint(x * kInvLn2);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;  // |r| <= ln2/2
  return std::ldexp(1.0 + (r + exp_tail(r)), static_cast<int>(k));
}

double det_expm1(double x) {
  if (std::isnan(x)) return x;
  if (std::fabs(x) < kExpm1Series) return x + exp_tail(x);
  if (x < -40.0) return -1.0;  // e^-40 is below half an ulp of 1
  return det_exp(x) - 1.0;
}

double det_log(double x) {
  if (std::isnan(x) || x < 0.0) return std::nan("");
  if (x == 0.0) return -HUGE_VAL;
  if (std::isinf(x)) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // x = m 2^e, m in [1/2, 1)
  if (m < 0.70710678118654752) {
    m *= 2.0;
    e -= 1;
  }
  const double f = m - 1.0;  // exact (Sterbenz)
  const double k = static_cast<double>(e);
  return k * kLn2Hi + (k * kLn2Lo + log_near_one(f));
}

double det_log1p(double x) {
  if (std::isnan(x) || x < -1.0) return std::nan("");
  if (x == -1.0) return -HUGE_VAL;
  if (std::fabs(x) < 0.25) return log_near_one(x);
  return det_log(1.0 + x);
}

double det_sin(double x) {
  long q = 0;
  double r = reduce(x, q);
  switch (((q % 4) + 4) % 4) {
    case 0:
      return sin_kernel(r);
    case 1:
      return cos_kernel(r);
    case 2:
      return -sin_kernel(r);
    default:
      return -cos_kernel(r);
  }
}

double det_cos(double x) {
  long q = 0;
  double r = reduce(x, q);
  switch (((q % 4) + 4) % 4) {
    case 0:
      return cos_kernel(r);
    case 1:
      return -sin_kernel(r);
    case 2:
      return -cos_kernel(r);
    default:
      return sin_kernel(r);
  }
}

}  // namespace bpx
