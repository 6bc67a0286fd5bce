// The session's matrices by name (Slot), for the undo history, and the second buffers of the
// batch-wide ones, which keep a change of batch width from reallocating them.
#include "core/session.hpp"

namespace bpx {

Matrix& Session::slot(Slot s, int l) {
  LayerState& ls = layers_[l];
  switch (s) {
    case Slot::W:
      return ls.W;
    case Slot::b:
      return ls.b;
    case Slot::Z:
      return ls.Z;
    case Slot::A:
      return ls.A;
    case Slot::dA:
      return ls.dA;
    case Slot::dZ:
      return ls.dZ;
    case Slot::gprime:
      return ls.gprime;
    case Slot::dW:
      return ls.dW;
    case Slot::db:
      return ls.db;
    case Slot::mW:
      return ls.opt.mW;
    case Slot::mb:
      return ls.opt.mb;
    case Slot::vW:
      return ls.opt.vW;
    case Slot::vb:
      return ls.opt.vb;
    case Slot::Y:
      return Y_;
    case Slot::losses:
      return losses_;
    case Slot::order:
    case Slot::batch:
      break;  // index lists: see record() and previous_phase()
  }
  return Y_;
}

bool Session::batch_wide(Slot s) {
  switch (s) {
    case Slot::Z:
    case Slot::A:
    case Slot::dA:
    case Slot::dZ:
    case Slot::gprime:
    case Slot::Y:
    case Slot::losses:
      return true;
    default:
      return false;
  }
}

Matrix& Session::fit(Slot s, int l, Eigen::Index rows, Eigen::Index cols) {
  Matrix& m = slot(s, l);
  if (m.rows() == rows && m.cols() == cols) return m;
  if (m.size() != rows * cols) {
    LayerState& ls = layers_[l];
    Matrix* other = nullptr;
    switch (s) {
      case Slot::Z:
        other = &ls.other_Z;
        break;
      case Slot::A:
        other = &ls.other_A;
        break;
      case Slot::dA:
        other = &ls.other_dA;
        break;
      case Slot::dZ:
        other = &ls.other_dZ;
        break;
      case Slot::gprime:
        other = &ls.other_gprime;
        break;
      case Slot::Y:
        other = &other_Y_;
        break;
      case Slot::losses:
        other = &other_losses_;
        break;
      default:
        break;
    }
    // The values are overwritten by the caller; only the buffer is wanted.
    if (other) m.swap(*other);
  }
  m.resize(rows, cols);  // allocates only for a size neither buffer has held
  return m;
}

}  // namespace bpx
