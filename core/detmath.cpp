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
