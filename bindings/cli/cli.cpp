#include "bindings/cli/cli.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace bpx::cli {

int fail(const std::string& message) {
  std::cerr << "bpx: " << message << "\n";
  return kExitBadInput;
}

bool read_text(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open the file";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
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
