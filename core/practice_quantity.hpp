// What a practice question asks for: one entry of Z[l], A[l], the loss, dA[l], dZ[l], dW[l],
// db[l], or W[l] / b[l] after the update, in the README's notation (examples are columns,
// entries are 0-based (row, column)). And the two frames a check needs: the session just
// before the phase that computes the quantity, and just after it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"

namespace bpx {

enum class QuantityKind { Z, A, Loss, dA, dZ, dW, db, W, b };

struct QuantityRef {
  QuantityKind kind = QuantityKind::Z;
  int layer = 0;  // unused for the loss
  int row = 0;
  int col = 0;
  std::string name() const;   // "dZ[2]", "loss"
  std::string entry() const;  // "dZ[2](0,1)", "loss"
};

std::string quantity_symbol(QuantityKind k);  // "dZ"

// "dZ[2]", "W[1]", "loss" (spaces allowed); the error names "quantity".
Result<QuantityRef> parse_quantity(const std::string& text);

// Checks the layer and the entry against the session's shapes; errors name "layer" or "entry".
std::optional<Error> check_quantity(const Session& s, const QuantityRef& q);

// Index within a step of the phase that computes q (dA[L] comes from the loss phase,
// dA[l] for l < L from backward l+1, W and b from the update).
int producing_phase(const Session& s, const QuantityRef& q);

// The quantities phase `index` of a step computes, in the order a learner works them out
// (forward l: Z[l], A[l]; loss: loss, dA[L]; backward l: dZ[l], dW[l], db[l], dA[l-1] for
// l > 1; update: W[l] and b[l] of every layer, b only when the spec updates biases).
std::vector<QuantityRef> phase_quantities(const Session& s, int index);

// The matrix of q in a session (the loss as a 1 x 1 matrix).
Matrix quantity_matrix(const Session& s, const QuantityRef& q);

struct PracticeFrames {
  Session before;  // the next phase to run computes q
  Session after;   // that phase has run
};

// Copies s and runs it forward to the next time the phase that computes q is about to run:
// a question about Z[1] asked at the start of a step is about this step's Z[1].
PracticeFrames practice_frames(const Session& s, const QuantityRef& q);

// The frames for step `step` (1-based) of a fresh session.
PracticeFrames practice_frames_at_step(const Session& fresh, const QuantityRef& q, long step);

}  // namespace bpx
