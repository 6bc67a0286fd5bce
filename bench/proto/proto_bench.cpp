// PROTOTYPE measurements behind the findings of bench/README.md (not part of the engine).
// Built natively and with em++ (bench/proto/build.sh); both print one JSON line.
//
//   proto_bench grid SPEC_JSON_TEXT        FastGrid::run vs BlockedGrid::run (same output?)
//   proto_bench step SPEC_JSON_TEXT        where one training step goes (layer_math pieces)
//   proto_bench phase SPEC_JSON_TEXT       next_phase alone vs next_phase + the binding's JSON
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench/proto/blocked_grid.hpp"
#include "core/activation.hpp"
#include "core/fast_grid.hpp"
#include "core/layer_math.hpp"
#include "core/loss.hpp"
#include "core/session.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median_ms(int reps, const std::function<void()>& fn) {
  for (int i = 0; i < 3; ++i) fn();
  std::vector<double> ms;
  for (int i = 0; i < reps; ++i) {
    auto t0 = Clock::now();
    fn();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

// Alternates a and b, `rounds` times `reps` each; medians of all.
std::pair<double, double> alternate(int rounds, int reps, const std::function<void()>& a,
                                    const std::function<void()>& b) {
  std::vector<double> ma, mb;
  for (int r = 0; r < rounds; ++r) {
    ma.push_back(median_ms(reps, a));
    mb.push_back(median_ms(reps, b));
  }
  std::sort(ma.begin(), ma.end());
  std::sort(mb.begin(), mb.end());
  return {ma[ma.size() / 2], mb[mb.size() / 2]};
}

int grid(bpx::Session& s) {
  bpx::GridSpec g;
  g.all_units = true;
  const auto features = s.spec().data.features;
  bpx::FastGrid fast;
  bpx_proto::BlockedGrid blocked;
  std::vector<float> out_fast, out_blocked;
  fast.run(s, features, g, out_fast);
  blocked.run(s, features, g, out_blocked);
  size_t differ = 0;
  double max_diff = 0;
  for (size_t i = 0; i < out_fast.size(); ++i) {
    if (std::memcmp(&out_fast[i], &out_blocked[i], sizeof(float)) != 0) ++differ;
    max_diff = std::max(max_diff, static_cast<double>(std::fabs(out_fast[i] - out_blocked[i])));
  }
  auto [t_fast, t_blocked] = alternate(
      7, 15, [&] { fast.run(s, features, g, out_fast); },
      [&] { blocked.run(s, features, g, out_blocked); });
  std::printf(
      "{\"kind\":\"grid\",\"values\":%zu,\"fast_grid_ms\":%.4f,\"blocked_ms\":%.4f,"
      "\"values_differing\":%zu,\"max_abs_diff\":%.3g}\n",
      out_fast.size(), t_fast, t_blocked, differ, max_diff);
  return 0;
}

int step(bpx::Session& s) {
  s.step();  // fills Z, A, dA of every layer
  const int L = s.L();
  const int reps = 200;
  const double t_step = median_ms(reps, [&] { s.train(1); });
  std::vector<bpx::Matrix> Z(L + 1), A(L + 1);
  A[0] = s.A(0);
  double t_forward = median_ms(reps, [&] {
    for (int l = 1; l <= L; ++l)
      bpx::forward_layer(s.W(l), s.b(l), s.spec().activations[l - 1], A[l - 1], Z[l], A[l]);
  });
  double t_act = median_ms(reps, [&] {
    for (int l = 1; l <= L; ++l) A[l] = bpx::activate(s.spec().activations[l - 1], Z[l]);
  });
  double t_prime = median_ms(reps, [&] {
    for (int l = 1; l <= L; ++l)
      A[l] = bpx::activation_prime(s.spec().activations[l - 1], Z[l], s.A(l));
  });
  bpx::BackwardOut out;
  double t_backward = median_ms(reps, [&] {
    for (int l = L; l >= 1; --l) {
      bpx::Matrix fused;
      if (l == L && s.fused_output()) fused = s.A(l) - s.Y();
      bpx::backward_layer(s.W(l), s.spec().activations[l - 1], s.Z(l), s.A(l), s.A(l - 1), s.dA(l),
                          l == L && s.fused_output() ? &fused : nullptr, out);
    }
  });
  // The same backward with g'(Z) computed once (dZ = dA (.) gprime): same numbers.
  double t_backward_once = median_ms(reps, [&] {
    for (int l = L; l >= 1; --l) {
      const bpx::Activation g = s.spec().activations[l - 1];
      out.gprime = bpx::activation_prime(g, s.Z(l), s.A(l));
      if (l == L && s.fused_output())
        out.dZ = s.A(l) - s.Y();
      else
        out.dZ = s.dA(l).cwiseProduct(out.gprime);
      out.dW.noalias() = out.dZ.lazyProduct(s.A(l - 1).transpose());
      out.dW /= static_cast<double>(s.Z(l).cols());
      out.db = out.dZ.rowwise().sum() / static_cast<double>(s.Z(l).cols());
      out.dA_prev.noalias() = s.W(l).transpose().lazyProduct(out.dZ);
    }
  });
  std::printf(
      "{\"kind\":\"step\",\"train1_ms\":%.4f,\"forward_all_layers_ms\":%.4f,"
      "\"activations_only_ms\":%.4f,\"activation_prime_all_layers_ms\":%.4f,"
      "\"backward_all_layers_ms\":%.4f,\"backward_gprime_once_ms\":%.4f}\n",
      t_step, t_forward, t_act, t_prime, t_backward, t_backward_once);
  return 0;
}

int phase(bpx::Session& s) {
  const int calls = 10000;
  const double t_core = median_ms(5, [&] {
    for (int i = 0; i < calls; ++i) s.next_phase();
  });
  // What RawSession::nextPhase adds on top: the label and a JSON document.
  const double t_json = median_ms(5, [&] {
    for (int i = 0; i < calls; ++i) {
      const std::string label = s.next_phase_kind().label();
      auto d = s.next_phase();
      std::string text = nlohmann::ordered_json{{"phase", label}, {"divergence", nullptr}}.dump();
      if (d) text += "!";
    }
  });
  std::printf(
      "{\"kind\":\"phase\",\"calls\":%d,\"next_phase_ms\":%.4f,\"with_label_and_json_ms\":%.4f}\n",
      calls, t_core, t_json);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: proto_bench grid|step|phase SPEC_JSON_TEXT\n");
    return 2;
  }
  auto created = bpx::Session::create(std::string(argv[2]));
  if (!created) {
    std::fprintf(stderr, "bad spec: %s\n", created.error().text().c_str());
    return 2;
  }
  bpx::Session s = std::move(created).value();
  const std::string kind = argv[1];
  if (kind == "grid") return grid(s);
  if (kind == "step") return step(s);
  if (kind == "phase") return phase(s);
  std::fprintf(stderr, "unknown kind %s\n", kind.c_str());
  return 2;
}
