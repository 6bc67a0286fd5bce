// embind for circuit mode: a program of scalar operations in, the gate graph out as JSON
// text. Errors are values (kErrorMark + {"code", "path", "message", "line", "column"}), as
// in wasm_errors.hpp; the JS wrapper (engine.js, circuit block) throws them as BpxError.
#include <emscripten/bind.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "core/circuit_format.hpp"
#include "core/circuit_graph.hpp"
#include "core/circuit_parse.hpp"
#include "core/circuit_presets.hpp"

namespace {

using json = nlohmann::ordered_json;

constexpr char kErrorMark = '\x01';
constexpr std::size_t kMaxOptionsBytes = 100000;  // the wrapper's options JSON

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_text(const std::string& code, const std::string& path, const std::string& message,
                       int line = 0, int column = 0) {
  return kErrorMark + dump(json{{"code", code},
                                {"path", path},
                                {"message", message},
                                {"line", line},
                                {"column", column}});
}

// options_json: {"set": {name: number}, "output": string, "expanded": bool}, written by
// the wrapper; checked again here so that a raw call cannot crash the module.
std::string circuitJson(const std::string& program, const std::string& options_json) {
  if (options_json.size() > kMaxOptionsBytes)
    return error_text("INVALID_ARGUMENT", "options", "options: too large");
  json o = json::parse(options_json, nullptr, false);
  if (o.is_discarded() || !o.is_object())
    return error_text("INVALID_ARGUMENT", "options", "options: expected a JSON object");
  bpx::circuit::CircuitOptions options;
  if (o.contains("set")) {
    if (!o["set"].is_object())
      return error_text("INVALID_ARGUMENT", "set", "set: expected an object of numbers");
    for (const auto& [name, value] : o["set"].items()) {
      if (!value.is_number() || !std::isfinite(value.get<double>()))
        return error_text("INVALID_ARGUMENT", "set." + name,
                          "set." + name + ": expected a finite number");
      options.set.emplace_back(name, value.get<double>());
    }
  }
  if (o.contains("output") && o["output"].is_string()) options.output = o["output"];
  if (o.contains("expanded") && o["expanded"].is_boolean()) options.expanded = o["expanded"];
  auto c = bpx::circuit::circuit_from_text(program, options);
  if (!c) {
    const auto& e = c.error;
    if (e.line == 0) {  // about an option: --set / --output, named set / output here
      std::string message = e.message.rfind("--", 0) == 0 ? e.message.substr(2) : e.message;
      std::string path = message.substr(0, message.find(':'));
      return error_text("INVALID_ARGUMENT", path, message);
    }
    return error_text("INVALID_PROGRAM",
                      "line " + std::to_string(e.line) + ", column " + std::to_string(e.column),
                      e.text(), e.line, e.column);
  }
  return dump(bpx::circuit::circuit_json(*c.value));
}

// The presets, the functions of the language and its limits.
std::string circuitCatalogue() {
  json presets = json::array();
  for (const auto& p : bpx::circuit::circuit_presets())
    presets.push_back({{"id", p.id},
                       {"title", p.title},
                       {"program", p.program},
                       {"expanded", p.expanded},
                       {"compare", p.compare},
                       {"about", p.about}});
  json functions = json::array();
  for (const auto& f : bpx::circuit::functions())
    functions.push_back({{"name", f.name}, {"arity", f.arity}});
  namespace c = bpx::circuit;
  json limits = {{"programBytes", c::kMaxProgramBytes},
                 {"lines", c::kMaxLines},
                 {"lineLength", c::kMaxLineLength},
                 {"nesting", c::kMaxNesting},
                 {"nodes", c::kMaxNodes},
                 {"arrayLength", c::kMaxArrayLength},
                 {"nameLength", c::kMaxNameLength}};
  return dump(json{{"presets", presets}, {"functions", functions}, {"limits", limits}});
}

}  // namespace

EMSCRIPTEN_BINDINGS(bpx_circuit) {
  emscripten::function("circuitJson", &circuitJson);
  emscripten::function("circuitCatalogue", &circuitCatalogue);
}
