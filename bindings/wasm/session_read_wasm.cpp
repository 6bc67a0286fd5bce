// What the session handle reads without moving the cursor (trace aside, which runs steps as
// `bpx trace` does): matrices, data, evaluation, the neuron graph, the trace, the
// walkthrough and the spec (raw_session.hpp).
#include <cmath>
#include <string>
#include <utility>

#include "bindings/wasm/practice_wasm.hpp"
#include "bindings/wasm/raw_session.hpp"
#include "bindings/wasm/wasm_errors.hpp"
#include "core/neuron_graph.hpp"
#include "core/spec.hpp"
#include "core/trace.hpp"
#include "core/walkthrough.hpp"

using emscripten::val;

namespace bpx_wasm {

val RawSession::matrix(const std::string& name, int layer) const {
  if (!session_) return val(no_session());
  const bpx::Session& x = *session_;
  if (name == "Y") return matrix_val(x.Y());
  if (name == "losses") return matrix_val(x.losses());
  const int L = x.L();
  const bool input_ok = name == "A" || name == "dA";
  const int lo = input_ok ? 0 : 1;
  if (layer < lo || layer > L) {
    return val(bad_argument("layer", name + " is defined at layers " + std::to_string(lo) + ".." +
                                         std::to_string(L) + ", got " + std::to_string(layer)));
  }
  const auto& opt = x.optimizer_slots(layer);
  const std::pair<const char*, const bpx::Matrix*> named[] = {
      {"W", &x.W(layer)},   {"b", &x.b(layer)},   {"Z", &x.Z(layer)},
      {"A", &x.A(layer)},   {"dA", &x.dA(layer)}, {"dZ", &x.dZ(layer)},
      {"dW", &x.dW(layer)}, {"db", &x.db(layer)}, {"gprime", &x.gprime(layer)},
      {"mW", &opt.mW},      {"mb", &opt.mb},      {"vW", &opt.vW},
      {"vb", &opt.vb}};
  const bpx::Matrix* m = nullptr;
  for (const auto& [key, value] : named) {
    if (name == key) m = value;
  }
  if (!m) return val(bad_argument("name", "unknown matrix \"" + name + "\""));
  return matrix_val(*m);
}

val RawSession::lossHistory() const {
  if (!session_) return val(no_session());
  const auto& h = session_->loss_history();
  return copy_out(h.data(), h.size());
}

std::string RawSession::evaluate(const std::string& which) const {
  if (!session_) return no_session();
  const auto& d = session_->data();
  if (which != "train" && which != "test")
    return bad_argument("which", "expected \"train\" or \"test\"");
  bpx::Evaluation e = which == "train" ? session_->evaluate(d.X_train, d.Y_train)
                                       : session_->evaluate(d.X_test, d.Y_test);
  return dump(json{{"loss", e.loss}, {"accuracy", e.accuracy}, {"examples", e.examples}});
}

val RawSession::data(const std::string& name) const {
  if (!session_) return val(no_session());
  const auto& d = session_->data();
  if (name == "X_train") return matrix_val(d.X_train);
  if (name == "Y_train") return matrix_val(d.Y_train);
  if (name == "X_test") return matrix_val(d.X_test);
  if (name == "Y_test") return matrix_val(d.Y_test);
  if (name == "points_train") return matrix_val(d.points_train);
  if (name == "points_test") return matrix_val(d.points_test);
  if (name == "labels_train") return matrix_val(bpx::Matrix(d.labels_train));
  if (name == "labels_test") return matrix_val(bpx::Matrix(d.labels_test));
  return val(bad_argument("name", "unknown data \"" + name + "\""));
}

std::string RawSession::graph(int layer, int unit, int example, bool expanded,
                              const std::string& root) const {
  if (!session_) return no_session();
  bpx::GraphOptions o;
  o.expanded = expanded;
  o.root = root;
  auto g = bpx::neuron_graph(*session_, layer, unit, example, o);
  if (!g) return error_text("INVALID_ARGUMENT", g.error());
  return dump(bpx::graph_json(g.value()));
}

std::string RawSession::trace(double steps) {
  if (!session_) return no_session();
  if (!(steps >= 1 && steps <= 100000 && steps == std::floor(steps)))
    return bad_argument("steps", "expected an integer between 1 and 100000 (trace)");
  if (auto e = bpx::check_trace_size(*session_, static_cast<long>(steps)))
    return error_text("INVALID_ARGUMENT", *e);
  return bpx::dump_readable(bpx::run_trace(*session_, static_cast<long>(steps)));
}

std::string RawSession::walkthrough(const std::string& format, int digits) const {
  if (!session_) return no_session();
  bpx::WalkthroughOptions o;
  if (format == "tex")
    o.format = bpx::WalkthroughFormat::Tex;
  else if (format != "md")
    return bad_argument("format", "expected md or tex, got \"" + format + "\"");
  o.digits = digits;
  auto text = bpx::walkthrough(session_->spec(), o);
  if (!text) return error_text("INVALID_ARGUMENT", text.error());
  return text.value();
}

std::string RawSession::specJson() const {
  if (!session_) return no_session();
  return bpx::spec_to_json(session_->spec());
}

std::string RawSession::specWithParametersJson() const {
  if (!session_) return no_session();
  auto spec = session_->spec_with_parameters();
  if (!spec) return error_text("DIVERGED", spec.error());
  return bpx::spec_to_json(spec.value());
}

std::string RawSession::practice(const std::string& request) const {
  return practice_request(session_ ? &*session_ : nullptr, request);
}

}  // namespace bpx_wasm
