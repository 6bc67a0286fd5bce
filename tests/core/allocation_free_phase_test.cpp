// The undo ring's memory: its arena stays near what the live records need, and the counting
// allocator (allocation_counter.hpp) that measures allocations per phase counts what it should.
// Measured with it (not yet asserted): a warm phase of the network below still makes about 3.6
// heap allocations (4,676 in 1,300 phases), outside the ring.
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

}  // namespace
