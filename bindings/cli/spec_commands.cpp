// The spec commands of bpx: trace, walkthrough, graph, train and validate. Each reads one
// JSON spec (the first positional argument) through the core's one validator.
#include "bindings/cli/spec_commands.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "core/neuron_graph.hpp"
#include "core/session.hpp"
#include "core/spec.hpp"
#include "core/trace.hpp"
#include "core/walkthrough.hpp"

namespace bpx::cli {
namespace {

// The spec of positional argument 0, or a message naming the file and the field.
std::optional<bpx::Spec> load_spec(const Args& a, int& status) {
  std::string text, error;
  const std::string& path = a.positional[0];
  if (!read_text(path, text, error)) {
    status = fail(error);
    return std::nullopt;
  }
  auto spec = bpx::parse_spec(text);
  if (!spec) {
    status = fail(path + ": " + spec.error().text());
    return std::nullopt;
  }
  return std::move(spec.value());
}

// Runs `body` on a session of the spec of positional argument 0.
template <typename Body>
int with_session(const Args& a, Body body) {
  int status = kExitOk;
  auto spec = load_spec(a, status);
  if (!spec) return status;
  auto session = bpx::Session::create(*spec);
  if (!session) return fail(a.positional[0] + ": " + session.error().text());
  return body(a, session.value());
}

int report_divergence(const bpx::Divergence& d) {
  std::cerr << "bpx: diverged: " << d.message() << "\n";
  return cli::kExitDiverged;
}

int trace_with(const Args& a, bpx::Session& s) {
  std::string error;
  long steps = 0;
  if (!cli::int_option(a, "--steps", 1, 100000, 1, steps, error)) return cli::fail(error);
  // The trace is built whole before it is printed: bounded like the wasm module's.
  if (auto e = bpx::check_trace_size(s, steps)) return cli::fail("--" + e->text());
  auto trace = bpx::run_trace(s, steps);
  std::cout << bpx::dump_readable(trace) << "\n";
  if (!trace.empty() && trace.back().contains("divergence")) {
    std::cerr << "bpx: diverged: " << trace.back()["divergence"]["message"].get<std::string>()
              << "\n";
    return cli::kExitDiverged;
  }
  return 0;
}

int walkthrough_with(const Args& a, const bpx::Spec& spec) {
  std::string error;
  long digits = 0;
  if (!cli::int_option(a, "--digits", 1, 17, 6, digits, error)) return cli::fail(error);
  std::string format = cli::option(a, "--format", "md");
  if (format != "md" && format != "tex")
    return cli::fail("--format: expected md or tex, got \"" + format + "\"");
  bpx::WalkthroughOptions o;
  o.format = format == "md" ? bpx::WalkthroughFormat::Markdown : bpx::WalkthroughFormat::Tex;
  o.digits = static_cast<int>(digits);
  auto text = bpx::walkthrough(spec, o);
  if (!text) return cli::fail(text.error().text());
  std::cout << text.value();
  // The walkthrough shows one step: exit 3 when that step produced NaN or infinity.
  auto session = bpx::Session::create(spec);
  if (session) {
    if (auto d = session.value().step()) return report_divergence(*d);
  }
  return 0;
}

int graph_with(const Args& a, const bpx::Session& s) {
  std::string error;
  long layer = 0, unit = 0, example = 0;
  if (!cli::has_option(a, "--layer") || !cli::has_option(a, "--unit"))
    return cli::fail("bpx graph needs --layer L and --unit J");
  if (!cli::int_option(a, "--layer", 1, bpx::kMaxLayers, 1, layer, error) ||
      !cli::int_option(a, "--unit", 0, bpx::kMaxUnits - 1, 0, unit, error) ||
      !cli::int_option(a, "--example", 0, bpx::kMaxPoints - 1, 0, example, error))
    return cli::fail(error);
  std::string format = cli::option(a, "--format", "json");
  if (format != "json" && format != "dot")
    return cli::fail("--format: expected json or dot, got \"" + format + "\"");
  bpx::GraphOptions o;
  o.expanded = !cli::has_option(a, "--grouped");
  o.root = cli::option(a, "--root", "loss");
  auto g = bpx::neuron_graph(s, static_cast<int>(layer), static_cast<int>(unit),
                             static_cast<int>(example), o);
  if (!g) return cli::fail("--" + g.error().text());
  if (format == "dot")
    std::cout << bpx::graph_dot(g.value());
  else
    std::cout << bpx::dump_readable(bpx::graph_json(g.value())) << "\n";
  for (const bpx::GraphNode& n : g.value().nodes) {
    if (!std::isfinite(n.value) || !std::isfinite(n.grad)) {
      std::cerr << "bpx: diverged: the value or gradient of node " << n.label
                << " is NaN or infinite; try smaller weights or inputs\n";
      return cli::kExitDiverged;
    }
  }
  return 0;
}

// Writes the spec with the session's current parameters (bpx train --export FILE).
int export_spec(const bpx::Session& s, const std::string& path) {
  auto spec = s.spec_with_parameters();
  if (!spec) return fail("--export: " + spec.error().text());
  std::ofstream out(path, std::ios::binary);
  out << bpx::spec_to_json(spec.value()) << "\n";
  out.close();
  if (!out) return fail("--export: cannot write " + path);
  return kExitOk;
}

int train_with(const Args& a, bpx::Session& s) {
  std::string error;
  long steps = 0, every = 0;
  if (!cli::has_option(a, "--steps")) return cli::fail("bpx train needs --steps N");
  if (!cli::int_option(a, "--steps", 1, 100000000, 1, steps, error) ||
      !cli::int_option(a, "--every", 1, 100000000, 1, every, error))
    return cli::fail(error);
  const auto& d = s.data();
  std::printf("step\tepoch\tbatch_loss\ttrain_loss\ttest_loss\n");
  for (long done = 0; done < steps;) {
    long n = std::min(every, steps - done);
    bpx::TrainOutcome out = s.train(n);
    done += out.steps_done;
    if (out.divergence) return report_divergence(*out.divergence);
    double train = s.evaluate(d.X_train, d.Y_train).loss;
    char test[32] = "no test split";
    if (d.X_test.cols() > 0)
      std::snprintf(test, sizeof test, "%.17g", s.evaluate(d.X_test, d.Y_test).loss);
    std::printf("%ld\t%ld\t%.17g\t%.17g\t%s\n", s.step_count(), s.epoch(), s.loss(), train, test);
  }
  if (cli::has_option(a, "--export")) return export_spec(s, cli::option(a, "--export", ""));
  return 0;
}

int run_trace(const Args& a) { return with_session(a, trace_with); }
int run_graph(const Args& a) { return with_session(a, graph_with); }
int run_train(const Args& a) { return with_session(a, train_with); }

int run_walkthrough(const Args& a) {
  int status = kExitOk;
  auto spec = load_spec(a, status);
  return spec ? walkthrough_with(a, *spec) : status;
}

int run_validate(const Args& a) {
  int status = kExitOk;
  auto spec = load_spec(a, status);
  if (!spec) return status;
  std::cout << bpx::spec_to_json(*spec) << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> spec_commands() {
  return {
      {"trace",
       R"(  bpx trace SPEC.json [--steps N]
      The trace of N steps (default 1) as JSON: per step forward (z, a), loss,
      backward (dA, dZ, dW, db) and after (weights, biases), every layer.
)",
       {{"--steps", true}},
       1,
       run_trace},
      {"walkthrough",
       R"(  bpx walkthrough SPEC.json [--format md|tex] [--digits D]
      A worked example (forward, loss, backward, update, forward again) with the
      exact values, as Markdown with LaTeX (default) or as LaTeX. D: 1..17, default 6.
)",
       {{"--format", true}, {"--digits", true}},
       1,
       run_walkthrough},
      {"graph",
       R"(  bpx graph SPEC.json --layer L --unit J [--example K] [--format json|dot]
                      [--grouped] [--root loss|activation]
      The operation graph of neuron J (0-based) of layer L (1-based) for training
      example K (0-based, default 0): value and gradient on every node.
)",
       {{"--layer", true},
        {"--unit", true},
        {"--example", true},
        {"--format", true},
        {"--grouped", false},
        {"--root", true}},
       1,
       run_graph},
      {"train",
       R"(  bpx train SPEC.json --steps N [--every K] [--export OUT.json]
      Trains N steps and prints step, epoch, batch loss, training loss and test loss
      every K steps (default 1) as tab-separated columns. --export writes the spec
      with the trained weights and biases as its init (a new run starts from them).
)",
       {{"--steps", true}, {"--every", true}, {"--export", true}},
       1,
       run_train},
      {"validate",
       R"(  bpx validate SPEC.json
      Checks the spec; prints it back in full (defaults filled in) as JSON.
)",
       {},
       1,
       run_validate},
  };
}

}  // namespace bpx::cli
