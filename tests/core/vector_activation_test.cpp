// The array forms of exp, sigmoid, tanh and their derivatives (two lanes at a time) give the
// bits of the scalar forms for every input: random values at every scale, the thresholds
// of each branch and their neighbours, the edges of exp's fast range, infinities, NaN,
// signed zeros, subnormals; odd and even lengths; in place.
#include "core/vector_activation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "core/activation.hpp"
#include "core/detmath.hpp"
#include "core/rng.hpp"

namespace {

std::uint64_t bits_of(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

std::vector<double> inputs() {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> base = {0.0,
                              -0.0,
                              1.0,
                              20.0,
                              0.17328679513998632,
                              0.34657359027997264,
                              706.5,
                              707.0,
                              707.5,
                              708.0,
                              709.78,
                              709.79,
                              745.2,
                              800.0,
                              1e300,
                              inf,
                              std::nan(""),
                              5e-324,
                              2.2250738585072014e-308,
                              1e-20};
  std::vector<double> out;
  for (double x : base) {
    for (double v : {x, std::nextafter(x, inf), std::nextafter(x, -inf)}) {
      out.push_back(v);
      out.push_back(-v);
    }
  }
  bpx::Pcg32 rng(5);
  for (int i = 0; i < 100000; ++i) {
    out.push_back(rng.uniform(-1, 1) * std::pow(10.0, rng.uniform(-20, 3)));
    out.push_back(rng.uniform(-25, 25));
  }
  out.push_back(0.5);  // an odd length: the last element takes the scalar path
  return out;
}

void expect_same_bits(const std::vector<double>& got, const std::vector<double>& want,
                      const std::vector<double>& z, const char* what) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    ASSERT_EQ(bits_of(got[i]), bits_of(want[i]))
        << what << "(" << z[i] << "): array " << got[i] << ", scalar " << want[i];
  }
}

TEST(VectorActivation, SigmoidAndTanhHaveTheScalarBits) {
  const std::vector<double> z = inputs();
  const size_t n = z.size();
  std::vector<double> s(n), t(n), s_want(n), t_want(n);
  bpx::sigmoid_array(z.data(), s.data(), n);
  bpx::tanh_array(z.data(), t.data(), n);
  for (size_t i = 0; i < n; ++i) {
    s_want[i] = bpx::sigmoid(z[i]);
    t_want[i] = bpx::tanh_exact(z[i]);
  }
  expect_same_bits(s, s_want, z, "sigmoid");
  expect_same_bits(t, t_want, z, "tanh");
}

TEST(VectorActivation, ExpHasTheScalarBits) {
  const std::vector<double> z = inputs();
  std::vector<double> e(z.size()), want(z.size());
  bpx::exp_array(z.data(), e.data(), z.size());
  for (size_t i = 0; i < z.size(); ++i) want[i] = bpx::det_exp(z[i]);
  expect_same_bits(e, want, z, "exp");
}

TEST(VectorActivation, DerivativesHaveTheScalarBits) {
  const std::vector<double> z = inputs();
  const size_t n = z.size();
  std::vector<double> s(n), t(n), ds(n), dt(n), ds_want(n), dt_want(n);
  bpx::sigmoid_array(z.data(), s.data(), n);
  bpx::tanh_array(z.data(), t.data(), n);
  bpx::sigmoid_prime_array(z.data(), s.data(), ds.data(), n);
  bpx::tanh_prime_array(z.data(), t.data(), dt.data(), n);
  for (size_t i = 0; i < n; ++i) {
    ds_want[i] = s[i] * bpx::sigmoid(-z[i]);
    dt_want[i] = std::fabs(z[i]) < 1.0 ? 1.0 - t[i] * t[i] : bpx::tanh_prime(z[i]);
    // Where the two forms coincide mathematically, the array form agrees with them.
    if (std::fabs(z[i]) < 30) {
      EXPECT_NEAR(ds[i], bpx::sigmoid_prime(z[i]), 1e-15) << z[i];
      EXPECT_NEAR(dt[i], bpx::tanh_prime(z[i]), 1e-15) << z[i];
    }
  }
  expect_same_bits(ds, ds_want, z, "sigmoid'");
  expect_same_bits(dt, dt_want, z, "tanh'");
}

TEST(VectorActivation, AgreesWithTheLibraryToAFewUlps) {
  const std::vector<double> z = inputs();
  std::vector<double> t(z.size());
  bpx::tanh_array(z.data(), t.data(), z.size());
  for (size_t i = 0; i < z.size(); ++i) {
    if (std::isnan(z[i])) {
      EXPECT_TRUE(std::isnan(t[i]));
      continue;
    }
    const double want = std::tanh(z[i]);
    EXPECT_LE(std::fabs(t[i] - want), 4 * std::numeric_limits<double>::epsilon() * std::fabs(want))
        << z[i];
  }
}

TEST(VectorActivation, InPlace) {
  std::vector<double> z = inputs();
  std::vector<double> want(z.size());
  bpx::tanh_array(z.data(), want.data(), z.size());
  bpx::tanh_array(z.data(), z.data(), z.size());
  expect_same_bits(z, want, want, "tanh in place");
}

TEST(VectorActivation, EveryLengthAndOffset) {
  const std::vector<double> z = inputs();
  for (size_t offset = 0; offset < 3; ++offset) {
    for (size_t n = 0; n <= 11; ++n) {
      std::vector<double> a(n), want(n), zs(z.begin() + 40 + offset, z.begin() + 40 + offset + n);
      bpx::tanh_array(zs.data(), a.data(), n);
      for (size_t i = 0; i < n; ++i) want[i] = bpx::tanh_exact(zs[i]);
      expect_same_bits(a, want, zs, "tanh");
      bpx::sigmoid_array(zs.data(), a.data(), n);
      for (size_t i = 0; i < n; ++i) want[i] = bpx::sigmoid(zs[i]);
      expect_same_bits(a, want, zs, "sigmoid");
    }
  }
}

}  // namespace
