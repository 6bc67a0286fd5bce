#include "core/practice_replay.hpp"

#include <cmath>

#include "core/activation.hpp"
#include "core/layer_math.hpp"
#include "core/loss.hpp"
#include "core/optimizer.hpp"

namespace bpx {

double round_significant(double x, int digits) {
  if (x == 0 || !std::isfinite(x)) return x;
  const double scale =
      std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::fabs(x)))));
  return std::round(x * scale) / scale;
}

double step_work(const Session& s) {
  double w = 0;
  const auto& n = s.spec().layers;
  for (size_t l = 1; l < n.size(); ++l) w += 3.0 * n[l] * n[l - 1] * s.batch_size();
  return w;
}

namespace {

struct State {
  std::vector<Matrix> W, b, Z, A, dA, dZ, dW, db;  // index 0 of A and dA: the inputs
  std::vector<OptimizerSlots> opt;
  OptimizerClock clock;
  Matrix Y;
  double loss = 0;
};

State from_session(const Session& s) {
  State st;
  const int L = s.L();
  for (int l = 0; l <= L; ++l) {
    st.W.push_back(l ? s.W(l) : Matrix());
    st.b.push_back(l ? s.b(l) : Matrix());
    st.Z.push_back(l ? s.Z(l) : Matrix());
    st.A.push_back(s.A(l));
    st.dA.push_back(s.dA(l));
    st.dZ.push_back(l ? s.dZ(l) : Matrix());
    st.dW.push_back(l ? s.dW(l) : Matrix());
    st.db.push_back(l ? s.db(l) : Matrix());
    st.opt.push_back(l ? s.optimizer_slots(l) : OptimizerSlots{});
  }
  st.clock = s.optimizer_clock();
  st.Y = s.Y();
  st.loss = s.loss();
  return st;
}

Matrix rounded(const Matrix& M, int digits) {
  return M.unaryExpr([digits](double x) { return round_significant(x, digits); });
}

class Replay {
 public:
  Replay(const PracticeFrames& f, const Mistake& m) : s_(f.before), m_(m) {}

  std::optional<double> run(const PracticeFrames& f, const QuantityRef& q) {
    const int target = producing_phase(f.before, q);
    int start = target;
    st_ = from_session(f.before);
    if (m_.phase != target) {
      // Mistakes made earlier propagate: replay the step from its start.
      start = 0;
      st_.A[0] = f.after.A(0);
      st_.Y = f.after.Y();
    }
    for (int p = start; p <= target; ++p) {
      if (!phase(p, p == target)) return std::nullopt;
    }
    return read(q);
  }

 private:
  bool here(int p) const { return m_.phase == -1 || m_.phase == p; }
  bool is(MistakeId id, int p) const { return m_.id == id && here(p); }
  double m() const { return static_cast<double>(st_.Y.cols()); }

  void round_intermediates() {
    for (size_t l = 0; l < st_.A.size(); ++l) {
      if (l > 0) {
        st_.A[l] = rounded(st_.A[l], m_.digits);
        st_.Z[l] = rounded(st_.Z[l], m_.digits);
        st_.dZ[l] = rounded(st_.dZ[l], m_.digits);
        st_.dW[l] = rounded(st_.dW[l], m_.digits);
        st_.db[l] = rounded(st_.db[l], m_.digits);
      }
      st_.dA[l] = rounded(st_.dA[l], m_.digits);
    }
  }

  bool phase(int p, bool is_target) {
    if (is(MistakeId::RoundedEarly, p)) round_intermediates();
    const Phase ph = s_.phase_at(p);
    switch (ph.kind) {
      case Phase::Forward:
        return forward(p, ph.layer, is_target);
      case Phase::Loss:
        return loss(p);
      case Phase::Backward:
        return backward(p, ph.layer, is_target);
      case Phase::Update:
        return update(p);
    }
    return false;
  }

  bool forward(int p, int l, bool is_target) {
    const Activation g = s_.spec().activations[static_cast<size_t>(l - 1)];
    forward_layer(st_.W[l], st_.b[l], g, st_.A[l - 1], st_.Z[l], st_.A[l]);
    if (is(MistakeId::Transpose, p)) {
      if (st_.W[l].rows() != st_.W[l].cols()) return !is_target;
      st_.Z[l] = st_.W[l].transpose() * st_.A[l - 1];
      st_.Z[l].colwise() += st_.b[l].col(0);
      st_.A[l] = activate(g, st_.Z[l]);
    }
    if (is(MistakeId::Precedence, p)) {
      if (g != Activation::Sigmoid) return !is_target;
      st_.A[l] = (1.0 + (-st_.Z[l].array()).exp()).matrix();
    }
    return true;
  }

  bool loss(int p) {
    const Loss loss = s_.spec().loss;
    const int L = s_.L();
    Eigen::RowVectorXd per = loss_per_example(loss, st_.Z[L], st_.A[L], st_.Y);
    st_.dA[L] = loss_dA(loss, st_.Z[L], st_.A[L], st_.Y);
    st_.loss = per.mean();
    if (is(MistakeId::MseFactor, p)) {
      if (loss != Loss::Mse) return false;
      const double f = m_.variant == 0 ? 2.0 : 0.5;
      st_.loss *= f;
      st_.dA[L] *= f;
    }
    if (is(MistakeId::MissingMean, p)) {
      if (m() < 2) return false;
      if (m_.variant == 0)
        st_.loss = per.sum();
      else
        st_.dA[L] /= m();
    }
    if (is(MistakeId::Sign, p)) {
      st_.dA[L] = -st_.dA[L];
      sign_flipped_ = true;
    }
    return true;
  }

  bool backward(int p, int l, bool is_target) {
    const int L = s_.L();
    const Activation g = s_.spec().activations[static_cast<size_t>(l - 1)];
    const Matrix& dA = st_.dA[l];
    Matrix gprime = activation_prime(g, st_.Z[l], st_.A[l]);
    if (is(MistakeId::DerivativeAtActivation, p)) {
      if (g == Activation::Softmax) return !is_target;
      gprime = activation_prime(g, st_.A[l], activate(g, st_.A[l]));
    }
    if (is(MistakeId::RoundedEarly, p)) gprime = rounded(gprime, m_.digits);
    Matrix& dZ = st_.dZ[l];
    const bool fused = l == L && s_.fused_output();
    const bool mistaken_dZ =
        is(MistakeId::NoActivationDerivative, p) || is(MistakeId::DerivativeAtActivation, p);
    if (is(MistakeId::NoActivationDerivative, p)) {
      dZ = dA;
    } else if (fused && !mistaken_dZ) {
      dZ = sign_flipped_ ? Matrix(st_.Y - st_.A[L]) : Matrix(st_.A[L] - st_.Y);
      // A scaled dA[L] (1/2 or 1/m in the wrong place) scales the fused dZ too.
      if (is(MistakeId::MissingMean, L) && m_.variant == 1) dZ /= m();
    } else if (g == Activation::Softmax) {
      dZ = softmax_backward(st_.A[l], dA);
    } else {
      dZ = dA.cwiseProduct(gprime);
    }
    const Matrix& from = is(MistakeId::DAForDZ, p) ? dA : dZ;
    const Matrix& A_prev = st_.A[l - 1];
    st_.dW[l] = from * A_prev.transpose() / m();
    st_.db[l] = from.rowwise().sum() / m();
    if (is(MistakeId::MissingMean, p)) {
      if (m() < 2) return !is_target;
      const double f = m_.variant == 0 ? m() : 1.0 / m();
      st_.dW[l] *= f;
      st_.db[l] *= f;
    }
    if (is(MistakeId::BiasInput, p)) {
      if (m_.variant >= A_prev.rows()) return !is_target;
      st_.db[l] = (from.array().rowwise() * A_prev.row(m_.variant).array()).rowwise().sum() / m();
    }
    Matrix Wb = st_.W[l];
    if (is(MistakeId::UpdatedWeightsInBackprop, p)) {
      if (s_.spec().optimizer.type != OptimizerType::Sgd) return !is_target;
      Wb -= s_.spec().optimizer.learning_rate * st_.dW[l];
    }
    if (is(MistakeId::Transpose, p)) {
      if (Wb.rows() != Wb.cols()) return !is_target;
      st_.dA[l - 1] = Wb * dZ;
    } else if (is(MistakeId::MissingForkSum, p)) {
      if (m_.variant >= Wb.rows() || Wb.rows() < 2) return !is_target;
      st_.dA[l - 1] = Wb.row(m_.variant).transpose() * dZ.row(m_.variant);
    } else {
      st_.dA[l - 1] = Wb.transpose() * dZ;
    }
    return true;
  }

  bool update(int p) {
    const OptimizerSpec& o = s_.spec().optimizer;
    OptimizerClock clock = st_.clock;
    tick(o, clock);
    const bool lr_mistake = is(MistakeId::LearningRate, p);
    if (lr_mistake && (o.type != OptimizerType::Sgd || o.learning_rate == 1.0)) return false;
    OptimizerSpec used = o;
    if (lr_mistake) used.learning_rate = m_.variant == 0 ? 1.0 : o.learning_rate * o.learning_rate;
    for (size_t l = 1; l < st_.W.size(); ++l) {
      const Matrix W0 = st_.W[l], b0 = st_.b[l];
      update_layer(used, clock, st_.W[l], st_.b[l], st_.dW[l], st_.db[l], st_.opt[l],
                   s_.spec().update_biases);
      if (is(MistakeId::UpdateSign, p)) {
        st_.W[l] = 2 * W0 - st_.W[l];
        st_.b[l] = 2 * b0 - st_.b[l];
      }
    }
    return true;
  }

  std::optional<double> read(const QuantityRef& q) const {
    const int l = q.layer;
    const Matrix* M = nullptr;
    switch (q.kind) {
      case QuantityKind::Loss:
        return st_.loss;
      case QuantityKind::Z:
        M = &st_.Z[l];
        break;
      case QuantityKind::A:
        M = &st_.A[l];
        break;
      case QuantityKind::dA:
        M = &st_.dA[l];
        break;
      case QuantityKind::dZ:
        M = &st_.dZ[l];
        break;
      case QuantityKind::dW:
        M = &st_.dW[l];
        break;
      case QuantityKind::db:
        M = &st_.db[l];
        break;
      case QuantityKind::W:
        M = &st_.W[l];
        break;
      case QuantityKind::b:
        M = &st_.b[l];
        break;
    }
    if (!M || q.row >= M->rows() || q.col >= M->cols()) return std::nullopt;
    return (*M)(q.row, q.col);
  }

  const Session& s_;
  Mistake m_;
  State st_;
  bool sign_flipped_ = false;
};

}  // namespace

std::optional<double> replay_with_mistake(const PracticeFrames& f, const QuantityRef& q,
                                          const Mistake& m) {
  if (m.phase != producing_phase(f.before, q) && step_work(f.before) > kMaxReplayWork)
    return std::nullopt;
  return Replay(f, m).run(f, q);
}

}  // namespace bpx
