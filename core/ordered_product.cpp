#include "core/ordered_product.hpp"

#include <cstddef>

namespace bpx {

namespace {

typedef double D2 __attribute__((vector_size(16)));

D2 load(const double* p) {
  D2 v;
  __builtin_memcpy(&v, p, sizeof v);
  return v;
}
void store(double* p, D2 v) { __builtin_memcpy(p, &v, sizeof v); }

// C (rows x cols, column-major) = L R with L column-major (rows x inner) and
// R(k, j) = r[k * rk + j * rj]. Blocks of 4 rows and 2 columns keep four independent
// sums in flight (a long inner dimension is otherwise one chain of dependent additions).
void kernel(const double* l, std::ptrdiff_t rows, std::ptrdiff_t inner, const double* r,
            std::ptrdiff_t rk, std::ptrdiff_t rj, double* c, std::ptrdiff_t cols) {
  auto R = [&](std::ptrdiff_t k, std::ptrdiff_t j) { return r[k * rk + j * rj]; };
  auto Lp = [&](std::ptrdiff_t i, std::ptrdiff_t k) { return l + i + k * rows; };
  std::ptrdiff_t j = 0;
  for (; j + 2 <= cols; j += 2) {
    std::ptrdiff_t i = 0;
    for (; i + 4 <= rows; i += 4) {
      D2 a0 = load(Lp(i, 0)), a1 = load(Lp(i + 2, 0));
      const D2 r0 = {R(0, j), R(0, j)}, r1 = {R(0, j + 1), R(0, j + 1)};
      D2 s00 = a0 * r0, s10 = a1 * r0, s01 = a0 * r1, s11 = a1 * r1;
      for (std::ptrdiff_t k = 1; k < inner; ++k) {
        a0 = load(Lp(i, k));
        a1 = load(Lp(i + 2, k));
        const D2 q0 = {R(k, j), R(k, j)}, q1 = {R(k, j + 1), R(k, j + 1)};
        s00 += a0 * q0;
        s10 += a1 * q0;
        s01 += a0 * q1;
        s11 += a1 * q1;
      }
      store(c + i + j * rows, s00);
      store(c + i + 2 + j * rows, s10);
      store(c + i + (j + 1) * rows, s01);
      store(c + i + 2 + (j + 1) * rows, s11);
    }
    for (; i + 2 <= rows; i += 2) {
      D2 s0 = load(Lp(i, 0)) * D2{R(0, j), R(0, j)};
      D2 s1 = load(Lp(i, 0)) * D2{R(0, j + 1), R(0, j + 1)};
      for (std::ptrdiff_t k = 1; k < inner; ++k) {
        const D2 a = load(Lp(i, k));
        s0 += a * D2{R(k, j), R(k, j)};
        s1 += a * D2{R(k, j + 1), R(k, j + 1)};
      }
      store(c + i + j * rows, s0);
      store(c + i + (j + 1) * rows, s1);
    }
    for (; i < rows; ++i) {
      // One row (a one-unit layer): the two columns side by side in the lanes.
      D2 s = *Lp(i, 0) * D2{R(0, j), R(0, j + 1)};
      for (std::ptrdiff_t k = 1; k < inner; ++k) s += *Lp(i, k) * D2{R(k, j), R(k, j + 1)};
      c[i + j * rows] = s[0];
      c[i + (j + 1) * rows] = s[1];
    }
  }
  for (; j < cols; ++j) {
    for (std::ptrdiff_t i = 0; i < rows; ++i) {
      double s = *Lp(i, 0) * R(0, j);
      for (std::ptrdiff_t k = 1; k < inner; ++k) s += *Lp(i, k) * R(k, j);
      c[i + j * rows] = s;
    }
  }
}

void run(const Matrix& L, Eigen::Index inner, const double* r, Eigen::Index rk, Eigen::Index rj,
         Eigen::Index cols, Matrix& C) {
  C.resize(L.rows(), cols);
  if (inner == 0) {
    C.setZero();
    return;
  }
  kernel(L.data(), L.rows(), inner, r, rk, rj, C.data(), cols);
}

}  // namespace

void ordered_product(const Matrix& L, const Matrix& R, Matrix& C) {
  run(L, L.cols(), R.data(), 1, R.rows(), R.cols(), C);
}

void ordered_product_rt(const Matrix& L, const Matrix& R, Matrix& C) {
  run(L, L.cols(), R.data(), R.rows(), 1, R.rows(), C);
}

void ordered_product_lt(const Matrix& L, const Matrix& R, Matrix& C) {
  Matrix Lt;
  ordered_product_lt(L, R, C, Lt);
}

void ordered_product_lt(const Matrix& L, const Matrix& R, Matrix& C, Matrix& Lt) {
  Lt = L.transpose();  // small (a weight matrix): contiguous rows for the lanes
  run(Lt, Lt.cols(), R.data(), 1, R.rows(), R.cols(), C);
}

}  // namespace bpx
