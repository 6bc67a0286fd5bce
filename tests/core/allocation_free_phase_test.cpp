// A warm phase allocates nothing (issue 16): the session's matrices keep their buffers (two for
// each batch-wide one when the last batch of an epoch is smaller), temporaries have room kept
// in the session, and the undo ring reuses its arena, which stays near what the live records
// need. Counted with the counting allocator (allocation_counter.hpp), checked here to count.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "allocation_counter.hpp"
#include "core/session.hpp"

namespace {

// Minibatches of 7 from 20 examples (the order reshuffled every epoch), adam, softmax:
// every slot the ring saves, the batch order included.
const char* const kSpec = R"({
  "layers": [2, 5, 4, 3], "activations": ["tanh", "relu", "softmax"],
  "loss": "cross_entropy", "optimizer": {"type": "adam", "learning_rate": 0.05},
  "batch_size": 7, "seed": 9, "init": {"scheme": "xavier", "seed": 5},
  "data": {"dataset": "gaussian", "classes": 3, "points": 40, "noise": 0.2,
           "train_fraction": 0.5, "seed": 3}
})";

// Full batch (20 examples), plain sgd, sigmoid and mse: no shuffle, no optimizer slots.
const char* const kFullBatchSgd = R"({
  "layers": [2, 3, 1], "activations": ["sigmoid", "sigmoid"], "loss": "mse",
  "optimizer": {"type": "sgd", "learning_rate": 0.5}, "seed": 2,
  "init": {"scheme": "xavier", "seed": 4},
  "data": {"dataset": "xor", "points": 40, "noise": 0.1, "train_fraction": 0.5, "seed": 6}
})";

// Momentum with weight decay, sigmoid and bce (the fused output gradient), batches of 8 from 20.
const char* const kMomentumDecayBce = R"({
  "layers": [2, 4, 1], "activations": ["tanh", "sigmoid"], "loss": "bce",
  "optimizer": {"type": "momentum", "learning_rate": 0.1, "weight_decay": 0.01},
  "batch_size": 8, "seed": 7, "init": {"scheme": "xavier", "seed": 8},
  "data": {"dataset": "circle", "points": 40, "noise": 0.1, "train_fraction": 0.5, "seed": 1}
})";

constexpr int kWarmPhases = 2000;
constexpr int kCountedPhases = 1300;

bpx::Session Create(const char* spec = kSpec) {
  auto s = bpx::Session::create(spec);
  EXPECT_TRUE(s.ok()) << s.error().text();
  return std::move(s.value());
}

TEST(AllocationFree, TheCounterSeesAllocations) {
  // The counter works: a vector and a matrix are counted, nothing outside a scope is.
  const long before = bpx_test::allocations();
  {
    bpx_test::Counting scope;
    std::vector<double> v(100);
    bpx::Matrix m = bpx::Matrix::Zero(9, 9);
    EXPECT_EQ(v.size() + static_cast<size_t>(m.size()), 181u);
  }
  EXPECT_GE(bpx_test::allocations() - before, 2);
  const long after = bpx_test::allocations();
  std::vector<double> untracked(50);
  EXPECT_EQ(bpx_test::allocations(), after);
}

TEST(AllocationFree, TheArenaOfASmallNetworkStaysNearWhatItsPhasesNeed) {
  // The arena wraps once its records are full instead of growing towards the byte budget:
  // it wraps when the free front holds the live records again (so at least twice them) and
  // grows by doubling: at most four times the live records, plus one record. Growing to the
  // budget instead, 200,000 phases of this network would take all 64 MiB.
  bpx::Session s = Create();
  s.set_loss_history_max_points(16);
  for (int i = 0; i < 200000; ++i) s.next_phase();
  EXPECT_LE(s.history_arena_bytes(), 4 * s.history_bytes() + 4096)
      << s.history_bytes() << " bytes live";
}

template <typename F>
long AllocationsIn(F&& f) {
  const long before = bpx_test::allocations();
  {
    bpx_test::Counting scope;
    f();
  }
  return bpx_test::allocations() - before;
}

class WarmPhases : public testing::TestWithParam<const char*> {};

TEST_P(WarmPhases, NextPhaseAllocatesNothing) {
  bpx::Session s = Create(GetParam());
  for (int i = 0; i < kWarmPhases; ++i) s.next_phase();
  const long n = AllocationsIn([&] {
    for (int i = 0; i < kCountedPhases; ++i) s.next_phase();
  });
  EXPECT_EQ(n, 0) << "allocations in " << kCountedPhases << " warm phases";
  EXPECT_FALSE(s.divergence().has_value());
  EXPECT_GT(s.history_size(), 0u);
}

TEST_P(WarmPhases, StepAllocatesNothing) {
  bpx::Session s = Create(GetParam());
  const int steps = kCountedPhases / s.phases_per_step();
  for (int i = 0; i < kWarmPhases / s.phases_per_step(); ++i) s.step();
  const long n = AllocationsIn([&] {
    for (int i = 0; i < steps; ++i) s.step();
  });
  EXPECT_EQ(n, 0) << "allocations in " << steps << " warm steps";
}

TEST_P(WarmPhases, TrainAllocatesNothing) {
  bpx::Session s = Create(GetParam());
  s.train(kWarmPhases / s.phases_per_step());
  const long n = AllocationsIn([&] { s.train(kCountedPhases / s.phases_per_step()); });
  EXPECT_EQ(n, 0);
}

TEST_P(WarmPhases, GoingBackAndForthAllocatesNothing) {
  // Undo restores every slot into buffers of its shape, the batch order included.
  bpx::Session s = Create(GetParam());
  for (int i = 0; i < kWarmPhases; ++i) s.next_phase();
  for (int i = 0; i < 100; ++i) s.previous_phase();
  for (int i = 0; i < 100; ++i) s.next_phase();
  const long n = AllocationsIn([&] {
    for (int round = 0; round < 10; ++round) {
      for (int i = 0; i < 60; ++i) EXPECT_TRUE(s.previous_phase());
      for (int i = 0; i < 60; ++i) s.next_phase();
    }
  });
  EXPECT_EQ(n, 0);
}

INSTANTIATE_TEST_SUITE_P(AllocationFree, WarmPhases,
                         testing::Values(kSpec, kFullBatchSgd, kMomentumDecayBce));

}  // namespace
