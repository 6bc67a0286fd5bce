// bpx circuit FILE [--set name=value,...] [--output NAME] [--format json|dot|md] [--expanded]
// Bad programs exit 2 with "FILE:line:column: message".
#include "bindings/cli/circuit_commands.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <string>

#include "core/circuit_format.hpp"
#include "core/circuit_graph.hpp"
#include "core/trace.hpp"

namespace bpx::cli {
namespace {

// "x=-2,y=5,w[0]=2" into options.set; false with a message on a malformed entry.
bool parse_set(const std::string& text, bpx::circuit::CircuitOptions& o, std::string& error) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string entry = text.substr(start, comma - start);
    start = comma + 1;
    std::size_t eq = entry.find('=');
    if (eq == std::string::npos || eq == 0) {
      error = "--set: expected name=value, got \"" + entry + "\"";
      return false;
    }
    std::string value = entry.substr(eq + 1);
    char* end = nullptr;
    errno = 0;
    double x = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(x)) {
      error = "--set: " + entry.substr(0, eq) + ": expected a finite number, got \"" + value + "\"";
      return false;
    }
    o.set.emplace_back(entry.substr(0, eq), x);
  }
  return true;
}

int run_circuit(const Args& a) {
  std::string text, error;
  const std::string& path = a.positional[0];
  if (!read_text(path, text, error)) return fail(error);
  bpx::circuit::CircuitOptions o;
  if (has_option(a, "--set") && !parse_set(option(a, "--set", ""), o, error)) return fail(error);
  o.output = option(a, "--output", "");
  o.expanded = has_option(a, "--expanded");
  std::string format = option(a, "--format", "json");
  if (format != "json" && format != "dot" && format != "md")
    return fail("--format: expected json, dot or md, got \"" + format + "\"");
  auto c = bpx::circuit::circuit_from_text(text, o);
  if (!c) {
    const auto& e = c.error;
    if (e.line == 0) return fail(e.message);
    return fail(path + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " +
                e.text());
  }
  if (format == "dot")
    std::cout << bpx::circuit::circuit_dot(*c.value);
  else if (format == "md")
    std::cout << bpx::circuit::circuit_markdown(*c.value);
  else
    std::cout << bpx::dump_readable(bpx::circuit::circuit_json(*c.value)) << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> circuit_commands() {
  return {
      {"circuit",
       R"(  bpx circuit FILE [--set name=value,...] [--output NAME] [--format json|dot|md]
                    [--expanded]
      A program of scalar operations (lines name = expression, or one expression)
      as a graph of gates: value, local gradients and gradient of every gate, and each
      input's gradient beside a central finite difference. --set gives inputs values
      (x=1,w[0]=2); --output picks the name differentiated (default: the last one
      assigned); --expanded draws sigmoid and tanh as their elementary gates; md is a
      worked example of the forward and backward pass.
)",
       {{"--set", true}, {"--output", true}, {"--format", true}, {"--expanded", false}},
       1,
       run_circuit},
  };
}

}  // namespace bpx::cli
