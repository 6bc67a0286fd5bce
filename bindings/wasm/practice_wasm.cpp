// Practice mode across wasm: checks, hints and the questions of a phase for a session, and the
// seeded exercises and the catalogue of mistakes as free functions. Errors are values: the
// text \x01 + {"code", "path", "message"} of wasm_errors.hpp.
#include "bindings/wasm/practice_wasm.hpp"

#include <emscripten/bind.h>

#include <nlohmann/json.hpp>

#include "bindings/wasm/wasm_errors.hpp"
#include "core/answer_parse.hpp"
#include "core/practice_check.hpp"
#include "core/practice_exercise.hpp"
#include "core/practice_mistakes.hpp"

namespace bpx_wasm {
namespace {

std::string bad(const bpx::Error& e) { return error_text("INVALID_ARGUMENT", e.path, e.text()); }

json derivation_json(const bpx::Derivation& d) {
  return json::array({d.rule, d.substituted, d.value});
}

json quantity_json(const bpx::QuantityRef& q, const bpx::Session& s) {
  const bpx::Matrix M = bpx::quantity_matrix(s, q);
  json j = {{"quantity", bpx::quantity_symbol(q.kind)}, {"layer", q.layer}, {"name", q.name()}};
  if (q.kind == bpx::QuantityKind::Loss) {
    j["rows"] = 1;
    j["cols"] = 1;
  } else {
    j["rows"] = M.rows();
    j["cols"] = M.cols();
  }
  return j;
}

// Reads an integer field in [0, 100000]; absent means 0.
bool read_index(const json& r, const char* key, int& out, std::string& error) {
  if (!r.contains(key)) return true;
  const json& v = r[key];
  if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 100000) {
    error = bad(bpx::Error{key, "expected an integer between 0 and 100000"});
    return false;
  }
  out = v.get<int>();
  return true;
}

}  // namespace

std::string practice_request(const bpx::Session* s, const std::string& request_json) {
  if (!s) return error_text("DELETED", "", "no session is loaded");
  if (request_json.size() > 4096)
    return bad(bpx::Error{"", "the request is longer than 4096 bytes"});
  json r = json::parse(request_json, nullptr, false);
  if (r.is_discarded() || !r.is_object()) return bad(bpx::Error{"", "expected a JSON object"});
  const std::string op = r.contains("op") && r["op"].is_string() ? r["op"].get<std::string>() : "";
  if (op == "questions") {
    int phase = s->cursor();
    std::string error;
    if (r.contains("phase") && !read_index(r, "phase", phase, error)) return error;
    if (phase >= s->phases_per_step())
      return bad(bpx::Error{"phase", "expected an integer between 0 and " +
                                         std::to_string(s->phases_per_step() - 1)});
    // The shapes come from the frames of the phase, so the batch is this step's.
    json out = json::array();
    for (const auto& q : bpx::phase_quantities(*s, phase)) {
      auto f = bpx::practice_frames(*s, q);
      out.push_back(quantity_json(q, f.after));
    }
    return dump(out);
  }
  if (op != "check" && op != "derive")
    return bad(bpx::Error{"op", "expected check, derive or questions"});
  if (!r.contains("quantity") || !r["quantity"].is_string())
    return bad(bpx::Error{"quantity", "expected a string such as \"dZ[2]\""});
  auto q = bpx::parse_quantity(r["quantity"].get<std::string>());
  if (!q) return bad(q.error());
  std::string error;
  if (!read_index(r, "row", q.value().row, error) || !read_index(r, "col", q.value().col, error))
    return error;
  if (auto e = bpx::check_quantity(*s, q.value())) return bad(*e);
  auto frames = bpx::practice_frames(*s, q.value());
  if (auto e = bpx::check_quantity(frames.after, q.value())) return bad(*e);
  if (op == "derive") {
    const bpx::Derivation d = bpx::derive(frames, q.value());
    return dump(
        json{{"expected", bpx::expected_value(frames, q.value())}, {"hints", derivation_json(d)}});
  }
  if (!r.contains("answer") || !r["answer"].is_string())
    return bad(bpx::Error{"answer", "expected the answer as text"});
  auto checked = bpx::check_answer(frames, q.value(), r["answer"].get<std::string>());
  if (!checked) return bad(checked.error());
  const bpx::CheckResult& c = checked.value();
  json out = {{"correct", c.correct}, {"expected", c.expected},
              {"answer", c.answer},   {"digits", c.digits},
              {"diagnosis", nullptr}, {"hints", derivation_json(c.derivation)}};
  if (c.diagnosis) out["diagnosis"] = {{"id", c.diagnosis->id}, {"message", c.diagnosis->message}};
  return dump(out);
}

namespace {

std::string practiceExercise(double seed) {
  if (!(seed >= 0 && seed <= 9007199254740991.0 &&
        seed == static_cast<double>(static_cast<uint64_t>(seed))))
    return bad(bpx::Error{"seed", "expected an integer between 0 and 2^53 - 1"});
  const bpx::Exercise e = bpx::make_exercise(static_cast<uint64_t>(seed));
  return dump(json{{"seed", e.seed}, {"title", e.title}, {"spec", json::parse(e.spec_json)}});
}

std::string practiceCatalogue() {
  json mistakes = json::array();
  for (const auto& m : bpx::mistake_catalogue())
    mistakes.push_back({{"id", m.key}, {"summary", m.summary}});
  return dump(json{{"mistakes", mistakes},
                   {"limits",
                    {{"answerLength", bpx::kMaxAnswerLength},
                     {"answerNesting", bpx::kMaxAnswerNesting},
                     {"answerDigits", bpx::kMaxAnswerDigits}}}});
}

}  // namespace
}  // namespace bpx_wasm

EMSCRIPTEN_BINDINGS(bpx_practice) {
  emscripten::function("practiceExercise", &bpx_wasm::practiceExercise);
  emscripten::function("practiceCatalogue", &bpx_wasm::practiceCatalogue);
}
