// all_finite finds an infinity or a NaN at any position of matrices of every small size
// (each lane and the scalar tail), and passes the largest and smallest finite values.
#include "core/finite.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

TEST(AllFinite, FindsEveryNonFiniteValueAnywhere) {
  const double bad[] = {std::numeric_limits<double>::infinity(),
                        -std::numeric_limits<double>::infinity(), std::nan("")};
  for (int rows = 0; rows <= 3; ++rows) {
    for (int cols = 0; cols <= 5; ++cols) {
      bpx::Matrix M = bpx::Matrix::Constant(rows, cols, std::numeric_limits<double>::max());
      if (M.size() > 1) M(0, 0) = -std::numeric_limits<double>::max();
      EXPECT_TRUE(bpx::all_finite(M)) << rows << "x" << cols;
      for (Eigen::Index k = 0; k < M.size(); ++k) {
        for (double b : bad) {
          bpx::Matrix N = M;
          N.data()[k] = b;
          EXPECT_FALSE(bpx::all_finite(N)) << rows << "x" << cols << " at " << k << ": " << b;
        }
      }
    }
  }
  EXPECT_TRUE(bpx::all_finite(bpx::Matrix::Constant(3, 3, 5e-324)));
  EXPECT_TRUE(bpx::all_finite(bpx::Matrix::Constant(3, 3, -0.0)));
}

}  // namespace
