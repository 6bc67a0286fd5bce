// Time travel over phases: previous_phase undoes next_phase bit for bit, replays are
// deterministic, train(n) is n steps, and reset() goes back to the start.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace {

// A 2-3-2 softmax network on a 20-example training set in batches of 7: every epoch is three
// steps of 7, 7 and 6 examples, so 40 phases (6 per step) cross both step and epoch boundaries.
std::string Spec(const std::string& optimizer) {
  return R"({
    "layers": [2, 3, 2],
    "activations": ["tanh", "softmax"],
    "loss": "cross_entropy",
    "optimizer": )" +
         optimizer + R"(,
    "batch_size": 7,
    "seed": 9,
    "init": {"scheme": "xavier", "seed": 5},
    "data": {"dataset": "gaussian", "classes": 2, "points": 40, "noise": 0.2,
             "train_fraction": 0.5, "seed": 3}
  })";
}

const char* const kAdam = R"({"type": "adam", "learning_rate": 0.05})";
const char* const kMomentum = R"({"type": "momentum", "learning_rate": 0.1, "momentum": 0.9})";

bpx::Session Create(const std::string& optimizer) {
  auto s = bpx::Session::create(Spec(optimizer));
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

uint64_t Bits(double x) {
  uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

// Everything a reader of the session can see.
struct Snapshot {
  std::vector<std::pair<std::string, bpx::Matrix>> matrices;
  double loss = 0;
  int cursor = 0;
  long step = 0, epoch = 0;
  std::vector<double> loss_history;
  std::vector<Eigen::Index> batch;
  std::optional<bpx::Phase> last;
  long clock_t = 0;
  double beta1_pow = 0, beta2_pow = 0;
  bool diverged = false;
  size_t history_size = 0;
};

Snapshot Take(const bpx::Session& s) {
  Snapshot x;
  auto add = [&](const std::string& name, int l, const bpx::Matrix& M) {
    x.matrices.push_back({name + "[" + std::to_string(l) + "]", M});
  };
  for (int l = 0; l <= s.L(); ++l) {
    add("A", l, s.A(l));
    add("dA", l, s.dA(l));
    if (l == 0) continue;
    add("W", l, s.W(l));
    add("b", l, s.b(l));
    add("Z", l, s.Z(l));
    add("dZ", l, s.dZ(l));
    add("gprime", l, s.gprime(l));
    add("dW", l, s.dW(l));
    add("db", l, s.db(l));
    add("mW", l, s.optimizer_slots(l).mW);
    add("mb", l, s.optimizer_slots(l).mb);
    add("vW", l, s.optimizer_slots(l).vW);
    add("vb", l, s.optimizer_slots(l).vb);
  }
  add("Y", 0, s.Y());
  add("losses", 0, s.losses());
  x.loss = s.loss();
  x.cursor = s.cursor();
  x.step = s.step_count();
  x.epoch = s.epoch();
  x.loss_history = s.loss_history();
  x.batch = s.batch();
  x.last = s.last_phase();
  x.clock_t = s.optimizer_clock().t;
  x.beta1_pow = s.optimizer_clock().beta1_pow;
  x.beta2_pow = s.optimizer_clock().beta2_pow;
  x.diverged = s.divergence().has_value();
  x.history_size = s.history_size();
  return x;
}

bool SameBits(const bpx::Matrix& a, const bpx::Matrix& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index k = 0; k < a.size(); ++k)
    if (Bits(a(k)) != Bits(b(k))) return false;
  return true;
}

// Empty string when bit for bit equal, else the first difference.
std::string Diff(const Snapshot& a, const Snapshot& b, bool with_history_size = true) {
  if (a.matrices.size() != b.matrices.size()) return "number of matrices";
  for (size_t i = 0; i < a.matrices.size(); ++i) {
    if (!SameBits(a.matrices[i].second, b.matrices[i].second)) return a.matrices[i].first;
  }
  if (Bits(a.loss) != Bits(b.loss)) return "loss";
  if (a.cursor != b.cursor) return "cursor";
  if (a.step != b.step) return "step_count";
  if (a.epoch != b.epoch) return "epoch";
  if (a.loss_history.size() != b.loss_history.size()) return "loss_history size";
  for (size_t i = 0; i < a.loss_history.size(); ++i)
    if (Bits(a.loss_history[i]) != Bits(b.loss_history[i])) return "loss_history";
  if (a.batch != b.batch) return "batch";
  if (a.last.has_value() != b.last.has_value() || (a.last && !(*a.last == *b.last)))
    return "last_phase";
  if (a.clock_t != b.clock_t || Bits(a.beta1_pow) != Bits(b.beta1_pow) ||
      Bits(a.beta2_pow) != Bits(b.beta2_pow))
    return "optimizer clock";
  if (a.diverged != b.diverged) return "divergence";
  if (with_history_size && a.history_size != b.history_size) return "history_size";
  return "";
}

struct TravelCase {
  const char* name;
  const char* optimizer;
  int extra_phases;  // phases run after the 3 steps, before recording
};

void PrintTo(const TravelCase& c, std::ostream* os) { *os << c.name; }

class TimeTravel : public ::testing::TestWithParam<TravelCase> {};

TEST_P(TimeTravel, BackAndForthIsBitForBit) {
  constexpr int kPhases = 40;
  bpx::Session s = Create(GetParam().optimizer);
  for (int i = 0; i < 3; ++i) ASSERT_FALSE(s.step().has_value());
  for (int i = 0; i < GetParam().extra_phases; ++i) s.next_phase();
  std::vector<Snapshot> forward = {Take(s)};
  for (int i = 0; i < kPhases; ++i) {
    s.next_phase();
    forward.push_back(Take(s));
  }
  // The walk crossed step and epoch boundaries.
  EXPECT_GE(forward.back().step - forward.front().step, 6);
  EXPECT_GE(forward.back().epoch - forward.front().epoch, 2);
  EXPECT_NE(Diff(forward.front(), forward.back()), "");

  for (int i = kPhases - 1; i >= 0; --i) {
    ASSERT_TRUE(s.previous_phase()) << "at " << i;
    EXPECT_EQ(Diff(Take(s), forward[static_cast<size_t>(i)]), "") << "going back, at " << i;
  }
  // And forward again: the same values as the first time.
  for (int i = 1; i <= kPhases; ++i) {
    s.next_phase();
    EXPECT_EQ(Diff(Take(s), forward[static_cast<size_t>(i)]), "") << "replaying, at " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Optimizers, TimeTravel,
                         ::testing::Values(TravelCase{"adam_step_start", kAdam, 0},
                                           TravelCase{"adam_mid_step", kAdam, 2},
                                           TravelCase{"momentum_step_start", kMomentum, 0},
                                           TravelCase{"momentum_mid_step", kMomentum, 4}),
                         [](const ::testing::TestParamInfo<TravelCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(TimeTravelHistory, PreviousOnAFreshSessionReturnsFalse) {
  bpx::Session s = Create(kAdam);
  const Snapshot before = Take(s);
  EXPECT_EQ(s.history_size(), 0u);
  EXPECT_FALSE(s.previous_phase());
  EXPECT_EQ(Diff(Take(s), before), "");
  // One phase forward, one back, and then nothing is left.
  s.next_phase();
  EXPECT_TRUE(s.previous_phase());
  EXPECT_FALSE(s.previous_phase());
  EXPECT_EQ(Diff(Take(s), before), "");
}

TEST(TimeTravelHistory, KeepsAtLeast64Phases) {
  bpx::Session s = Create(kMomentum);
  std::vector<Snapshot> seen = {Take(s)};
  for (int i = 0; i < 100; ++i) {
    s.next_phase();
    seen.push_back(Take(s));
  }
  EXPECT_GE(s.history_size(), 64u);
  for (int back = 1; back <= 64; ++back) {
    ASSERT_TRUE(s.previous_phase()) << "step back " << back;
    EXPECT_EQ(Diff(Take(s), seen[static_cast<size_t>(100 - back)], false), "") << back;
  }
}

TEST(TimeTravelHistory, LimitDropsTheOldestPhases) {
  bpx::Session s = Create(kMomentum);
  s.set_history_limit(10);
  std::vector<Snapshot> seen = {Take(s)};
  for (int i = 0; i < 20; ++i) {
    s.next_phase();
    seen.push_back(Take(s));
  }
  EXPECT_EQ(s.history_size(), 10u);
  for (int back = 1; back <= 10; ++back) ASSERT_TRUE(s.previous_phase());
  EXPECT_FALSE(s.previous_phase());
  EXPECT_EQ(Diff(Take(s), seen[10], false), "");
}

TEST(Training, TrainNEqualsNStepsBitForBit) {
  for (const char* opt : {kAdam, kMomentum}) {
    SCOPED_TRACE(opt);
    bpx::Session a = Create(opt), b = Create(opt);
    const bpx::TrainOutcome out = a.train(9);
    EXPECT_EQ(out.steps_done, 9);
    EXPECT_FALSE(out.divergence.has_value());
    for (int i = 0; i < 9; ++i) b.step();
    EXPECT_EQ(a.step_count(), 9);
    EXPECT_EQ(a.epoch(), 3);
    EXPECT_EQ(a.loss_history().size(), 9u);
    EXPECT_EQ(Diff(Take(a), Take(b), false), "");
    // train keeps no history.
    EXPECT_EQ(a.history_size(), 0u);
    EXPECT_FALSE(a.previous_phase());
  }
}

TEST(Training, TrainFromTheMiddleOfAStepFinishesItFirst) {
  bpx::Session a = Create(kAdam), b = Create(kAdam);
  for (int i = 0; i < 2; ++i) {
    a.next_phase();
    b.next_phase();
  }
  const bpx::TrainOutcome out = a.train(3);
  EXPECT_EQ(out.steps_done, 3);
  for (int i = 0; i < 3; ++i) b.step();
  EXPECT_EQ(a.step_count(), 3);
  EXPECT_EQ(a.cursor(), 0);
  EXPECT_EQ(Diff(Take(a), Take(b), false), "");
}

TEST(Training, ResetReturnsToTheInitialState) {
  bpx::Session fresh = Create(kAdam), s = Create(kAdam);
  const Snapshot start = Take(fresh);
  for (int i = 0; i < 5; ++i) s.step();
  s.next_phase();
  s.next_phase();
  EXPECT_NE(Diff(Take(s), start), "");
  s.reset();
  EXPECT_EQ(Diff(Take(s), start), "");
  EXPECT_FALSE(s.previous_phase());
  // The minibatch order starts over too: the same three steps as a fresh session.
  for (int i = 0; i < 3; ++i) {
    s.step();
    fresh.step();
  }
  EXPECT_EQ(Diff(Take(s), Take(fresh)), "");
}

// The byte budget: 400 values (3,200 bytes) hold a few phases of this net (a forward 1
// saves 121 values with its item heads, an adam update 99); older phases are dropped first
// and the ones kept go back exactly.
TEST(TimeTravelHistory, ByteBudgetKeepsTheNewestPhasesWithinIt) {
  bpx::Session s = Create(kAdam);
  s.set_history_limits({1000, 3200});
  std::vector<Snapshot> seen = {Take(s)};
  for (int i = 0; i < 40; ++i) {
    s.next_phase();
    seen.push_back(Take(s));
    EXPECT_LE(s.history_bytes(), 3200u) << "after phase " << i + 1;
    EXPECT_GE(s.history_size(), 1u);
  }
  const size_t reach = s.history_size();
  EXPECT_GE(reach, 3u);
  EXPECT_LT(reach, 40u);
  for (size_t back = 1; back <= reach; ++back) {
    ASSERT_TRUE(s.previous_phase()) << back;
    EXPECT_EQ(Diff(Take(s), seen[40 - back], false), "") << back;
  }
  EXPECT_FALSE(s.previous_phase());
}

TEST(TimeTravelHistory, APhaseLargerThanTheBudgetIsNotKeptAndStillRuns) {
  bpx::Session s = Create(kAdam), free_run = Create(kAdam);
  s.set_history_limits({256, 56});  // 7 values: less than any phase saves
  for (int i = 0; i < 13; ++i) {
    s.next_phase();
    free_run.next_phase();
    EXPECT_EQ(s.history_size(), 0u);
  }
  EXPECT_FALSE(s.previous_phase());
  EXPECT_EQ(Diff(Take(s), Take(free_run), false), "");
}

// 20 steps into at most 8 values: the stride doubles until ceil(20 / stride) <= 8, so
// stride 4 and the losses of steps 1, 5, 9, 13 and 17 (exact, not averaged).
TEST(LossHistory, ThinsToItsBoundKeepingExactLossesOfEveryStrideThStep) {
  bpx::Session thin = Create(kMomentum), full = Create(kMomentum);
  thin.set_loss_history_max_points(8);
  thin.train(20);
  full.train(20);
  ASSERT_EQ(full.loss_history().size(), 20u);
  EXPECT_EQ(thin.loss_history_stride(), 4);
  ASSERT_EQ(thin.loss_history().size(), 5u);
  for (size_t i = 0; i < 5; ++i)
    EXPECT_EQ(Bits(thin.loss_history()[i]), Bits(full.loss_history()[4 * i])) << i;
}

TEST(LossHistory, UndoStopsAtAThinning) {
  bpx::Session s = Create(kMomentum);
  s.set_loss_history_max_points(2);
  s.step();
  s.step();  // two values: full
  EXPECT_GT(s.history_size(), 0u);
  s.step();  // the third update thins the history: no way back across it
  EXPECT_EQ(s.loss_history_stride(), 2);
  EXPECT_EQ(s.history_size(), 0u);
  s.next_phase();
  EXPECT_TRUE(s.previous_phase());
  EXPECT_FALSE(s.previous_phase());
}

}  // namespace
