#include "bindings/cli/code_commands.hpp"

#include <iostream>
#include <string>

#include "core/codegen_json.hpp"
#include "core/codegen_script.hpp"
#include "core/spec.hpp"
#include "core/trace.hpp"

namespace bpx::cli {
namespace {

int run_code(const Args& a) {
  std::string text, error;
  const std::string& path = a.positional[0];
  if (!read_text(path, text, error)) return fail(error);
  auto spec = bpx::parse_spec(text);
  if (!spec) return fail(path + ": " + spec.error().text());
  const std::string lang_name = option(a, "--lang", "numpy");
  auto lang = bpx::code_lang_from_name(lang_name);
  if (!lang) return fail("--lang: expected numpy or pytorch, got \"" + lang_name + "\"");
  if (has_option(a, "--lines")) {
    if (has_option(a, "--steps")) return fail("--steps does not apply with --lines");
    auto lines = bpx::step_code_json(*lang, spec.value());
    if (!lines) return fail(path + ": " + lines.error().text());
    std::cout << bpx::dump_readable(lines.value()) << "\n";
    return kExitOk;
  }
  long steps = 0;
  if (!int_option(a, "--steps", 1, bpx::kMaxCodeSteps, 1, steps, error)) return fail(error);
  auto script = bpx::code_script(*lang, spec.value(), steps);
  if (!script) return fail("--" + script.error().text());
  std::cout << script.value();
  return kExitOk;
}

}  // namespace

std::vector<Command> code_commands() {
  return {
      {"code",
       R"(  bpx code SPEC.json [--lang numpy|pytorch] [--steps N] [--lines]
      A runnable Python script (default NumPy; PyTorch float64 with autograd and
      torch.optim) that builds the network with its exact initial parameters and data,
      runs N steps (default 1, at most 1000) and prints every quantity of the trace,
      one per line: STEP NAME LAYER ROWS COLS VALUES... With --lines: each phase's
      lines as JSON (text, quantity, layer, shape, notes on the slips of that line).
)",
       {{"--lang", true}, {"--steps", true}, {"--lines", false}},
       1,
       run_code},
  };
}

}  // namespace bpx::cli
