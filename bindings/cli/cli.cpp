#include "bindings/cli/cli.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/spec.hpp"

namespace bpx::cli {

int fail(const std::string& message) {
  std::cerr << "bpx: " << message << "\n";
  return kExitBadInput;
}

namespace {

// Reads at most limit + 1 bytes: enough to tell that a file (or /dev/zero) is too long
// without holding more of it.
bool read_bounded(std::istream& in, const std::string& name, size_t limit, std::string& out,
                  std::string& error) {
  out.clear();
  char buffer[65536];
  while (in) {
    in.read(buffer, sizeof buffer);
    out.append(buffer, static_cast<size_t>(in.gcount()));
    if (out.size() > limit) {
      out.clear();
      error = name + ": longer than " + std::to_string(limit) + " bytes; the limit for a spec is " +
              std::to_string(limit) + " bytes";
      return false;
    }
  }
  return true;
}

}  // namespace

bool read_text(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") return read_bounded(std::cin, "standard input", kMaxSpecBytes, out, error);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open the file";
    return false;
  }
  return read_bounded(in, path, kMaxSpecBytes, out, error);
}

bool int_option(const Args& a, const std::string& name, long lo, long hi, long fallback, long& out,
                std::string& error) {
  auto it = a.options.find(name);
  if (it == a.options.end()) {
    out = fallback;
    return true;
  }
  char* end = nullptr;
  long v = std::strtol(it->second.c_str(), &end, 10);
  if (it->second.empty() || *end != '\0' || v < lo || v > hi) {
    error = name + ": expected an integer between " + std::to_string(lo) + " and " +
            std::to_string(hi) + ", got \"" + it->second + "\"";
    return false;
  }
  out = v;
  return true;
}

std::string option(const Args& a, const std::string& name, const std::string& fallback) {
  auto it = a.options.find(name);
  return it == a.options.end() ? fallback : it->second;
}

bool has_option(const Args& a, const std::string& name) { return a.options.count(name) > 0; }

}  // namespace bpx::cli
