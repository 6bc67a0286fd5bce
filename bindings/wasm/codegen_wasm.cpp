// embind for the code view: the NumPy / PyTorch lines of one phase and the exported
// scripts, from a spec (the JS wrapper passes the session's spec and batch size and attaches
// the session's values). Same conventions as wasm_errors.hpp: nothing throws into
// JavaScript; an error is the text "\x01" + {"code", "path", "message"}.
#include <emscripten/bind.h>

#include <nlohmann/json.hpp>
#include <string>

#include "bindings/wasm/wasm_errors.hpp"
#include "core/catalog.hpp"
#include "core/codegen_json.hpp"
#include "core/codegen_script.hpp"
#include "core/spec.hpp"

namespace {

using bpx_wasm::error_text;
using json = nlohmann::ordered_json;

// The lines of phase `phase_index` (0 .. 2L+1, the session's order) for a batch of m.
std::string codeLines(const std::string& spec_json, const std::string& lang_name, int phase_index,
                      int m, bool minibatch) {
  auto spec = bpx::parse_spec(spec_json);
  if (!spec) return error_text("INVALID_SPEC", spec.error());
  auto lang = bpx::code_lang_from_name(lang_name);
  if (!lang)
    return error_text("INVALID_ARGUMENT",
                      {"lang", "expected numpy or pytorch, got \"" + lang_name + "\""});
  const int phases = static_cast<int>(bpx::phase_list(spec.value().L()).size());
  if (phase_index < 0 || phase_index >= phases)
    return error_text("INVALID_ARGUMENT",
                      {"phase", "expected an integer between 0 and " + std::to_string(phases - 1)});
  if (m < 1 || m > bpx::kMaxExamples)
    return error_text("INVALID_ARGUMENT", {"m", "expected an integer between 1 and " +
                                                    std::to_string(bpx::kMaxExamples)});
  const bpx::Phase p = bpx::phase_at(spec.value().L(), phase_index);
  auto lines = bpx::phase_lines(*lang, spec.value(), p, m, minibatch);
  return json{{"phase", bpx::phase_json(p)}, {"lines", bpx::code_lines_json(lines)}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::string codeScript(const std::string& spec_json, const std::string& lang_name, int steps) {
  auto spec = bpx::parse_spec(spec_json);
  if (!spec) return error_text("INVALID_SPEC", spec.error());
  auto lang = bpx::code_lang_from_name(lang_name);
  if (!lang)
    return error_text("INVALID_ARGUMENT",
                      {"lang", "expected numpy or pytorch, got \"" + lang_name + "\""});
  auto script = bpx::code_script(*lang, spec.value(), steps);
  if (!script) return error_text("INVALID_ARGUMENT", script.error());
  return script.value();
}

int codeMaxSteps() { return static_cast<int>(bpx::kMaxCodeSteps); }

}  // namespace

EMSCRIPTEN_BINDINGS(bpx_codegen) {
  emscripten::function("codeLines", &codeLines);
  emscripten::function("codeScript", &codeScript);
  emscripten::function("codeMaxSteps", &codeMaxSteps);
}
