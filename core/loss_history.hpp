// The batch loss of completed steps, bounded: at most kMaxPoints values. When full, every
// second value is dropped and the stride doubles, so the history always spans the whole
// run: value i is the batch loss of step i * stride + 1 (steps counted from 1). The values
// are exact losses of those steps, never averages.
#pragma once
#include <cstddef>
#include <vector>

namespace bpx {

class LossHistory {
 public:
  static constexpr size_t kMaxPoints = size_t{1} << 20;  // 8 MiB of doubles
  // Room kept from the start (32 KiB): the first 4,096 steps push without allocating; beyond,
  // the vector doubles (an allocation every 2^k steps, none per phase).
  static constexpr size_t kReserved = 4096;

  LossHistory() { values_.reserve(kReserved); }

  // What an undo record needs to take back one push (when it did not decimate).
  struct Mark {
    size_t size = 0;
    long stride = 1;
    long seen = 0;
  };
  Mark mark() const { return {values_.size(), stride_, seen_}; }
  void restore(const Mark& m) {
    values_.resize(m.size);
    stride_ = m.stride;
    seen_ = m.seen;
  }

  // Records the loss of the next step; true when this push decimated the history (an
  // undo record made before it can no longer be restored exactly).
  bool push(double loss) {
    const bool keep = seen_ % stride_ == 0;
    ++seen_;
    if (!keep) return false;
    bool decimated = false;
    if (values_.size() == max_points_) {
      size_t j = 0;
      for (size_t i = 0; i < values_.size(); i += 2) values_[j++] = values_[i];
      values_.resize(j);
      stride_ *= 2;
      decimated = true;
      // The step being pushed is kept only if it falls on the new stride.
      if ((seen_ - 1) % stride_ != 0) return true;
    }
    values_.push_back(loss);
    return decimated;
  }
  void clear() {
    values_.clear();
    stride_ = 1;
    seen_ = 0;
  }
  const std::vector<double>& values() const { return values_; }
  long stride() const { return stride_; }
  // For tests: a smaller bound (at least 2).
  void set_max_points(size_t n) { max_points_ = n < 2 ? 2 : n; }

 private:
  std::vector<double> values_;
  long stride_ = 1;
  long seen_ = 0;  // steps pushed so far
  size_t max_points_ = kMaxPoints;
};

}  // namespace bpx
