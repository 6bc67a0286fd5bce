#include "core/optimizer.hpp"

namespace bpx {

void zero_slots(OptimizerSlots& s, const Matrix& W, const Matrix& b) {
  s.mW = Matrix::Zero(W.rows(), W.cols());
  s.vW = Matrix::Zero(W.rows(), W.cols());
  s.mb = Matrix::Zero(b.rows(), 1);
  s.vb = Matrix::Zero(b.rows(), 1);
}

void tick(const OptimizerSpec& o, OptimizerClock& clock) {
  clock.t += 1;
  clock.beta1_pow *= o.beta1;
  clock.beta2_pow *= o.beta2;
}

namespace {

void update_one(const OptimizerSpec& o, const OptimizerClock& clock, Matrix& P, const Matrix& g,
                Matrix& m, Matrix& v) {
  switch (o.type) {
    case OptimizerType::Sgd:
      P -= o.learning_rate * g;
      break;
    case OptimizerType::Momentum:
      m = o.momentum * m + g;
      P -= o.learning_rate * m;
      break;
    case OptimizerType::Adam: {
      m = o.beta1 * m + (1.0 - o.beta1) * g;
      v = o.beta2 * v + (1.0 - o.beta2) * g.cwiseProduct(g);
      const double c1 = 1.0 - clock.beta1_pow, c2 = 1.0 - clock.beta2_pow;
      P.array() -= o.learning_rate * (m.array() / c1) / ((v.array() / c2).sqrt() + o.epsilon);
      break;
    }
  }
}

}  // namespace

void update_layer(const OptimizerSpec& o, const OptimizerClock& clock, Matrix& W, Matrix& b,
                  const Matrix& dW, const Matrix& db, OptimizerSlots& s, bool update_b) {
  Matrix decayed;
  update_layer(o, clock, W, b, dW, db, s, update_b, decayed);
}

void update_layer(const OptimizerSpec& o, const OptimizerClock& clock, Matrix& W, Matrix& b,
                  const Matrix& dW, const Matrix& db, OptimizerSlots& s, bool update_b,
                  Matrix& decayed) {
  if (o.weight_decay != 0.0) {
    decayed = dW + o.weight_decay * W;
    update_one(o, clock, W, decayed, s.mW, s.vW);
  } else {
    update_one(o, clock, W, dW, s.mW, s.vW);
  }
  if (update_b) update_one(o, clock, b, db, s.mb, s.vb);
}

}  // namespace bpx
