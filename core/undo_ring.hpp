// The undo history of a session: a ring of records, one per phase, each holding the
// matrices the phase is about to overwrite. Bounded twice: at most max_phases records and
// at most max_bytes of saved values; the oldest records are dropped first. The values live
// in one arena and the records in one vector, both reused, so that once they have reached
// their size a phase allocates nothing.
#pragma once
#include <algorithm>
#include <cstddef>
#include <vector>

#include "core/types.hpp"

namespace bpx {

struct HistoryLimits {
  size_t max_phases = 256;
  size_t max_bytes = size_t{64} << 20;  // 64 MiB of saved values per session
};

template <typename Header>
class UndoRing {
 public:
  // Each saved item takes kItemHead values of description (tag, layer, rows, cols).
  static constexpr size_t kItemHead = 4;

  void configure(HistoryLimits limits) {
    limits_ = limits;
    clear();
    arena_.clear();
    arena_.shrink_to_fit();
    records_.clear();
    records_.shrink_to_fit();
  }
  const HistoryLimits& limits() const { return limits_; }
  void clear() {
    head_ = count_ = 0;
    write_ = 0;
  }
  size_t size() const { return count_; }
  // Bytes of saved values held by the live records.
  size_t bytes() const {
    size_t n = 0;
    for (size_t i = 0; i < count_; ++i) n += at(i).length;
    return n * sizeof(double);
  }

  // Bytes the arena holds, live or not (what the history costs in memory).
  size_t arena_bytes() const { return arena_.capacity() * sizeof(double); }

  // Opens a record for a phase that saves `values` doubles (items included; see item_size).
  // Drops the oldest records to make room. Returns false, and clears the history, when one
  // record alone is larger than the byte budget: that phase cannot be undone.
  bool begin(const Header& header, size_t values) {
    const size_t cap = limits_.max_bytes / sizeof(double);
    if (limits_.max_phases == 0 || values > cap) {
      clear();
      return false;
    }
    if (count_ == limits_.max_phases) drop_oldest();
    size_t start = write_;
    // Wrap at the end of the arena (or of the budget) rather than grow once the free front
    // holds as much again as the live records: the arena then stays within a few times what
    // they need, and no record is dropped for room while the ring is below max_phases.
    if (start + values > cap || (start + values > arena_.size() && front_free(values))) {
      // Wrap: the records between here and the end of the arena are the oldest ones.
      while (count_ > 0 && at(0).offset >= start) drop_oldest();
      start = 0;
    }
    while (count_ > 0 && overlaps(at(0), start, values)) drop_oldest();
    if (arena_.size() < start + values) {
      arena_.resize(std::min(cap, std::max(start + values, 2 * arena_.size())));
    }
    if (count_ == records_.size()) {
      // Grow the record vector (up to max_phases) with the oldest record at index 0.
      std::rotate(records_.begin(), records_.begin() + static_cast<long>(head_), records_.end());
      head_ = 0;
      records_.emplace_back();
    }
    Record& r = records_[slot_index(count_)];
    r.header = header;
    r.offset = start;
    r.length = values;
    fill_ = start;
    write_ = start + values;
    ++count_;
    return true;
  }
  static size_t item_size(const Matrix& m) { return kItemHead + static_cast<size_t>(m.size()); }
  // Appends one item to the record opened by begin (within the size given there).
  void save(int tag, int layer, const Matrix& m) {
    double* p = arena_.data() + fill_;
    p[0] = tag;
    p[1] = layer;
    p[2] = static_cast<double>(m.rows());
    p[3] = static_cast<double>(m.cols());
    std::copy(m.data(), m.data() + m.size(), p + kItemHead);
    fill_ += item_size(m);
  }

  // An index list, saved as a column of values (exact below 2^53).
  template <typename Index>
  void save_indices(int tag, const std::vector<Index>& v) {
    double* p = arena_.data() + fill_;
    p[0] = tag;
    p[1] = 0;
    p[2] = static_cast<double>(v.size());
    p[3] = 1;
    for (size_t i = 0; i < v.size(); ++i) p[kItemHead + i] = static_cast<double>(v[i]);
    fill_ += kItemHead + v.size();
  }

  // Calls restore(tag, layer, Map of the saved values) for each item of the newest record,
  // newest item first, then removes it and returns its header. The ring must not be empty.
  template <typename Restore>
  Header pop(Restore&& restore) {
    Record& r = records_[slot_index(count_ - 1)];
    std::vector<size_t>& starts = item_starts_;
    starts.clear();
    for (size_t at = r.offset; at < r.offset + r.length;) {
      starts.push_back(at);
      const double* p = arena_.data() + at;
      at += kItemHead + static_cast<size_t>(p[2] * p[3]);
    }
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
      const double* p = arena_.data() + *it;
      const auto rows = static_cast<Eigen::Index>(p[2]), cols = static_cast<Eigen::Index>(p[3]);
      restore(static_cast<int>(p[0]), static_cast<int>(p[1]),
              Eigen::Map<const Matrix>(p + kItemHead, rows, cols));
    }
    --count_;
    write_ = r.offset;
    return r.header;
  }

 private:
  struct Record {
    Header header;
    size_t offset = 0, length = 0;
  };
  // The records have not wrapped, and the front before the oldest one holds all of them
  // again plus `values`.
  bool front_free(size_t values) const {
    if (count_ == 0) return true;
    const size_t oldest = at(0).offset;
    for (size_t i = 1; i < count_; ++i)
      if (at(i).offset < oldest) return false;
    return oldest >= (write_ - oldest) + values;
  }
  size_t slot_index(size_t i) const { return (head_ + i) % records_.size(); }
  const Record& at(size_t i) const { return records_[slot_index(i)]; }
  static bool overlaps(const Record& r, size_t start, size_t n) {
    return r.offset < start + n && start < r.offset + r.length;
  }
  void drop_oldest() {
    head_ = (head_ + 1) % records_.size();
    --count_;
    if (count_ == 0) head_ = 0;
  }

  HistoryLimits limits_;
  std::vector<double> arena_;
  std::vector<Record> records_;
  std::vector<size_t> item_starts_;
  size_t head_ = 0, count_ = 0;
  size_t write_ = 0, fill_ = 0;
};

}  // namespace bpx
