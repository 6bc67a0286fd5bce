// Recomputes the current step of a practice question with one known mistake made, using the
// engine's own layer functions except for the one piece the mistake changes, so that the
// diagnosis can say which mistake reproduces a learner's number.
#pragma once
#include <optional>

#include "core/practice_mistakes.hpp"
#include "core/practice_quantity.hpp"

namespace bpx {

// Bound on the work of a whole-step replay (multiply-adds of one step); larger networks are
// diagnosed only by mistakes made in the phase that computes the quantity.
constexpr double kMaxReplayWork = 2e5;

double step_work(const Session& s);

// q's entry when the step is computed with mistake m (m.phase = -1: in every phase; else only
// in that phase). nullopt when the mistake does not apply (for example, a transposed W that is
// not square, or precedence in a layer that is not sigmoid).
std::optional<double> replay_with_mistake(const PracticeFrames& f, const QuantityRef& q,
                                          const Mistake& m);

// Rounds x to the given number of significant digits (the learner's rounding).
double round_significant(double x, int digits);

}  // namespace bpx
