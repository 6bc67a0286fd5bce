// Once the undo ring is warm, a phase allocates nothing: next_phase saves what it is about
// to overwrite into the ring's arena and record vector, both reused, and computes into the
// session's own matrices. Counted with a counting allocator (allocation_counter.hpp), over
// every kind of phase, minibatch and epoch boundaries, and time travel back and forth.
#include <gtest/gtest.h>

#include <string>

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

bpx::Session Create() {
  auto s = bpx::Session::create(kSpec);
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

TEST(AllocationFree, PhasesAllocateNothingOnceTheRingIsWarm) {
  bpx::Session s = Create();
  // The loss history grows by one double a step (a vector that doubles): bounded here so that
  // it is warm too (it thins in place at its bound).
  s.set_loss_history_max_points(16);
  const int per_step = static_cast<int>(s.phases_per_step());
  const int phases = static_cast<int>(s.history_limits().max_phases);
  // Warm-up: enough phases to fill the ring several times over (it wraps its arena).
  for (int i = 0; i < 20 * phases; ++i) s.next_phase();
  ASSERT_EQ(s.history_size(), s.history_limits().max_phases);

  const long before = bpx_test::allocations();
  {
    bpx_test::Counting scope;
    for (int i = 0; i < 5 * phases; ++i) s.next_phase();
    // Time travel: back a whole step and forward again.
    for (int i = 0; i < per_step + 2; ++i) s.previous_phase();
    for (int i = 0; i < per_step + 2; ++i) s.next_phase();
  }
  EXPECT_EQ(bpx_test::allocations() - before, 0)
      << "allocations in " << 5 * phases + 2 * (per_step + 2) << " phases";
  EXPECT_FALSE(s.divergence().has_value());
}

TEST(AllocationFree, TheArenaOfASmallNetworkStaysNearWhatItsPhasesNeed) {
  // The arena wraps once its records are full instead of growing towards the byte budget:
  // after many phases it holds at most twice the saved values of the live records (it grows
  // by doubling) plus one record.
  bpx::Session s = Create();
  s.set_loss_history_max_points(16);
  for (int i = 0; i < 200000; ++i) s.next_phase();
  EXPECT_LE(s.history_arena_bytes(), 2 * s.history_bytes() + 4096)
      << s.history_bytes() << " bytes live";
}

}  // namespace
