// Native contender of the side-by-side benchmarks (bench/run.mjs spawns it between the
// in-process contenders). Runs one workload on the core directly, `warmup` untimed
// repetitions then `reps` timed ones, and prints one line of JSON:
//   {"kind": ..., "reps": R, "ms": [...], "faults": [...], "parts": {"train": [...], ...}}
// (faults: minor page faults during each repetition)
//
//   bpx_bench --kind frame|step|grid|grid_double|next_phase --spec SPEC.json
//             [--reps R] [--warmup W] [--calls N] [--nx 100] [--ny 100]
//
// frame:       one Playground frame: one epoch of minibatch updates, the loss on the
//              training and the test data, every unit over an nx x ny grid (FastGrid,
//              single precision), timed as a whole and by part (train, loss, grid).
// step:        one training step (train(1)).
// grid:        every unit over the grid with FastGrid (single precision).
// grid_double: every unit over the grid with Session::predict_all (exact double path).
// next_phase:  `calls` (default 10000) next_phase() calls, with history, as step mode.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/data.hpp"
#include "core/fast_grid.hpp"
#include "core/session.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

long minor_faults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "bpx_bench: %s\n", message.c_str());
  std::exit(2);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string json_array(const std::vector<double>& v) {
  std::string out = "[";
  char buf[32];
  for (size_t i = 0; i < v.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.6f", i ? "," : "", v[i]);
    out += buf;
  }
  return out + "]";
}

// The grid points (x1, x2) in the layout FastGrid uses: row 0 at ymin, x fastest.
bpx::Matrix grid_points(const bpx::GridSpec& g) {
  bpx::Matrix p(2, static_cast<Eigen::Index>(g.nx) * g.ny);
  for (int r = 0; r < g.ny; ++r)
    for (int c = 0; c < g.nx; ++c) {
      const Eigen::Index k = static_cast<Eigen::Index>(r) * g.nx + c;
      p(0, k) = g.xmin + (g.xmax - g.xmin) * c / (g.nx - 1);
      p(1, k) = g.ymin + (g.ymax - g.ymin) * r / (g.ny - 1);
    }
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> args{
      {"--reps", "10"}, {"--warmup", "3"}, {"--calls", "10000"}, {"--nx", "100"}, {"--ny", "100"}};
  for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
  if (!args.count("--kind") || !args.count("--spec")) {
    fail(
        "usage: bpx_bench --kind frame|step|grid|grid_double|next_phase --spec SPEC.json "
        "[--reps R] [--warmup W] [--calls N]");
  }
  const std::string kind = args["--kind"];
  const int reps = std::atoi(args["--reps"].c_str());
  const int warmup = std::atoi(args["--warmup"].c_str());
  const long calls = std::atol(args["--calls"].c_str());

  auto created = bpx::Session::create(read_file(args["--spec"]));
  if (!created) fail("bad spec: " + created.error().text());
  bpx::Session session = std::move(created).value();
  const bpx::DataSet& data = session.data();
  bpx::GridSpec grid;
  grid.nx = std::atoi(args["--nx"].c_str());
  grid.ny = std::atoi(args["--ny"].c_str());
  grid.all_units = true;
  const std::vector<bpx::Feature> features = session.spec().data.features;
  bpx::FastGrid fast_grid;
  std::vector<float> grid_out;
  const bpx::Matrix grid_X = bpx::make_features(features, grid_points(grid));
  const long n_train = data.X_train.cols();
  const long updates_per_epoch = (n_train + session.batch_size() - 1) / session.batch_size();

  std::map<std::string, std::vector<double>> parts;
  double sink = 0;  // keeps results observable
  std::function<void(bool)> once;
  if (kind == "frame") {
    once = [&](bool timed) {
      auto t0 = Clock::now();
      session.train(updates_per_epoch);
      const double t_train = ms_since(t0);
      auto t1 = Clock::now();
      sink += session.evaluate(data.X_train, data.Y_train).loss;
      sink += session.evaluate(data.X_test, data.Y_test).loss;
      const double t_loss = ms_since(t1);
      auto t2 = Clock::now();
      fast_grid.run(session, features, grid, grid_out);
      sink += grid_out[0];
      const double t_grid = ms_since(t2);
      if (timed) {
        parts["train"].push_back(t_train);
        parts["loss"].push_back(t_loss);
        parts["grid"].push_back(t_grid);
      }
    };
  } else if (kind == "step") {
    once = [&](bool) { sink += static_cast<double>(session.train(1).steps_done); };
  } else if (kind == "grid") {
    once = [&](bool) {
      fast_grid.run(session, features, grid, grid_out);
      sink += grid_out[0];
    };
  } else if (kind == "grid_double") {
    once = [&](bool) { sink += session.predict_all(grid_X).back()(0, 0); };
  } else if (kind == "next_phase") {
    once = [&](bool) {
      for (long i = 0; i < calls; ++i) sink += session.next_phase() ? 1 : 0;
    };
  } else {
    fail("unknown --kind " + kind);
  }

  for (int i = 0; i < warmup; ++i) once(false);
  std::vector<double> ms, faults;
  for (int i = 0; i < reps; ++i) {
    const long f0 = minor_faults();
    auto t0 = Clock::now();
    once(true);
    ms.push_back(ms_since(t0));
    faults.push_back(static_cast<double>(minor_faults() - f0));
  }
  std::string out = "{\"kind\":\"" + kind + "\",\"reps\":" + std::to_string(reps) +
                    ",\"ms\":" + json_array(ms) + ",\"faults\":" + json_array(faults) +
                    ",\"parts\":{";
  bool first = true;
  for (const auto& [name, values] : parts) {
    out += (first ? "\"" : ",\"") + name + "\":" + json_array(values);
    first = false;
  }
  char tail[64];
  std::snprintf(tail, sizeof tail, "},\"check\":%.6g}", sink);
  std::printf("%s\n", (out + tail).c_str());
  return 0;
}
