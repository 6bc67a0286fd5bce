// bpx: the native command-line tool. JSON spec in; trace, worked example, neuron graph
// or training log out. Bad input: a message naming the field on stderr, exit status 2.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/neuron_graph.hpp"
#include "core/session.hpp"
#include "core/spec.hpp"
#include "core/trace.hpp"
#include "core/walkthrough.hpp"

namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitDiverged = 3;

const char* const kUsage = R"(bpx: backpropagation, exactly, from a JSON spec

Usage:
  bpx trace SPEC.json [--steps N]
      The trace of N steps (default 1) as JSON: per step forward (z, a), loss,
      backward (dA, dZ, dW, db) and after (weights, biases), every layer.
  bpx walkthrough SPEC.json [--format md|tex] [--digits D]
      A worked example (forward, loss, backward, update, forward again) with the
      exact values, as Markdown with LaTeX (default) or as LaTeX. D: 1..17, default 6.
  bpx graph SPEC.json --layer L --unit J [--example K] [--format json|dot]
                      [--grouped] [--root loss|activation]
      The operation graph of neuron J (0-based) of layer L (1-based) for training
      example K (0-based, default 0): value and gradient on every node.
  bpx train SPEC.json --steps N [--every K]
      Trains N steps and prints step, epoch, batch loss, training loss and test loss
      every K steps (default 1) as tab-separated columns.
  bpx validate SPEC.json
      Checks the spec; prints it back in full (defaults filled in) as JSON.

SPEC.json may be - for standard input.
Exit status: 0 success, 2 bad input (the message names the field), 3 the values
diverged (NaN or infinity; the message says where).
)";

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

struct Args {
  std::string command, spec_path;
  std::map<std::string, std::string> options;  // --name value, or --flag with ""
};

bool parse_args(int argc, char** argv, Args& a, std::string& error) {
  static const std::map<std::string, bool> kTakesValue = {
      {"--steps", true}, {"--format", true}, {"--digits", true},
      {"--layer", true}, {"--unit", true},   {"--example", true},
      {"--root", true},  {"--every", true},  {"--grouped", false}};
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string s = argv[i];
    if (s.size() > 2 && s.rfind("--", 0) == 0) {
      auto it = kTakesValue.find(s);
      if (it == kTakesValue.end()) {
        error = "unknown option " + s + " (see bpx --help)";
        return false;
      }
      if (it->second) {
        if (i + 1 >= argc) {
          error = s + " needs a value";
          return false;
        }
        a.options[s] = argv[++i];
      } else {
        a.options[s] = "";
      }
    } else {
      positional.push_back(s);
    }
  }
  if (positional.size() != 2) {
    error = "expected a command and one spec file (see bpx --help)";
    return false;
  }
  a.command = positional[0];
  a.spec_path = positional[1];
  return true;
}

// An integer option in [lo, hi], or the default when absent.
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

bool allow_only(const Args& a, std::initializer_list<const char*> names, std::string& error) {
  for (const auto& kv : a.options) {
    bool ok = false;
    for (const char* n : names) ok = ok || kv.first == n;
    if (!ok) {
      error = kv.first + " does not apply to bpx " + a.command;
      return false;
    }
  }
  return true;
}

int report_divergence(const bpx::Divergence& d) {
  std::cerr << "bpx: diverged: " << d.message() << "\n";
  return kExitDiverged;
}

int cmd_trace(const Args& a, bpx::Session& s) {
  std::string error;
  long steps = 0;
  if (!allow_only(a, {"--steps"}, error) || !int_option(a, "--steps", 1, 100000, 1, steps, error))
    return fail(error);
  auto trace = bpx::run_trace(s, steps);
  std::cout << bpx::dump_readable(trace) << "\n";
  if (!trace.empty() && trace.back().contains("divergence")) {
    std::cerr << "bpx: diverged: " << trace.back()["divergence"]["message"].get<std::string>()
              << "\n";
    return kExitDiverged;
  }
  return 0;
}

int cmd_walkthrough(const Args& a, const bpx::Spec& spec) {
  std::string error;
  long digits = 0;
  if (!allow_only(a, {"--format", "--digits"}, error) ||
      !int_option(a, "--digits", 1, 17, 6, digits, error))
    return fail(error);
  std::string format = option(a, "--format", "md");
  if (format != "md" && format != "tex")
    return fail("--format: expected md or tex, got \"" + format + "\"");
  bpx::WalkthroughOptions o;
  o.format = format == "md" ? bpx::WalkthroughFormat::Markdown : bpx::WalkthroughFormat::Tex;
  o.digits = static_cast<int>(digits);
  auto text = bpx::walkthrough(spec, o);
  if (!text) return fail(text.error().text());
  std::cout << text.value();
  return 0;
}

int cmd_graph(const Args& a, const bpx::Session& s) {
  std::string error;
  long layer = 0, unit = 0, example = 0;
  if (!allow_only(a, {"--layer", "--unit", "--example", "--format", "--grouped", "--root"}, error))
    return fail(error);
  if (!a.options.count("--layer") || !a.options.count("--unit"))
    return fail("bpx graph needs --layer L and --unit J");
  if (!int_option(a, "--layer", 1, bpx::kMaxLayers, 1, layer, error) ||
      !int_option(a, "--unit", 0, bpx::kMaxUnits - 1, 0, unit, error) ||
      !int_option(a, "--example", 0, bpx::kMaxPoints - 1, 0, example, error))
    return fail(error);
  std::string format = option(a, "--format", "json");
  if (format != "json" && format != "dot")
    return fail("--format: expected json or dot, got \"" + format + "\"");
  bpx::GraphOptions o;
  o.expanded = !a.options.count("--grouped");
  o.root = option(a, "--root", "loss");
  auto g = bpx::neuron_graph(s, static_cast<int>(layer), static_cast<int>(unit),
                             static_cast<int>(example), o);
  if (!g) return fail("--" + g.error().text());
  if (format == "dot")
    std::cout << bpx::graph_dot(g.value());
  else
    std::cout << bpx::dump_readable(bpx::graph_json(g.value())) << "\n";
  return 0;
}

int cmd_train(const Args& a, bpx::Session& s) {
  std::string error;
  long steps = 0, every = 0;
  if (!allow_only(a, {"--steps", "--every"}, error)) return fail(error);
  if (!a.options.count("--steps")) return fail("bpx train needs --steps N");
  if (!int_option(a, "--steps", 1, 100000000, 1, steps, error) ||
      !int_option(a, "--every", 1, 100000000, 1, every, error))
    return fail(error);
  const auto& d = s.data();
  std::printf("step\tepoch\tbatch_loss\ttrain_loss\ttest_loss\n");
  for (long done = 0; done < steps;) {
    long n = std::min(every, steps - done);
    bpx::TrainOutcome out = s.train(n);
    done += out.steps_done;
    if (out.divergence) return report_divergence(*out.divergence);
    double train = s.evaluate(d.X_train, d.Y_train).loss;
    double test = s.evaluate(d.X_test, d.Y_test).loss;
    std::printf("%ld\t%ld\t%.17g\t%.17g\t%.17g\n", s.step_count(), s.epoch(), s.loss(), train,
                test);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" ||
                    std::string(argv[1]) == "help")) {
    std::cout << kUsage;
    return 0;
  }
  Args a;
  std::string error;
  if (!parse_args(argc, argv, a, error)) return fail(error);
  static const char* const kCommands[] = {"trace", "walkthrough", "graph", "train", "validate"};
  bool known = false;
  for (const char* c : kCommands) known = known || a.command == c;
  if (!known) return fail("unknown command \"" + a.command + "\" (see bpx --help)");

  std::string text;
  if (!read_text(a.spec_path, text, error)) return fail(error);
  auto spec = bpx::parse_spec(text);
  if (!spec) return fail(a.spec_path + ": " + spec.error().text());
  if (a.command == "validate") {
    if (!allow_only(a, {}, error)) return fail(error);
    std::cout << bpx::spec_to_json(spec.value()) << "\n";
    return 0;
  }
  if (a.command == "walkthrough") return cmd_walkthrough(a, spec.value());
  auto session = bpx::Session::create(spec.value());
  if (!session) return fail(a.spec_path + ": " + session.error().text());
  if (a.command == "trace") return cmd_trace(a, session.value());
  if (a.command == "graph") return cmd_graph(a, session.value());
  return cmd_train(a, session.value());
}
