// Checks a learner's answer for one entry of a quantity against the live session: correct to
// the digits typed, and when wrong, the known mistake that reproduces it. The CLI's bpx check,
// the wasm module and the page all call check_answer.
#pragma once
#include <optional>
#include <string>

#include "core/practice_diagnose.hpp"

namespace bpx {

struct CheckResult {
  bool correct = false;
  double expected = 0;
  double answer = 0;
  int digits = 0;
  std::optional<Diagnosis> diagnosis;  // only when wrong
  Derivation derivation;               // the three hint levels of this entry
};

// The quantity as the session computes it next (see practice_frames). Errors name "answer"
// (with the column), "quantity", "layer" or "entry".
Result<CheckResult> check_answer(const Session& s, const QuantityRef& q,
                                 const std::string& answer_text);
Result<CheckResult> check_answer(const PracticeFrames& f, const QuantityRef& q,
                                 const std::string& answer_text);

// The exact value of q's entry, as the session computes it next.
double expected_value(const PracticeFrames& f, const QuantityRef& q);

// {"correct", "expected", "answer", "digits", "diagnosis": {"id", "message"} | null}
std::string check_json(const CheckResult& r);

}  // namespace bpx
