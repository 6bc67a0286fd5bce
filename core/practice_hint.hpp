// How one entry of a practice question is computed, at the three hint levels: the rule, the
// rule with this entry's numbers substituted, and the value. Plain Unicode text.
#pragma once
#include <string>
#include <vector>

#include "core/practice_quantity.hpp"

namespace bpx {

constexpr int kHintDigits = 4;    // significant digits of the numbers substituted in a hint
constexpr int kMaxHintTerms = 8;  // terms of a sum written out before "..."

struct Operand {
  std::string label;  // "A[1](0,0)"
  double value = 0;
};

struct Derivation {
  std::string rule;               // level 1: "dZ[2] = dA[2] ⊙ g′(Z[2])"
  std::string substituted;        // level 2: "dZ[2](0,0) = −1.227 × 0.1936"
  std::string value;              // level 3: "dZ[2](0,0) = −0.237571"
  std::vector<Operand> operands;  // the numbers of level 2, in order (all of a sum's terms)
};

Derivation derive(const PracticeFrames& f, const QuantityRef& q);

// level 1, 2 or 3 (clamped).
std::string hint_text(const Derivation& d, int level);

// A number in plain text with the given significant digits, with a true minus sign.
std::string format_number(double x, int digits);

}  // namespace bpx
