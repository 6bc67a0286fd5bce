#include "core/session.hpp"

#include <cmath>
#include <numeric>

#include "core/finite.hpp"
#include "core/layer_math.hpp"

namespace bpx {

std::string Phase::label() const {
  switch (kind) {
    case Forward:
      return "forward " + std::to_string(layer);
    case Loss:
      return "loss";
    case Backward:
      return "backward " + std::to_string(layer);
    case Update:
      return "update";
  }
  return "?";
}

std::string Phase::title() const {
  std::string s = label();
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

Phase phase_at(int L, int index) {
  if (index < L) return {Phase::Forward, index + 1};
  if (index == L) return {Phase::Loss, 0};
  if (index < 2 * L + 1) return {Phase::Backward, 2 * L + 1 - index};
  return {Phase::Update, 0};
}

std::string Divergence::message() const {
  std::string where = layer > 0 ? quantity + "[" + std::to_string(layer) + "]" : quantity;
  return "step " + std::to_string(step) + ", " + phase + ": " + where +
         " became NaN or infinite; try a lower learning rate";
}

Result<Session> Session::create(const std::string& spec_json) {
  auto spec = parse_spec(spec_json);
  if (!spec) return spec.error();
  return create(spec.value());
}

Result<Session> Session::create(const Spec& spec) {
  Session s;
  s.spec_ = spec;
  s.data_ = make_dataset(spec);
  s.initial_ = initial_parameters(spec);
  const long n_train = s.data_.X_train.cols();
  s.batch_size_ = spec.batch_size > 0 ? spec.batch_size : static_cast<int>(n_train);
  s.fused_ = is_fused(spec.loss, spec.activations.back());
  s.reset();
  return s;
}

void Session::reset() {
  const int L = spec_.L();
  layers_.assign(static_cast<size_t>(L + 1), LayerState{});
  for (int l = 1; l <= L; ++l) {
    LayerState& ls = layers_[l];
    ls.W = initial_.W[l - 1];
    ls.b = initial_.b[l - 1];
    zero_slots(ls.opt, ls.W, ls.b);
    const Eigen::Index n = spec_.layers[l], n_prev = spec_.layers[l - 1];
    ls.Z = ls.A = ls.dA = ls.dZ = ls.gprime = Matrix::Zero(n, 0);
    ls.dW = Matrix::Zero(n, n_prev);
    ls.db = Matrix::Zero(n, 1);
  }
  layers_[0].A = layers_[0].dA = Matrix::Zero(spec_.layers[0], 0);
  Y_ = Matrix::Zero(spec_.layers.back(), 0);
  losses_ = Matrix::Zero(1, 0);
  c_ = Counters{};
  c_.shuffle_rng = Pcg32(spec_.seed, 3);
  c_.loss = std::nan("");
  order_.clear();
  batch_.clear();
  loss_history_.clear();
  undo_.clear();
}

Phase Session::phase_at(int index) const { return bpx::phase_at(spec_.L(), index); }

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

void Session::draw_batch() {
  const size_t n = static_cast<size_t>(data_.X_train.cols());
  const size_t bs = static_cast<size_t>(batch_size_);
  if (bs >= n) {
    // Full batch: natural order, so hand derivations sum in the same order.
    batch_.resize(n);
    std::iota(batch_.begin(), batch_.end(), 0);
    c_.batch_ends_epoch = true;
    return;
  }
  if (c_.epoch_pos == 0) {
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    for (size_t i = n - 1; i > 0; --i) {
      size_t j = c_.shuffle_rng.below(static_cast<uint32_t>(i + 1));
      std::swap(order_[i], order_[j]);
    }
  }
  // Batches do not cross epochs: the last one of an epoch may be smaller.
  size_t end = std::min(n, c_.epoch_pos + bs);
  batch_.assign(order_.begin() + static_cast<long>(c_.epoch_pos),
                order_.begin() + static_cast<long>(end));
  c_.batch_ends_epoch = end == n;
  c_.epoch_pos = end == n ? 0 : end;
}

std::optional<Divergence> Session::check(const Phase& p, int layer, const char* quantity,
                                         const Matrix& M) const {
  if (all_finite(M)) return std::nullopt;
  return Divergence{c_.step + 1, p.label(), layer, quantity};
}

std::optional<Divergence> Session::run_phase(bool with_history) {
  const int L = spec_.L();
  const Phase p = phase_at(c_.cursor);
  if (with_history) record(p);
  bool decimated = false;
  std::optional<Divergence> div;
  auto first = [&div](std::optional<Divergence> d) {
    if (!div && d) div = d;
  };
  switch (p.kind) {
    case Phase::Forward: {
      const int l = p.layer;
      if (l == 1) {
        draw_batch();
        const Eigen::Index m = static_cast<Eigen::Index>(batch_.size());
        Matrix X(data_.X_train.rows(), m);
        Y_.resize(data_.Y_train.rows(), m);
        for (Eigen::Index k = 0; k < m; ++k) {
          X.col(k) = data_.X_train.col(batch_[static_cast<size_t>(k)]);
          Y_.col(k) = data_.Y_train.col(batch_[static_cast<size_t>(k)]);
        }
        layers_[0].A = X;
      }
      LayerState& ls = layers_[l];
      forward_layer(ls.W, ls.b, spec_.activations[l - 1], layers_[l - 1].A, ls.Z, ls.A);
      first(check(p, l, "Z", ls.Z));
      first(check(p, l, "A", ls.A));
      break;
    }
    case Phase::Loss: {
      LayerState& out = layers_[L];
      losses_ = loss_per_example(spec_.loss, out.Z, out.A, Y_);
      c_.loss = losses_.mean();
      out.dA = loss_dA(spec_.loss, out.Z, out.A, Y_);
      first(check(p, 0, "loss", losses_));
      // With the fused gradient dA[L] is only shown; it may be infinite where A saturates.
      if (!fused_) first(check(p, L, "dA", out.dA));
      break;
    }
    case Phase::Backward: {
      const int l = p.layer;
      LayerState& ls = layers_[l];
      Matrix fused_dZ;
      if (l == L && fused_) fused_dZ = ls.A - Y_;
      BackwardOut out;
      backward_layer(ls.W, spec_.activations[l - 1], ls.Z, ls.A, layers_[l - 1].A, ls.dA,
                     l == L && fused_ ? &fused_dZ : nullptr, out);
      ls.dZ = std::move(out.dZ);
      ls.gprime = std::move(out.gprime);
      ls.dW = std::move(out.dW);
      ls.db = std::move(out.db);
      layers_[l - 1].dA = std::move(out.dA_prev);
      first(check(p, l, "dZ", ls.dZ));
      first(check(p, l, "dW", ls.dW));
      first(check(p, l, "db", ls.db));
      break;
    }
    case Phase::Update: {
      tick(spec_.optimizer, c_.clock);
      for (int l = 1; l <= L; ++l) {
        LayerState& ls = layers_[l];
        update_layer(spec_.optimizer, c_.clock, ls.W, ls.b, ls.dW, ls.db, ls.opt,
                     spec_.update_biases);
        first(check(p, l, "W", ls.W));
        first(check(p, l, "b", ls.b));
      }
      decimated = loss_history_.push(c_.loss);
      c_.step += 1;
      if (c_.batch_ends_epoch) c_.epoch += 1;
      break;
    }
  }
  c_.last = p;
  c_.cursor = (c_.cursor + 1) % phases_per_step();
  if (div && !c_.divergence) c_.divergence = div;
  // Time travel cannot reach back over a thinning of the loss history.
  if (decimated) undo_.clear();
  return div;
}

std::optional<Divergence> Session::next_phase() { return run_phase(true); }

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
      slot(s, layer) = saved;
    }
  };
  UndoHeader h = undo_.pop(restore);
  c_ = std::move(h.counters);
  loss_history_.restore(h.loss_mark);
  return true;
}

std::optional<Divergence> Session::step() {
  std::optional<Divergence> div;
  do {
    auto d = next_phase();
    if (!div && d) div = d;
  } while (c_.cursor != 0);
  return div;
}

TrainOutcome Session::train(long n) {
  undo_.clear();
  TrainOutcome out;
  for (long i = 0; i < n; ++i) {
    std::optional<Divergence> div;
    do {
      auto d = run_phase(false);
      if (!div && d) div = d;
    } while (c_.cursor != 0);
    out.steps_done += 1;
    if (div) {
      out.divergence = div;
      break;
    }
  }
  return out;
}

std::optional<Error> Session::set_learning_rate(double lr) {
  auto checked = check_learning_rate(lr);
  if (!checked) return checked.error();
  spec_.optimizer.learning_rate = checked.value();
  return std::nullopt;
}

std::optional<Error> Session::set_weight_decay(double wd) {
  if (!std::isfinite(wd) || wd < 0 || wd > 10) {
    return Error{"weight_decay", "expected a finite number in [0, 10]"};
  }
  spec_.optimizer.weight_decay = wd;
  return std::nullopt;
}

std::optional<Error> Session::set_batch_size(int batch_size) {
  const long n = data_.X_train.cols();
  if (batch_size < 1 || batch_size > n) {
    return Error{"batch_size", "expected an integer between 1 and " + std::to_string(n) +
                                   " (the number of training examples)"};
  }
  batch_size_ = batch_size;
  spec_.batch_size = batch_size;
  c_.epoch_pos = 0;  // a new size starts a fresh shuffled epoch
  return std::nullopt;
}

std::vector<Matrix> Session::predict_all(const Matrix& X) const {
  std::vector<Matrix> A;
  Matrix Z, prev = X;
  for (int l = 1; l <= spec_.L(); ++l) {
    Matrix a;
    forward_layer(layers_[l].W, layers_[l].b, spec_.activations[l - 1], prev, Z, a);
    A.push_back(a);
    prev = std::move(a);
  }
  return A;
}

Matrix Session::predict(const Matrix& X) const { return predict_all(X).back(); }

bool Session::has_accuracy() const {
  if (spec_.data.explicit_values) return spec_.loss != Loss::Mse;
  return !spec_.data.regression;
}

Evaluation Session::evaluate(const Matrix& X, const Matrix& Y) const {
  Evaluation e;
  e.examples = X.cols();
  if (X.cols() == 0) {
    e.loss = e.accuracy = std::nan("");
    return e;
  }
  Matrix Z, A, prev = X;
  for (int l = 1; l <= spec_.L(); ++l) {
    forward_layer(layers_[l].W, layers_[l].b, spec_.activations[l - 1], prev, Z, A);
    prev = A;
  }
  e.loss = loss_per_example(spec_.loss, Z, A, Y).mean();
  if (!has_accuracy()) {
    e.accuracy = std::nan("");
    return e;
  }
  const Activation out = spec_.activations.back();
  long correct = 0;
  for (Eigen::Index k = 0; k < A.cols(); ++k) {
    bool ok;
    if (A.rows() > 1) {
      Eigen::Index pa = 0, py = 0;
      A.col(k).maxCoeff(&pa);
      Y.col(k).maxCoeff(&py);
      ok = pa == py;
    } else {
      double threshold = out == Activation::Tanh ? 0.0 : 0.5;
      ok = (A(0, k) >= threshold) == (Y(0, k) >= threshold);
    }
    correct += ok ? 1 : 0;
  }
  e.accuracy = static_cast<double>(correct) / static_cast<double>(A.cols());
  return e;
}

}  // namespace bpx
