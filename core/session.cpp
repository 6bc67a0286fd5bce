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

void Session::note(Found& found, int layer, const char* quantity, const Matrix& M) const {
  if (!found.quantity && !all_finite(M)) found = {c_.step + 1, layer, quantity};
}

void Session::load_batch() {
  draw_batch();
  const auto m = static_cast<Eigen::Index>(batch_.size());
  Matrix& X = fit(Slot::A, 0, data_.X_train.rows(), m);
  fit(Slot::Y, 0, data_.Y_train.rows(), m);
  for (Eigen::Index k = 0; k < m; ++k) {
    X.col(k) = data_.X_train.col(batch_[static_cast<size_t>(k)]);
    Y_.col(k) = data_.Y_train.col(batch_[static_cast<size_t>(k)]);
  }
}

// Every matrix a phase writes is the session's own, fitted to its shape first (fit), and
// every temporary has room kept in the session: once warm, a phase allocates nothing.
std::optional<Divergence> Session::run_phase(bool with_history) {
  const int L = spec_.L();
  const Phase p = phase_at(c_.cursor);
  if (with_history) record(p);
  bool decimated = false;
  Found found;
  switch (p.kind) {
    case Phase::Forward: {
      const int l = p.layer;
      if (l == 1) load_batch();
      LayerState& ls = layers_[l];
      const Eigen::Index m = layers_[0].A.cols();
      fit(Slot::Z, l, ls.W.rows(), m);
      fit(Slot::A, l, ls.W.rows(), m);
      forward_layer(ls.W, ls.b, spec_.activations[l - 1], layers_[l - 1].A, ls.Z, ls.A);
      note(found, l, "Z", ls.Z);
      note(found, l, "A", ls.A);
      break;
    }
    case Phase::Loss: {
      LayerState& out = layers_[L];
      fit(Slot::losses, 0, 1, out.Z.cols());
      loss_per_example_into(spec_.loss, out.Z, out.A, Y_, losses_, loss_scratch_);
      c_.loss = losses_.mean();
      fit(Slot::dA, L, out.A.rows(), out.A.cols());
      loss_dA_into(spec_.loss, out.Z, out.A, Y_, out.dA, loss_scratch_);
      note(found, 0, "loss", losses_);
      // With the fused gradient dA[L] is only shown; it may be infinite where A saturates.
      if (!fused_) note(found, L, "dA", out.dA);
      break;
    }
    case Phase::Backward: {
      const int l = p.layer;
      LayerState& ls = layers_[l];
      const Eigen::Index m = ls.Z.cols();
      fit(Slot::dZ, l, ls.Z.rows(), m);
      fit(Slot::gprime, l, ls.Z.rows(), m);
      fit(Slot::dA, l - 1, layers_[l - 1].A.rows(), m);
      backward_layer(ls.W, spec_.activations[l - 1], ls.Z, ls.A, layers_[l - 1].A, ls.dA,
                     l == L && fused_ ? &Y_ : nullptr,
                     {ls.dZ, ls.gprime, ls.dW, ls.db, layers_[l - 1].dA, ls.Wt});
      note(found, l, "dZ", ls.dZ);
      note(found, l, "dW", ls.dW);
      note(found, l, "db", ls.db);
      break;
    }
    case Phase::Update: {
      tick(spec_.optimizer, c_.clock);
      for (int l = 1; l <= L; ++l) {
        LayerState& ls = layers_[l];
        update_layer(spec_.optimizer, c_.clock, ls.W, ls.b, ls.dW, ls.db, ls.opt,
                     spec_.update_biases, ls.decayed);
        note(found, l, "W", ls.W);
        note(found, l, "b", ls.b);
      }
      decimated = loss_history_.push(c_.loss);
      c_.step += 1;
      if (c_.batch_ends_epoch) c_.epoch += 1;
      break;
    }
  }
  c_.last = p;
  c_.cursor = (c_.cursor + 1) % phases_per_step();
  // Time travel cannot reach back over a thinning of the loss history.
  if (decimated) undo_.clear();
  if (!found.quantity) return std::nullopt;
  Divergence div{found.step, p.label(), found.layer, found.quantity};
  if (!c_.divergence) c_.divergence = div;
  return div;
}

std::optional<Divergence> Session::next_phase() { return run_phase(true); }

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

}  // namespace bpx
