// The pieces every bpx subcommand shares: parsed arguments, option readers, exit codes,
// and the Command record that main.cpp's table lists (one file per command family).
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace bpx::cli {

constexpr int kExitOk = 0;
constexpr int kExitWrong = 1;  // a check that ran and said no (bpx check)
constexpr int kExitBadInput = 2;
constexpr int kExitDiverged = 3;

struct Args {
  std::string command;
  std::vector<std::string> positional;         // after the command name
  std::map<std::string, std::string> options;  // --name value, or --flag with ""
};

// One subcommand. `options` lists its options (true: takes a value); `positional` is how
// many plain arguments it takes; `usage` is its paragraph of `bpx --help`.
struct Command {
  const char* name;
  const char* usage;
  std::vector<std::pair<const char*, bool>> options;
  int positional;
  int (*run)(const Args&);
};

// Prints "bpx: message" on stderr and returns kExitBadInput.
int fail(const std::string& message);

// Reads a file (or standard input for "-") into out.
bool read_text(const std::string& path, std::string& out, std::string& error);

// An integer option in [lo, hi], or the fallback when absent.
bool int_option(const Args& a, const std::string& name, long lo, long hi, long fallback, long& out,
                std::string& error);

// A string option, or the fallback when absent.
std::string option(const Args& a, const std::string& name, const std::string& fallback);

bool has_option(const Args& a, const std::string& name);

}  // namespace bpx::cli
