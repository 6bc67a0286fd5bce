// Names the known mistake that reproduces a wrong answer: every form of every mistake of the
// catalogue is replayed on the live session's matrices, in the catalogue's order, first in the
// phase that computes the quantity, then in every phase, then in each earlier phase alone.
#pragma once
#include <optional>
#include <string>

#include "core/answer_parse.hpp"
#include "core/practice_hint.hpp"

namespace bpx {

// Fewer significant digits than this match too many mistakes by chance: none is named.
constexpr int kMinDiagnosisDigits = 2;

struct Diagnosis {
  std::string id;       // a catalogue key, or "unknown"
  std::string message;  // quotes the learner's number
  double value = 0;     // what the mistake gives (NaN for "unknown")
  int phase = -1;       // where it was made (-1: every phase or unknown)
};

// answer_text is the text typed (quoted in the message); the answer is wrong for expected.
Diagnosis diagnose(const PracticeFrames& f, const QuantityRef& q, const ParsedAnswer& answer,
                   const std::string& answer_text, double expected, const Derivation& d);

}  // namespace bpx
