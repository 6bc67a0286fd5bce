#include "core/detmath.hpp"

#include <cmath>

namespace bpx {

namespace {

// Taylor series on [-pi/4, pi/4]; 11 terms keep the error below 1e-16 there.
double sin_kernel(double r) {
  double r2 = r * r, term = r, sum = r;
  for (int k = 1; k <= 11; ++k) {
    term *= -r2 / ((2.0 * k) * (2.0 * k + 1.0));
    sum += term;
  }
  return sum;
}

double cos_kernel(double r) {
  double r2 = r * r, term = 1.0, sum = 1.0;
  for (int k = 1; k <= 11; ++k) {
    term *= -r2 / ((2.0 * k - 1.0) * (2.0 * k));
    sum += term;
  }
  return sum;
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
