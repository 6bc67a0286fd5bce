#include "core/practice_check.hpp"

#include <nlohmann/json.hpp>

namespace bpx {

double expected_value(const PracticeFrames& f, const QuantityRef& q) {
  const Matrix M = quantity_matrix(f.after, q);
  return q.kind == QuantityKind::Loss ? M(0, 0) : M(q.row, q.col);
}

Result<CheckResult> check_answer(const PracticeFrames& f, const QuantityRef& q,
                                 const std::string& answer_text) {
  if (auto e = check_quantity(f.before, q)) return *e;
  auto parsed = parse_answer(answer_text);
  if (!parsed) return parsed.error();
  const ParsedAnswer& a = parsed.value();
  CheckResult r;
  r.expected = expected_value(f, q);
  r.answer = a.value;
  r.digits = a.digits;
  r.correct = answer_agrees(a, r.expected);
  r.derivation = derive(f, q);
  if (!r.correct) r.diagnosis = diagnose(f, q, a, answer_text, r.expected, r.derivation);
  return r;
}

Result<CheckResult> check_answer(const Session& s, const QuantityRef& q,
                                 const std::string& answer_text) {
  if (auto e = check_quantity(s, q)) return *e;
  return check_answer(practice_frames(s, q), q, answer_text);
}

std::string check_json(const CheckResult& r) {
  nlohmann::json j;
  j["correct"] = r.correct;
  j["expected"] = r.expected;
  j["answer"] = r.answer;
  j["digits"] = r.digits;
  if (r.diagnosis)
    j["diagnosis"] = {{"id", r.diagnosis->id}, {"message", r.diagnosis->message}};
  else
    j["diagnosis"] = nullptr;
  return j.dump();
}

}  // namespace bpx
