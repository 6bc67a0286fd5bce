// Parameter updates: sgd, momentum and adam, with optional L2 weight decay on weights.
#pragma once
#include "core/spec.hpp"
#include "core/types.hpp"

namespace bpx {

// Per-layer optimizer memory: velocity (momentum) or first and second moments (adam).
struct OptimizerSlots {
  Matrix mW, mb, vW, vb;
};

struct OptimizerClock {
  long t = 0;              // adam's step count
  double beta1_pow = 1.0;  // beta1^t, kept by multiplication (no pow: same bits everywhere)
  double beta2_pow = 1.0;
};

void zero_slots(OptimizerSlots& s, const Matrix& W, const Matrix& b);

// Advances the clock once per step, before the layers are updated.
void tick(const OptimizerSpec& o, OptimizerClock& clock);

// sgd:      W <- W - lr (dW + wd W)
// momentum: v <- momentum v + g;  W <- W - lr v
// adam:     m <- b1 m + (1-b1) g;  v <- b2 v + (1-b2) g^2;  W <- W - lr m^ / (sqrt(v^) + eps)
// With update_b false, b and its slots stay as they are.
void update_layer(const OptimizerSpec& o, const OptimizerClock& clock, Matrix& W, Matrix& b,
                  const Matrix& dW, const Matrix& db, OptimizerSlots& s, bool update_b = true);
// The same with room for dW + wd W given (reused: no allocation once it has W's shape).
void update_layer(const OptimizerSpec& o, const OptimizerClock& clock, Matrix& W, Matrix& b,
                  const Matrix& dW, const Matrix& db, OptimizerSlots& s, bool update_b,
                  Matrix& decayed);

}  // namespace bpx
