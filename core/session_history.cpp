// Time travel: what each phase overwrites is saved before it runs (record), and restored
// value for value when the phase is undone (previous_phase). The ring bounds the history.
#include "core/session.hpp"

namespace bpx {

int Session::saved_slots(const Phase& p, SlotRef* out) const {
  int n = 0;
  const int L = spec_.L();
  switch (p.kind) {
    case Phase::Forward:
      if (p.layer == 1) {
        for (Slot s : {Slot::A, Slot::Y, Slot::order, Slot::batch}) out[n++] = {s, 0};
      }
      out[n++] = {Slot::Z, p.layer};
      out[n++] = {Slot::A, p.layer};
      break;
    case Phase::Loss:
      out[n++] = {Slot::dA, L};
      out[n++] = {Slot::losses, 0};
      break;
    case Phase::Backward:
      for (Slot s : {Slot::dZ, Slot::gprime, Slot::dW, Slot::db}) out[n++] = {s, p.layer};
      out[n++] = {Slot::dA, p.layer - 1};
      break;
    case Phase::Update:
      for (int l = 1; l <= L; ++l) {
        for (Slot s : {Slot::W, Slot::b, Slot::mW, Slot::mb, Slot::vW, Slot::vb}) {
          out[n++] = {s, l};
        }
      }
      break;
  }
  return n;
}

// Saves what phase p is about to overwrite, before it runs.
void Session::record(const Phase& p) {
  SlotRef refs[6 * kMaxLayers + 4];
  const int n = saved_slots(p, refs);
  using Ring = UndoRing<UndoHeader>;
  size_t values = 0;
  for (int i = 0; i < n; ++i) {
    const Slot s = refs[i].slot;
    if (s == Slot::order || s == Slot::batch) {
      values += Ring::kItemHead + (s == Slot::order ? order_ : batch_).size();
    } else {
      values += Ring::item_size(slot(s, refs[i].layer));
    }
  }
  if (!undo_.begin(UndoHeader{c_, loss_history_.mark()}, values)) return;
  for (int i = 0; i < n; ++i) {
    const Slot s = refs[i].slot;
    if (s == Slot::order || s == Slot::batch) {
      undo_.save_indices(static_cast<int>(s), s == Slot::order ? order_ : batch_);
    } else {
      undo_.save(static_cast<int>(s), refs[i].layer, slot(s, refs[i].layer));
    }
  }
}

bool Session::previous_phase() {
  if (undo_.size() == 0) return false;
  auto restore = [this](int tag, int layer, const Eigen::Map<const Matrix>& saved) {
    const Slot s = static_cast<Slot>(tag);
    if (s == Slot::order || s == Slot::batch) {
      std::vector<Eigen::Index>& v = s == Slot::order ? order_ : batch_;
      v.resize(static_cast<size_t>(saved.rows()));
      for (Eigen::Index i = 0; i < saved.rows(); ++i) {
        v[static_cast<size_t>(i)] = static_cast<Eigen::Index>(saved(i, 0));
      }
    } else {
      // Same shape (fit), so the assignment copies without reallocating.
      Matrix& m = batch_wide(s) ? fit(s, layer, saved.rows(), saved.cols()) : slot(s, layer);
      m = saved;
    }
  };
  UndoHeader h = undo_.pop(restore);
  c_ = std::move(h.counters);
  loss_history_.restore(h.loss_mark);
  return true;
}

}  // namespace bpx
