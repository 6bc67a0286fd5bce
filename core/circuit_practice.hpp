// Practice on circuits: the learner predicts a gate's value (forward), the gradient a gate
// passes down one of its wires (backward), or a node's whole gradient; the check says whether
// the answer is right to the digits typed (core/answer_parse.hpp, as for networks) and, when
// it is wrong, names the known circuit mistake that reproduces it, with this gate's numbers.
// The upstream gradients are taken as known (the learner works gate by gate, backwards).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/circuit_graph.hpp"
#include "core/practice_diagnose.hpp"
#include "core/status.hpp"

namespace bpx::circuit {

enum class Asked {
  Value,  // the node's value
  Wire,   // the gradient gate `node` passes to its input `slot`: grad(node) x local[slot]
  Grad,   // the node's gradient d output / d node (the sum over its wires)
};

struct CircuitQuestion {
  std::string node;  // a node id ("n3")
  Asked asked = Asked::Value;
  int slot = 0;  // for Wire
};

struct CircuitCheck {
  bool correct = false;
  double expected = 0;
  double answer = 0;
  int digits = 0;
  std::optional<Diagnosis> diagnosis;  // only when wrong; Diagnosis::phase is unused (-1)
  std::string rule;                    // the rule with this gate's numbers
};

struct CircuitMistakeInfo {
  const char* key;
  const char* summary;
};

// The mistakes a circuit check can name, in the order it tries them.
const std::vector<CircuitMistakeInfo>& circuit_mistakes();

// Errors name "node", "slot" or "answer" (with the column).
Result<CircuitCheck> check_circuit_answer(const Circuit& c, const CircuitQuestion& q,
                                          const std::string& answer_text);

}  // namespace bpx::circuit
