// embind for practice on circuits: the program (with the view's options) and one question,
// {"node", "asked": "value" | "wire" | "grad", "slot", "answer"}, in; the check out as JSON
// {"correct", "expected", "answer", "digits", "diagnosis": {"id", "message"} | null, "rule"}.
// Errors are values (kErrorMark + {"code", "path", "message"}), as in circuit_wasm.cpp.
#include <emscripten/bind.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/circuit_graph.hpp"
#include "core/circuit_practice.hpp"

namespace {

using json = nlohmann::ordered_json;

constexpr char kErrorMark = '\x01';
constexpr std::size_t kMaxJsonBytes = 100000;  // the wrapper's options and question JSON

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_text(const std::string& code, const std::string& path,
                       const std::string& message) {
  return kErrorMark + dump(json{{"code", code}, {"path", path}, {"message", message}});
}

json object_or_null(const std::string& text) {
  if (text.size() > kMaxJsonBytes) return nullptr;
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() || !j.is_object() ? json(nullptr) : j;
}

std::string circuitCheck(const std::string& program, const std::string& options_json,
                         const std::string& question_json) {
  json o = object_or_null(options_json), q = object_or_null(question_json);
  if (o.is_null()) return error_text("INVALID_ARGUMENT", "options", "options: expected an object");
  if (q.is_null())
    return error_text("INVALID_ARGUMENT", "question", "question: expected an object");
  bpx::circuit::CircuitOptions options;
  if (o.contains("set") && o["set"].is_object())
    for (const auto& [name, value] : o["set"].items())
      if (value.is_number() && std::isfinite(value.get<double>()))
        options.set.emplace_back(name, value.get<double>());
  if (o.contains("output") && o["output"].is_string()) options.output = o["output"];
  if (o.contains("expanded") && o["expanded"].is_boolean()) options.expanded = o["expanded"];
  auto c = bpx::circuit::circuit_from_text(program, options);
  if (!c) return error_text("INVALID_PROGRAM", "program", c.error.text());

  bpx::circuit::CircuitQuestion question;
  if (!q.contains("node") || !q["node"].is_string())
    return error_text("INVALID_ARGUMENT", "node", "node: expected a node id");
  question.node = q["node"];
  const std::string asked = q.value("asked", std::string("value"));
  if (asked == "value")
    question.asked = bpx::circuit::Asked::Value;
  else if (asked == "wire")
    question.asked = bpx::circuit::Asked::Wire;
  else if (asked == "grad")
    question.asked = bpx::circuit::Asked::Grad;
  else
    return error_text("INVALID_ARGUMENT", "asked", "asked: expected value, wire or grad");
  if (q.contains("slot")) {
    if (!q["slot"].is_number_integer())
      return error_text("INVALID_ARGUMENT", "slot", "slot: expected an integer");
    question.slot = q["slot"].get<int>();
  }
  if (!q.contains("answer") || !q["answer"].is_string())
    return error_text("INVALID_ARGUMENT", "answer", "answer: expected the text typed");
  auto r = bpx::circuit::check_circuit_answer(*c.value, question, q["answer"]);
  if (!r) return error_text("INVALID_ARGUMENT", r.error().path, r.error().message);
  const auto& v = r.value();
  json out = {{"correct", v.correct}, {"expected", v.expected}, {"answer", v.answer},
              {"digits", v.digits},   {"diagnosis", nullptr},   {"rule", v.rule}};
  if (v.diagnosis) out["diagnosis"] = {{"id", v.diagnosis->id}, {"message", v.diagnosis->message}};
  return dump(out);
}

std::string circuitMistakes() {
  json all = json::array();
  for (const auto& m : bpx::circuit::circuit_mistakes())
    all.push_back({{"id", m.key}, {"summary", m.summary}});
  return dump(all);
}

}  // namespace

EMSCRIPTEN_BINDINGS(bpx_circuit_practice) {
  emscripten::function("circuitCheck", &circuitCheck);
  emscripten::function("circuitMistakes", &circuitMistakes);
}
