#include "core/finite.hpp"

#include <cstddef>

namespace bpx {

bool all_finite(const Matrix& M) {
  typedef double D2 __attribute__((vector_size(16)));
  // x * 0 is 0 for a finite x and NaN for an infinity or a NaN; NaN sticks in the sums.
  D2 s0 = {0.0, 0.0}, s1 = {0.0, 0.0};
  const double* p = M.data();
  const auto n = static_cast<std::size_t>(M.size());
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    D2 a, b;
    __builtin_memcpy(&a, p + i, sizeof a);
    __builtin_memcpy(&b, p + i + 2, sizeof b);
    s0 += a * 0.0;
    s1 += b * 0.0;
  }
  double s = (s0[0] + s0[1]) + (s1[0] + s1[1]);
  for (; i < n; ++i) s += p[i] * 0.0;
  return s == s;
}

}  // namespace bpx
