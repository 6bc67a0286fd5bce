// The seeded 2-D data sets: determinism, extent, labels, class balance, train/test split,
// target encoding, input features, and the deterministic sin/cos they are built with.
//
// The generator is checked against a second PCG32 written here from O'Neill's pcg32
// (pcg32_srandom_r / pcg32_random_r) with the seeding of core/rng.cpp, and against the
// published first outputs of pcg32 for seed 42, stream 54.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/detmath.hpp"
#include "core/rng.hpp"
#include "core/session.hpp"

namespace {

using nlohmann::json;

const char* const kAllSets[] = {"circle", "xor", "gaussian", "spiral", "plane", "multi_gaussian"};

bool IsRegression(const std::string& set) { return set == "plane" || set == "multi_gaussian"; }

struct SetSpec {
  SetSpec(std::string set, int n = 200, double noise_ = 0.0, uint64_t seed_ = 1, int classes_ = 2,
          double fraction = 1.0)
      : dataset(std::move(set)),
        points(n),
        noise(noise_),
        seed(seed_),
        classes(classes_),
        train_fraction(fraction) {}
  std::string dataset;
  int points;
  double noise;
  uint64_t seed;
  int classes;
  double train_fraction;
  std::string output;  // output activation; default by data set
  json features;       // default: x1, x2
};

json MakeSpec(const SetSpec& d) {
  std::string out = d.output;
  if (out.empty()) out = IsRegression(d.dataset) ? "linear" : d.classes > 2 ? "softmax" : "sigmoid";
  const int n_out = out == "softmax" ? d.classes : 1;
  const std::string loss = out == "softmax" ? "cross_entropy" : out == "sigmoid" ? "bce" : "mse";
  json data = {{"dataset", d.dataset},
               {"points", d.points},
               {"noise", d.noise},
               {"seed", d.seed},
               {"train_fraction", d.train_fraction}};
  if (d.classes != 2) data["classes"] = d.classes;
  const int n_in = d.features.is_array() ? static_cast<int>(d.features.size()) : 2;
  if (d.features.is_array()) data["features"] = d.features;
  return json{
      {"layers", {n_in, 3, n_out}}, {"activations", {"tanh", out}}, {"loss", loss}, {"data", data}};
}

bpx::Session Create(const SetSpec& d) {
  auto s = bpx::Session::create(MakeSpec(d).dump());
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

// ---- a second PCG32, written from O'Neill's pcg-c-basic ----------------------------------

struct RefPcg {
  uint64_t state = 0, inc = 0;
  RefPcg(uint64_t initstate, uint64_t initseq) {
    // pcg32_srandom_r
    state = 0U;
    inc = (initseq << 1u) | 1u;
    Next();
    state += initstate;
    Next();
  }
  uint32_t Next() {
    // pcg32_random_r
    uint64_t oldstate = state;
    state = oldstate * 6364136223846793005ULL + inc;
    uint32_t xorshifted = static_cast<uint32_t>(((oldstate >> 18u) ^ oldstate) >> 27u);
    uint32_t rot = static_cast<uint32_t>(oldstate >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
  }
  // 53 bits: 27 from one word and 26 from the next, as documented in core/rng.hpp.
  double Uniform() {
    uint64_t a = Next() >> 5, b = Next() >> 6;
    return static_cast<double>(a * 67108864ULL + b) / 9007199254740992.0;
  }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Lemire-free classic rejection: accept r >= 2^32 mod n, return r mod n.
  uint32_t Below(uint32_t n) {
    uint32_t threshold = static_cast<uint32_t>((4294967296ULL - n) % n);
    while (true) {
      uint32_t r = Next();
      if (r >= threshold) return r % n;
    }
  }
};

TEST(Pcg32, MatchesThePublishedPcg32Outputs) {
  // pcg32-demo (pcg-c-basic), pcg32_srandom_r(&rng, 42u, 54u):
  const uint32_t published[] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
                                0x83d2f293, 0xbfa4784b, 0xcbed606e};
  bpx::Pcg32 engine(42, 54);
  RefPcg ref(42, 54);
  for (uint32_t want : published) {
    EXPECT_EQ(ref.Next(), want);
    EXPECT_EQ(engine.next_u32(), want);
  }
}

TEST(Pcg32, UniformAndBelowMatchTheReference) {
  for (uint64_t seed : {0ULL, 1ULL, 7ULL, 123456789ULL}) {
    bpx::Pcg32 engine(seed, 1);
    RefPcg ref(seed, 1);
    for (int i = 0; i < 500; ++i) {
      const double u = engine.uniform();
      ASSERT_EQ(u, ref.Uniform()) << "seed " << seed << " draw " << i;
      ASSERT_GE(u, 0.0);
      ASSERT_LT(u, 1.0);
      const uint32_t n = static_cast<uint32_t>(i % 37 + 1);
      ASSERT_EQ(engine.below(n), ref.Below(n)) << "seed " << seed << " draw " << i;
    }
  }
}

// The whole circle set (noise 0) regenerated with the reference generator and std::sin/cos,
// then shuffled with Fisher-Yates as make_dataset documents.
struct RefPoints {
  std::vector<double> x, y, label;
};

RefPoints RefCircle(int n, uint64_t seed) {
  RefPcg rng(seed, 1);  // data sets use stream 1
  RefPoints all;
  const double pi = 3.141592653589793;
  for (int i = 0; i < n; ++i) {
    const bool inside = i < n / 2;  // first half of the points: radius in [0, 2.5)
    const double r = inside ? rng.Uniform(0, 2.5) : rng.Uniform(3.5, 5.0);
    const double angle = rng.Uniform(0, 2 * pi);
    const double x = r * std::sin(angle), y = r * std::cos(angle);
    rng.Uniform();  // the two noise draws (times noise 0)
    rng.Uniform();
    all.x.push_back(x);
    all.y.push_back(y);
    all.label.push_back(std::sqrt(x * x + y * y) < 2.5 ? 1.0 : 0.0);
  }
  std::vector<int> order(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
  for (int i = n - 1; i > 0; --i) {
    const uint32_t j = rng.Below(static_cast<uint32_t>(i + 1));
    std::swap(order[static_cast<size_t>(i)], order[j]);
  }
  RefPoints shuffled;
  for (int i : order) {
    shuffled.x.push_back(all.x[static_cast<size_t>(i)]);
    shuffled.y.push_back(all.y[static_cast<size_t>(i)]);
    shuffled.label.push_back(all.label[static_cast<size_t>(i)]);
  }
  return shuffled;
}

TEST(Circle, Seed7FirstPointIsPinned) {
  // The first four words of pcg32 seeded (7, stream 1), from the reference generator and an
  // independent Python transcription of pcg32: 0x840d99ca 0x12c757de 0x7481b420 0xfa13115f.
  RefPcg ref(7, 1);
  const uint32_t w0 = ref.Next(), w1 = ref.Next(), w2 = ref.Next(), w3 = ref.Next();
  EXPECT_EQ(w0, 0x840d99cau);
  EXPECT_EQ(w1, 0x12c757deu);
  EXPECT_EQ(w2, 0x7481b420u);
  EXPECT_EQ(w3, 0xfa13115fu);
  // u1 = ((w0 >> 5) 2^26 + (w1 >> 6)) / 2^53 = 0.5158325290184783, r = 2.5 u1 = 1.28958132254...
  // u2 = ((w2 >> 5) 2^26 + (w3 >> 6)) / 2^53 = 0.455104127353828, angle = 2 pi u2 = 2.85950356...
  // x = r sin(angle) = 0.358971432731337, y = r cos(angle) = -1.2386119238659083 (Python).
  const double u1 = static_cast<double>((uint64_t{w0} >> 5) * 67108864ULL + (w1 >> 6)) / 0x1p53;
  const double u2 = static_cast<double>((uint64_t{w2} >> 5) * 67108864ULL + (w3 >> 6)) / 0x1p53;
  EXPECT_DOUBLE_EQ(u1, 0.5158325290184783);
  EXPECT_DOUBLE_EQ(u2, 0.455104127353828);
  const double x0 = 0.358971432731337, y0 = -1.2386119238659083;
  EXPECT_NEAR(2.5 * u1 * std::sin(2 * 3.141592653589793 * u2), x0, 1e-15);
  EXPECT_NEAR(2.5 * u1 * std::cos(2 * 3.141592653589793 * u2), y0, 1e-15);

  bpx::Session s = Create({"circle", 200, 0.0, 7});
  const bpx::Matrix& P = s.data().points_train;
  ASSERT_EQ(P.cols(), 200);
  // Generated point 0 sits somewhere after the shuffle: find it (there is exactly one).
  int found = 0;
  for (Eigen::Index k = 0; k < P.cols(); ++k) {
    if (std::fabs(P(0, k) - x0) < 1e-14 && std::fabs(P(1, k) - y0) < 1e-14) {
      ++found;
      EXPECT_EQ(s.data().labels_train(k), 1.0) << "radius 1.29 is inside 2.5";
    }
  }
  EXPECT_EQ(found, 1);
}

TEST(Circle, Seed7WholeSetMatchesTheReferenceGenerator) {
  const RefPoints ref = RefCircle(200, 7);
  bpx::Session s = Create({"circle", 200, 0.0, 7});
  const bpx::Matrix& P = s.data().points_train;
  ASSERT_EQ(P.cols(), 200);
  for (Eigen::Index k = 0; k < 200; ++k) {
    const size_t i = static_cast<size_t>(k);
    // The engine's sin/cos are its own (det_sin/det_cos): within a few ulps of std::sin/cos.
    EXPECT_NEAR(P(0, k), ref.x[i], 1e-14) << k;
    EXPECT_NEAR(P(1, k), ref.y[i], 1e-14) << k;
    EXPECT_EQ(s.data().labels_train(k), ref.label[i]) << k;
    EXPECT_EQ(s.data().Y_train(0, k), ref.label[i]) << k;
    EXPECT_EQ(s.data().X_train(0, k), P(0, k));
    EXPECT_EQ(s.data().X_train(1, k), P(1, k));
  }
}

bool SameBits(const bpx::Matrix& a, const bpx::Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         (a.size() == 0 || std::equal(a.data(), a.data() + a.size(), b.data()));
}

TEST(DataSets, SameSeedGivesIdenticalPoints) {
  for (const char* set : kAllSets) {
    SCOPED_TRACE(set);
    SetSpec d{set, 150, 0.2, 42};
    d.train_fraction = 0.6;
    const bpx::Session a = Create(d), b = Create(d);
    EXPECT_TRUE(SameBits(a.data().points_train, b.data().points_train));
    EXPECT_TRUE(SameBits(a.data().points_test, b.data().points_test));
    EXPECT_TRUE(SameBits(a.data().labels_train, b.data().labels_train));
    EXPECT_TRUE(SameBits(a.data().labels_test, b.data().labels_test));
    EXPECT_TRUE(SameBits(a.data().X_train, b.data().X_train));
    EXPECT_TRUE(SameBits(a.data().Y_train, b.data().Y_train));
  }
}

TEST(DataSets, DifferentSeedGivesDifferentPoints) {
  for (const char* set : kAllSets) {
    SCOPED_TRACE(set);
    const bpx::Session a = Create({set, 150, 0.2, 42}), b = Create({set, 150, 0.2, 43});
    EXPECT_FALSE(SameBits(a.data().points_train, b.data().points_train));
    // Not merely reordered: the sets of x coordinates differ.
    std::vector<double> xa(a.data().points_train.row(0).begin(),
                           a.data().points_train.row(0).end());
    std::vector<double> xb(b.data().points_train.row(0).begin(),
                           b.data().points_train.row(0).end());
    std::sort(xa.begin(), xa.end());
    std::sort(xb.begin(), xb.end());
    EXPECT_NE(xa, xb);
  }
}

double MaxAbsCoordinate(const bpx::Session& s) {
  double m = 0;
  for (const bpx::Matrix* P : {&s.data().points_train, &s.data().points_test})
    if (P->size()) m = std::max(m, P->cwiseAbs().maxCoeff());
  return m;
}

TEST(DataSets, NoiselessPointsLieInTheSquare) {
  for (const char* set : kAllSets) {
    if (std::string(set) == "gaussian") continue;  // unbounded normal: see the next test
    for (uint64_t seed = 1; seed <= 5; ++seed) {
      for (int classes : {2, 3, 5}) {
        if (classes != 2 && std::string(set) != "spiral") continue;
        SCOPED_TRACE(std::string(set) + " seed " + std::to_string(seed));
        const bpx::Session s = Create({set, 300, 0.0, seed, classes, 0.5});
        EXPECT_LE(MaxAbsCoordinate(s), 6.0);
      }
    }
  }
}

TEST(DataSets, NoisyPointsStayWithinTheirDefinedReach) {
  // circle, xor and the regression sets store the clean point (radius <= 5, |x| <= 5.3,
  // uniform in [-6, 6]) and move only where the label is read; spiral: radius <= 5 plus
  // uniform(-1, 1) * noise.
  const std::pair<const char*, double> reach[] = {{"circle", 5.0},
                                                  {"xor", 5.3},
                                                  {"spiral", 5.0 + 0.5},
                                                  {"plane", 6.0},
                                                  {"multi_gaussian", 6.0}};
  for (const auto& [set, limit] : reach) {
    for (uint64_t seed = 1; seed <= 5; ++seed) {
      SCOPED_TRACE(std::string(set) + " seed " + std::to_string(seed));
      const bpx::Session s = Create({set, 500, 0.5, seed});
      EXPECT_LE(MaxAbsCoordinate(s), limit);
    }
  }
}

TEST(Gaussian, ClustersHaveThePlaygroundCentresAndSpread) {
  // Variance 0.5 at noise 0 up to 4 at noise 0.5 (Playground); two classes at (2, 2) for
  // label 1 and (-2, -2) for label 0; more classes on a circle of radius 3.
  for (double noise : {0.0, 0.5}) {
    for (int classes : {2, 3}) {
      SCOPED_TRACE("noise " + std::to_string(noise) + ", classes " + std::to_string(classes));
      const double variance = 0.5 + 3.5 * noise / 0.5, sd = std::sqrt(variance);
      const bpx::Session s = Create({"gaussian", 1200, noise, 11, classes});
      const bpx::Matrix& P = s.data().points_train;
      std::map<int, std::vector<int>> members;
      for (Eigen::Index k = 0; k < P.cols(); ++k)
        members[static_cast<int>(s.data().labels_train(k))].push_back(static_cast<int>(k));
      ASSERT_EQ(static_cast<int>(members.size()), classes);
      for (const auto& [label, cols] : members) {
        double cx, cy;
        if (classes == 2) {
          cx = cy = label == 1 ? 2.0 : -2.0;
        } else {
          const double angle = 2 * 3.141592653589793 * label / classes;
          cx = 3.0 * std::cos(angle);
          cy = 3.0 * std::sin(angle);
        }
        double mx = 0, my = 0, ss = 0;
        for (int k : cols) {
          mx += P(0, k);
          my += P(1, k);
          // Every point within 6 standard deviations of its centre (a miss has odds ~1e-9).
          EXPECT_LE(std::fabs(P(0, k) - cx), 6 * sd);
          EXPECT_LE(std::fabs(P(1, k) - cy), 6 * sd);
        }
        const double n = static_cast<double>(cols.size());
        mx /= n;
        my /= n;
        for (int k : cols) ss += (P(0, k) - cx) * (P(0, k) - cx) + (P(1, k) - cy) * (P(1, k) - cy);
        // Means within 5 standard errors; the pooled variance within 25 % of its target.
        EXPECT_NEAR(mx, cx, 5 * sd / std::sqrt(n)) << "label " << label;
        EXPECT_NEAR(my, cy, 5 * sd / std::sqrt(n)) << "label " << label;
        EXPECT_NEAR(ss / (2 * n), variance, 0.25 * variance) << "label " << label;
      }
    }
  }
}

TEST(Circle, NoisyLabelsFlipOnlyNearTheBoundary) {
  // The label is read at the point moved by up to 5 * noise per coordinate: a point can
  // carry the other label only within 5 * noise * sqrt(2) of radius 2.5, and some do.
  const double noise = 0.3, reach = 5.0 * noise * std::sqrt(2.0);
  int flipped = 0;
  for (uint64_t seed : {1ULL, 2ULL, 3ULL}) {
    const bpx::Session s = Create({"circle", 400, noise, seed});
    const bpx::Matrix& P = s.data().points_train;
    for (Eigen::Index k = 0; k < P.cols(); ++k) {
      const double r = std::sqrt(P(0, k) * P(0, k) + P(1, k) * P(1, k));
      if (s.data().labels_train(k) != (r < 2.5 ? 1.0 : 0.0)) {
        ++flipped;
        EXPECT_LT(std::fabs(r - 2.5), reach) << "seed " << seed << " point " << k;
      }
    }
  }
  EXPECT_GT(flipped, 0);
}

TEST(Circle, LabelIsOneExactlyInsideRadius2Point5) {
  for (double noise : {0.0}) {
    for (uint64_t seed : {1ULL, 2ULL, 3ULL}) {
      const bpx::Session s = Create({"circle", 400, noise, seed});
      const bpx::Matrix& P = s.data().points_train;
      for (Eigen::Index k = 0; k < P.cols(); ++k) {
        const double r = std::sqrt(P(0, k) * P(0, k) + P(1, k) * P(1, k));
        ASSERT_EQ(s.data().labels_train(k), r < 2.5 ? 1.0 : 0.0)
            << "noise " << noise << " seed " << seed << " point " << k << " radius " << r;
      }
    }
  }
}

TEST(Xor, LabelIsOneExactlyWhenTheProductIsNonNegative) {
  for (double noise : {0.0}) {
    for (uint64_t seed : {1ULL, 2ULL, 3ULL}) {
      const bpx::Session s = Create({"xor", 400, noise, seed});
      const bpx::Matrix& P = s.data().points_train;
      int ones = 0;
      for (Eigen::Index k = 0; k < P.cols(); ++k) {
        ASSERT_EQ(s.data().labels_train(k), P(0, k) * P(1, k) >= 0 ? 1.0 : 0.0) << k;
        ones += s.data().labels_train(k) == 1.0;
        if (noise == 0.0) {
          // Playground's padding keeps noiseless points 0.3 away from both axes.
          EXPECT_GE(std::fabs(P(0, k)), 0.3);
          EXPECT_GE(std::fabs(P(1, k)), 0.3);
        }
      }
      EXPECT_GT(ones, 100);
      EXPECT_LT(ones, 300);
    }
  }
}

TEST(Plane, TargetIsTheClampedScaledSumWithoutNoise) {
  const bpx::Session s = Create({"plane", 500, 0.0, 4});
  const bpx::Matrix& P = s.data().points_train;
  for (Eigen::Index k = 0; k < P.cols(); ++k) {
    const double want = std::min(1.0, std::max(-1.0, (P(0, k) + P(1, k)) / 10.0));
    ASSERT_EQ(s.data().Y_train(0, k), want) << k;
  }
  // With noise the value is read at a moved point: within 2 * 6 * noise / 10 of the clean one.
  const bpx::Session n = Create({"plane", 500, 0.5, 4});
  const bpx::Matrix& Q = n.data().points_train;
  int moved = 0;
  for (Eigen::Index k = 0; k < Q.cols(); ++k) {
    const double clean = std::min(1.0, std::max(-1.0, (Q(0, k) + Q(1, k)) / 10.0));
    EXPECT_LE(std::fabs(n.data().Y_train(0, k) - clean), 0.6 + 1e-12);
    moved += n.data().Y_train(0, k) != clean;
  }
  EXPECT_GT(moved, 250);
}

TEST(MultiGaussian, TargetFollowsTheSixPlaygroundBumps) {
  // Playground: six Gaussians at (-4, 2.5) +1, (0, 2.5) -1, (4, 2.5) +1, (-4, -2.5) -1,
  // (0, -2.5) +1, (4, -2.5) -1; the value is the sign times max(0, 1 - d / 2) of the strongest.
  const double centres[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  const bpx::Session s = Create({"multi_gaussian", 500, 0.0, 5});
  const bpx::Matrix& P = s.data().points_train;
  int nonzero = 0;
  for (Eigen::Index k = 0; k < P.cols(); ++k) {
    double best = 0;
    for (const auto& c : centres) {
      const double d = std::hypot(P(0, k) - c[0], P(1, k) - c[1]);
      const double v = c[2] * std::max(0.0, 1.0 - d / 2.0);
      if (std::fabs(v) > std::fabs(best)) best = v;
    }
    EXPECT_NEAR(s.data().Y_train(0, k), best, 1e-15) << k;
    nonzero += best != 0;
  }
  EXPECT_GT(nonzero, 50);
}

TEST(DataSets, ClassesAreBalanced) {
  struct Want {
    const char* set;
    int classes;
    int points;
  };
  const Want cases[] = {{"circle", 2, 200},  {"gaussian", 2, 200}, {"gaussian", 3, 200},
                        {"spiral", 2, 201},  {"spiral", 3, 200},   {"spiral", 5, 203},
                        {"gaussian", 8, 100}};
  for (const Want& w : cases) {
    SCOPED_TRACE(std::string(w.set) + " " + std::to_string(w.classes) + " classes");
    const bpx::Session s = Create({w.set, w.points, 0.0, 9, w.classes});
    std::map<int, int> count;
    for (Eigen::Index k = 0; k < s.data().labels_train.size(); ++k)
      count[static_cast<int>(s.data().labels_train(k))] += 1;
    ASSERT_EQ(static_cast<int>(count.size()), w.classes);
    for (const auto& [label, n] : count) {
      EXPECT_GE(n, w.points / w.classes) << "label " << label;
      EXPECT_LE(n, w.points / w.classes + 1) << "label " << label;
    }
  }
}

TEST(Split, TrainFractionSetsTheSizes) {
  struct Want {
    int points;
    double fraction;
    long train;
  };
  // floor(points * fraction) training examples, the rest for testing.
  const Want cases[] = {{200, 0.5, 100},  {200, 0.7, 140}, {10, 0.25, 2},
                        {2000, 0.1, 200}, {150, 1.0, 150}, {11, 0.5, 5}};
  for (const Want& w : cases) {
    SCOPED_TRACE(std::to_string(w.points) + " x " + std::to_string(w.fraction));
    const bpx::Session s = Create({"xor", w.points, 0.1, 3, 2, w.fraction});
    EXPECT_EQ(s.data().X_train.cols(), w.train);
    EXPECT_EQ(s.data().Y_train.cols(), w.train);
    EXPECT_EQ(s.data().X_test.cols(), w.points - w.train);
    EXPECT_EQ(s.data().Y_test.cols(), w.points - w.train);
    EXPECT_EQ(s.data().points_test.cols(), w.points - w.train);
  }
}

TEST(Split, TrainFractionOfAWholePercentageIsNotShortByOne) {
  // 100 points with train_fraction 0.29 are 29 training points. In binary 0.29 is slightly
  // below 0.29, so 100 * 0.29 = 28.999999999999996 and a bare floor() gives 28.
  // The same happens for 0.57 and 0.58 of 100.
  const std::pair<double, long> cases[] = {{0.29, 29}, {0.57, 57}, {0.58, 58}};
  for (const auto& [fraction, train] : cases) {
    SCOPED_TRACE("train_fraction " + std::to_string(fraction));
    const bpx::Session s = Create({"circle", 100, 0.0, 1, 2, fraction});
    EXPECT_EQ(s.data().X_train.cols(), train);
    EXPECT_EQ(s.data().X_test.cols(), 100 - train);
  }
}

TEST(Split, TrainAndTestPartitionTheWholeSet) {
  SetSpec whole{"spiral", 120, 0.3, 8, 3};
  SetSpec split = whole;
  split.train_fraction = 0.4;
  const bpx::Session a = Create(whole), b = Create(split);
  auto key = [](const bpx::Matrix& P, const Eigen::RowVectorXd& lab) {
    std::vector<std::vector<double>> v;
    for (Eigen::Index k = 0; k < P.cols(); ++k) v.push_back({P(0, k), P(1, k), lab(k)});
    return v;
  };
  auto all = key(a.data().points_train, a.data().labels_train);
  auto train = key(b.data().points_train, b.data().labels_train);
  auto test = key(b.data().points_test, b.data().labels_test);
  EXPECT_EQ(train.size(), 48u);
  train.insert(train.end(), test.begin(), test.end());
  std::sort(all.begin(), all.end());
  std::sort(train.begin(), train.end());
  EXPECT_EQ(train, all);
}

TEST(Targets, TanhOutputGetsMinusOneAndPlusOne) {
  SetSpec d{"circle", 200, 0.1, 6};
  d.output = "tanh";
  d.train_fraction = 0.5;
  const bpx::Session s = Create(d);
  int plus = 0, minus = 0;
  for (const auto& [Y, labels] : {std::make_pair(&s.data().Y_train, &s.data().labels_train),
                                  std::make_pair(&s.data().Y_test, &s.data().labels_test)}) {
    ASSERT_EQ(Y->rows(), 1);
    for (Eigen::Index k = 0; k < Y->cols(); ++k) {
      ASSERT_EQ((*Y)(0, k), (*labels)(k) == 1.0 ? 1.0 : -1.0) << k;
      ((*Y)(0, k) > 0 ? plus : minus) += 1;
    }
  }
  EXPECT_EQ(plus + minus, 200);
  EXPECT_GT(plus, 50);
  EXPECT_GT(minus, 50);
}

TEST(Targets, SigmoidOutputGetsZeroAndOne) {
  const bpx::Session s = Create({"xor", 200, 0.0, 6});
  for (Eigen::Index k = 0; k < s.data().Y_train.cols(); ++k) {
    const double y = s.data().Y_train(0, k);
    ASSERT_TRUE(y == 0.0 || y == 1.0);
    ASSERT_EQ(y, s.data().labels_train(k));
  }
}

TEST(Targets, SoftmaxOutputGetsOneHotRows) {
  for (const auto& [set, classes] :
       {std::make_pair("gaussian", 3), std::make_pair("spiral", 4), std::make_pair("circle", 2)}) {
    SCOPED_TRACE(set);
    SetSpec d{set, 120, 0.1, 2, classes};
    d.output = "softmax";
    const bpx::Session s = Create(d);
    const bpx::Matrix& Y = s.data().Y_train;
    ASSERT_EQ(Y.rows(), classes);
    for (Eigen::Index k = 0; k < Y.cols(); ++k) {
      const int label = static_cast<int>(s.data().labels_train(k));
      for (int i = 0; i < classes; ++i) ASSERT_EQ(Y(i, k), i == label ? 1.0 : 0.0) << k;
    }
  }
}

TEST(Features, EveryFeatureIsComputedFromThePoint) {
  SetSpec d{"circle", 60, 0.1, 3};
  d.features = {"x1", "x2", "x1_sq", "x2_sq", "x1_x2", "sin_x1", "sin_x2"};
  const bpx::Session s = Create(d);
  const bpx::Matrix& P = s.data().points_train;
  const bpx::Matrix& X = s.data().X_train;
  ASSERT_EQ(X.rows(), 7);
  for (Eigen::Index k = 0; k < P.cols(); ++k) {
    const double a = P(0, k), b = P(1, k);
    EXPECT_EQ(X(0, k), a);
    EXPECT_EQ(X(1, k), b);
    EXPECT_EQ(X(2, k), a * a);
    EXPECT_EQ(X(3, k), b * b);
    EXPECT_EQ(X(4, k), a * b);
    EXPECT_NEAR(X(5, k), std::sin(a), 1e-15);
    EXPECT_NEAR(X(6, k), std::sin(b), 1e-15);
  }
}

TEST(DetMath, SinAndCosAgreeWithTheLibraryOverMinus20To20) {
  // 2e-16 absolute: within one ulp of values in [0.5, 1) plus the library's own half ulp.
  double worst_sin = 0, worst_cos = 0, at_sin = 0, at_cos = 0;
  for (int k = 0; k <= 400000; ++k) {
    const double x = -20.0 + k * 1e-4;
    const double es = std::fabs(bpx::det_sin(x) - std::sin(x));
    const double ec = std::fabs(bpx::det_cos(x) - std::cos(x));
    if (es > worst_sin) worst_sin = es, at_sin = x;
    if (ec > worst_cos) worst_cos = ec, at_cos = x;
  }
  EXPECT_LE(worst_sin, 2e-16) << "det_sin worst at x = " << at_sin;
  EXPECT_LE(worst_cos, 2e-16) << "det_cos worst at x = " << at_cos;
}

TEST(DetMath, ExactAtZeroAndOddSymmetric) {
  EXPECT_EQ(bpx::det_sin(0.0), 0.0);
  EXPECT_EQ(bpx::det_cos(0.0), 1.0);
  for (int k = 1; k <= 2000; ++k) {
    const double x = k * 0.00997;
    EXPECT_EQ(bpx::det_sin(-x), -bpx::det_sin(x)) << x;
    EXPECT_EQ(bpx::det_cos(-x), bpx::det_cos(x)) << x;
  }
  // sin and cos of the doubles nearest pi / 2 and pi round to exactly 1 and -1.
  EXPECT_EQ(bpx::det_sin(bpx::kPi / 2), 1.0);
  EXPECT_EQ(bpx::det_cos(bpx::kPi), -1.0);
  EXPECT_EQ(bpx::det_sin(-bpx::kPi / 2), -1.0);
}

}  // namespace
