// The engine's products (two rows at a time) give the bits of Eigen's coefficient-based
// lazyProduct, which sums each element with k ascending, for every shape the layers use
// (odd and even rows and columns, one-unit layers, inner dimension 1) and for values
// whose sums cancel, where any other summation order would round differently.
#include "core/ordered_product.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

#include "core/rng.hpp"

namespace {

bpx::Matrix random_matrix(bpx::Pcg32& rng, Eigen::Index rows, Eigen::Index cols) {
  bpx::Matrix M(rows, cols);
  // Mixed magnitudes, so that rounding depends on the order of the additions.
  for (Eigen::Index k = 0; k < M.size(); ++k) {
    M.data()[k] = rng.uniform(-1, 1) * (rng.uniform() < 0.2 ? 1e8 : 1.0);
  }
  return M;
}

void expect_same_bits(const bpx::Matrix& got, const bpx::Matrix& want) {
  ASSERT_EQ(got.rows(), want.rows());
  ASSERT_EQ(got.cols(), want.cols());
  for (Eigen::Index k = 0; k < got.size(); ++k) {
    std::uint64_t a, b;
    std::memcpy(&a, &got.data()[k], 8);
    std::memcpy(&b, &want.data()[k], 8);
    ASSERT_EQ(a, b) << "element " << k << ": " << got.data()[k] << " vs " << want.data()[k];
  }
}

TEST(OrderedProduct, SameBitsAsEigensCoefficientProduct) {
  bpx::Pcg32 rng(3);
  const int sizes[] = {1, 2, 3, 4, 5, 7, 8, 9, 16, 33};
  int differs_from_pairwise = 0;
  for (int n : sizes) {
    for (int p : sizes) {
      for (int m : {1, 2, 3, 10, 250}) {
        const bpx::Matrix W = random_matrix(rng, n, p);
        const bpx::Matrix A = random_matrix(rng, p, m);
        const bpx::Matrix D = random_matrix(rng, n, m);
        bpx::Matrix C;
        bpx::ordered_product(W, A, C);
        expect_same_bits(C, W.lazyProduct(A));
        bpx::ordered_product_rt(D, A, C);  // dW = dZ A^T: inner dimension m
        expect_same_bits(C, D.lazyProduct(A.transpose()));
        bpx::ordered_product_lt(W, D, C);  // dA = W^T dZ
        expect_same_bits(C, W.transpose().lazyProduct(D));
        // The check has teeth: summing in another order gives other bits for some shapes.
        const bpx::Matrix other = D * A.transpose();
        bpx::ordered_product_rt(D, A, C);
        if (m > 8 && other != C) ++differs_from_pairwise;
      }
    }
  }
  EXPECT_GT(differs_from_pairwise, 0);
}

TEST(OrderedProduct, EmptyInnerDimensionGivesZeros) {
  bpx::Matrix L(3, 0), R(0, 4), C;
  bpx::ordered_product(L, R, C);
  EXPECT_EQ(C, bpx::Matrix::Zero(3, 4));
}

}  // namespace
