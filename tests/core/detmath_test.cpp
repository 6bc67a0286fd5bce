// The engine's own exp, expm1, log and log1p (bit-identical on every platform) agree
// with the C library to a few ulps, and handle the edges as the library does.
#include "core/detmath.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/rng.hpp"

namespace {

double rel(double got, double want) {
  if (got == want) return 0.0;
  return std::fabs(got - want) / std::fabs(want);
}

constexpr double kUlp = std::numeric_limits<double>::epsilon();

TEST(DetMath, ExpAndLogAgreeWithTheLibrary) {
  bpx::Pcg32 rng(11);
  for (int i = 0; i < 200000; ++i) {
    const double x = rng.uniform(-700, 700);
    ASSERT_LE(rel(bpx::det_exp(x), std::exp(x)), 2 * kUlp) << x;
    const double small = rng.uniform(-1, 1) * std::pow(10.0, rng.uniform(-15, 0));
    ASSERT_LE(rel(bpx::det_exp(small), std::exp(small)), 2 * kUlp) << small;
    ASSERT_LE(rel(bpx::det_expm1(small), std::expm1(small)), 3 * kUlp) << small;
    const double y = std::pow(10.0, rng.uniform(-300, 300));
    ASSERT_LE(rel(bpx::det_log(y), std::log(y)), 2 * kUlp) << y;
    const double near_one = 1.0 + small;
    if (near_one != 1.0) {
      ASSERT_LE(std::fabs(bpx::det_log(near_one) - std::log(near_one)), 2 * kUlp * std::fabs(small))
          << near_one;
    }
    ASSERT_LE(rel(bpx::det_log1p(small), std::log1p(small)), 4 * kUlp) << small;
    const double z = rng.uniform(-0.99, 50);
    ASSERT_LE(rel(bpx::det_log1p(z), std::log1p(z)), 4 * kUlp) << z;
    const double w = rng.uniform(-50, 50);
    ASSERT_LE(rel(bpx::det_expm1(w), std::expm1(w)), 3 * kUlp) << w;
  }
}

TEST(DetMath, Edges) {
  EXPECT_EQ(bpx::det_exp(0.0), 1.0);
  EXPECT_EQ(bpx::det_exp(1000.0), HUGE_VAL);
  EXPECT_EQ(bpx::det_exp(-1000.0), 0.0);
  EXPECT_GT(bpx::det_exp(-745.0), 0.0);  // the smallest subnormal, as the library gives
  EXPECT_EQ(bpx::det_exp(-745.0), std::exp(-745.0));
  EXPECT_TRUE(std::isnan(bpx::det_exp(std::nan(""))));
  EXPECT_EQ(bpx::det_log(1.0), 0.0);
  EXPECT_EQ(bpx::det_log(0.0), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(bpx::det_log(-1.0)));
  EXPECT_EQ(bpx::det_log(HUGE_VAL), HUGE_VAL);
  EXPECT_NEAR(bpx::det_log(5e-324), std::log(5e-324), 1e-13);  // subnormal input
  EXPECT_EQ(bpx::det_expm1(0.0), 0.0);
  EXPECT_EQ(bpx::det_expm1(-100.0), -1.0);
  EXPECT_EQ(bpx::det_log1p(0.0), 0.0);
  EXPECT_EQ(bpx::det_log1p(-1.0), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(bpx::det_log1p(-2.0)));
  EXPECT_EQ(bpx::det_expm1(1e-300), 1e-300);
  EXPECT_EQ(bpx::det_log1p(1e-300), 1e-300);
}

}  // namespace
