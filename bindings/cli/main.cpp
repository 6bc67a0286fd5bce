// bpx: the native command-line tool. Each command family lives in its own file and is
// listed in kFamilies below; this file only parses arguments and dispatches.
// Bad input: a message naming the field on stderr, exit status 2.
#include <iostream>
#include <string>
#include <vector>

#include "bindings/cli/catalog_commands.hpp"
#include "bindings/cli/cli.hpp"
#include "bindings/cli/code_commands.hpp"
#include "bindings/cli/practice_commands.hpp"
#include "bindings/cli/spec_commands.hpp"

namespace {

using bpx::cli::Args;
using bpx::cli::Command;

const std::vector<Command>& commands() {
  static const std::vector<Command> all = [] {
    std::vector<Command> out;
    for (auto family : {bpx::cli::spec_commands, bpx::cli::catalog_commands,
                        bpx::cli::practice_commands, bpx::cli::code_commands}) {
      auto more = family();
      out.insert(out.end(), more.begin(), more.end());
    }
    return out;
  }();
  return all;
}

void print_usage() {
  std::cout << "bpx: backpropagation, exactly, from a JSON spec\n\nUsage:\n";
  for (const auto& c : commands()) std::cout << c.usage;
  std::cout << R"(
SPEC.json (and any other input file) may be - for standard input.
Exit status: 0 success, 1 a check answered "wrong" (bpx check), 2 bad input (the
message names the field), 3 the values diverged (NaN or infinity; the message says where).
)";
}

// Splits argv by the command's own option table; options of other commands are errors.
bool parse_args(const Command& c, int argc, char** argv, Args& a, std::string& error) {
  a.command = c.name;
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    if (s.size() > 2 && s.rfind("--", 0) == 0) {
      const std::pair<const char*, bool>* found = nullptr;
      for (const auto& o : c.options)
        if (s == o.first) found = &o;
      if (!found) {
        error = s + " does not apply to bpx " + a.command + " (see bpx --help)";
        return false;
      }
      if (found->second) {
        if (i + 1 >= argc) {
          error = s + " needs a value";
          return false;
        }
        a.options[s] = argv[++i];
      } else {
        a.options[s] = "";
      }
    } else {
      a.positional.push_back(s);
    }
  }
  if (static_cast<int>(a.positional.size()) != c.positional) {
    error = "bpx " + a.command + " expects " + std::to_string(c.positional) +
            (c.positional == 1 ? " file" : " files") + " (see bpx --help)";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string first = argc >= 2 ? argv[1] : "";
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage();
    return bpx::cli::kExitOk;
  }
  if (first.empty()) return bpx::cli::fail("expected a command (see bpx --help)");
  for (const auto& c : commands()) {
    if (first != c.name) continue;
    Args a;
    std::string error;
    if (!parse_args(c, argc, argv, a, error)) return bpx::cli::fail(error);
    return c.run(a);
  }
  return bpx::cli::fail("unknown command \"" + first + "\" (see bpx --help)");
}
