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
  }
  return Y_;
}

void Session::save(Undo* undo, Slot s, int l) {
  if (undo) undo->saved.push_back({{s, l}, slot(s, l)});
}

void Session::draw_batch() {
  const size_t n = static_cast<size_t>(data_.X_train.cols());
  const size_t bs = static_cast<size_t>(batch_size_);
  if (bs >= n) {
    // Full batch: natural order, so hand derivations sum in the same order.
    c_.batch.resize(n);
    std::iota(c_.batch.begin(), c_.batch.end(), 0);
    c_.batch_ends_epoch = true;
    return;
  }
  if (c_.epoch_pos == 0) {
    c_.order.resize(n);
    std::iota(c_.order.begin(), c_.order.end(), 0);
    for (size_t i = n - 1; i > 0; --i) {
      size_t j = c_.shuffle_rng.below(static_cast<uint32_t>(i + 1));
      std::swap(c_.order[i], c_.order[j]);
    }
  }
  // Batches do not cross epochs: the last one of an epoch may be smaller.
  size_t end = std::min(n, c_.epoch_pos + bs);
  c_.batch.assign(c_.order.begin() + static_cast<long>(c_.epoch_pos),
                  c_.order.begin() + static_cast<long>(end));
  c_.batch_ends_epoch = end == n;
  c_.epoch_pos = end == n ? 0 : end;
}

std::optional<Divergence> Session::check(const Phase& p, int layer, const char* quantity,
                                         const Matrix& M) const {
  if (all_finite(M)) return std::nullopt;
  return Divergence{c_.step + 1, p.label(), layer, quantity};
}

std::optional<Divergence> Session::run_phase(Undo* undo) {
  const int L = spec_.L();
  const Phase p = phase_at(c_.cursor);
  std::optional<Divergence> div;
  auto first = [&div](std::optional<Divergence> d) {
    if (!div && d) div = d;
  };
  switch (p.kind) {
    case Phase::Forward: {
      const int l = p.layer;
      if (l == 1) {
        save(undo, Slot::A, 0);
        save(undo, Slot::Y, 0);
        draw_batch();
        const Eigen::Index m = static_cast<Eigen::Index>(c_.batch.size());
        Matrix X(data_.X_train.rows(), m);
        Y_.resize(data_.Y_train.rows(), m);
        for (Eigen::Index k = 0; k < m; ++k) {
          X.col(k) = data_.X_train.col(c_.batch[static_cast<size_t>(k)]);
          Y_.col(k) = data_.Y_train.col(c_.batch[static_cast<size_t>(k)]);
        }
        layers_[0].A = X;
      }
      save(undo, Slot::Z, l);
      save(undo, Slot::A, l);
      LayerState& ls = layers_[l];
      forward_layer(ls.W, ls.b, spec_.activations[l - 1], layers_[l - 1].A, ls.Z, ls.A);
      first(check(p, l, "Z", ls.Z));
      first(check(p, l, "A", ls.A));
      break;
    }
    case Phase::Loss: {
      save(undo, Slot::dA, L);
      save(undo, Slot::losses, 0);
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
      for (Slot s : {Slot::dZ, Slot::gprime, Slot::dW, Slot::db}) save(undo, s, l);
      save(undo, Slot::dA, l - 1);
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
      for (int l = 1; l <= L; ++l) {
        for (Slot s : {Slot::W, Slot::b, Slot::mW, Slot::mb, Slot::vW, Slot::vb}) save(undo, s, l);
      }
      tick(spec_.optimizer, c_.clock);
      for (int l = 1; l <= L; ++l) {
        LayerState& ls = layers_[l];
        update_layer(spec_.optimizer, c_.clock, ls.W, ls.b, ls.dW, ls.db, ls.opt,
                     spec_.update_biases);
        first(check(p, l, "W", ls.W));
        first(check(p, l, "b", ls.b));
      }
      loss_history_.push_back(c_.loss);
      c_.step += 1;
      if (c_.batch_ends_epoch) c_.epoch += 1;
      break;
    }
  }
  c_.last = p;
  c_.cursor = (c_.cursor + 1) % phases_per_step();
  if (div && !c_.divergence) c_.divergence = div;
  return div;
}

std::optional<Divergence> Session::next_phase() {
  Undo undo;
  undo.counters = c_;
  undo.loss_history_size = loss_history_.size();
  auto div = run_phase(&undo);
  undo_.push_back(std::move(undo));
  while (undo_.size() > history_limit_) undo_.pop_front();
  return div;
}

bool Session::previous_phase() {
  if (undo_.empty()) return false;
  Undo& u = undo_.back();
  // Restore in reverse order of saving, so a slot saved twice gets its oldest value.
  for (auto it = u.saved.rbegin(); it != u.saved.rend(); ++it) {
    slot(it->first.first, it->first.second) = std::move(it->second);
  }
  c_ = std::move(u.counters);
  loss_history_.resize(u.loss_history_size);
  undo_.pop_back();
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
      auto d = run_phase(nullptr);
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
