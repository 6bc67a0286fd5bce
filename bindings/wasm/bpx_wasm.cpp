// embind module: binds a session handle, not the engine's internals. Fallible calls
// return an error as JSON text (empty on success); the JS wrapper turns it into a thrown
// BpxError. Calls with impossible arguments (a layer that does not exist) throw a JS
// RangeError from here, so a bad call never reaches the core or aborts the module.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/neuron_graph.hpp"
#include "core/session.hpp"
#include "core/spec.hpp"
#include "core/trace.hpp"
#include "core/walkthrough.hpp"

using emscripten::val;
using json = nlohmann::ordered_json;

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_json(const std::string& code, const bpx::Error& e) {
  return dump(json{{"code", code}, {"path", e.path}, {"message", e.text()}});
}

[[noreturn]] void throw_range(const std::string& message) {
  val::global("RangeError").new_(val(message)).throw_();
  __builtin_unreachable();
}

json divergence_json(const std::optional<bpx::Divergence>& d) {
  if (!d) return nullptr;
  return {{"step", d->step}, {"phase", d->phase}, {"layer", d->layer},
          {"quantity", d->quantity}, {"message", d->message()}};
}

// Copies n doubles into a new Float64Array (never a live view of the wasm heap).
val copy_out(const double* data, size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

class RawSession {
 public:
  // Replaces the session only when the spec is valid.
  std::string load(const std::string& spec_json) {
    auto created = bpx::Session::create(spec_json);
    if (!created) return error_json("INVALID_SPEC", created.error());
    session_.emplace(std::move(created).value());
    return "";
  }
  bool loaded() const { return session_.has_value(); }

  std::string nextPhase() { return dump(divergence_json(s().next_phase())); }
  bool previousPhase() { return s().previous_phase(); }
  std::string step() { return dump(divergence_json(s().step())); }
  std::string train(double n) {
    if (!(n >= 0 && n <= 1e9)) throw_range("train: steps must be between 0 and 1e9");
    bpx::TrainOutcome out = s().train(static_cast<long>(n));
    return dump(json{{"steps", out.steps_done}, {"divergence", divergence_json(out.divergence)}});
  }
  void reset() { s().reset(); }

  std::string setLearningRate(double lr) {
    auto e = s().set_learning_rate(lr);
    return e ? error_json("INVALID_ARGUMENT", *e) : "";
  }
  std::string setWeightDecay(double wd) {
    auto e = s().set_weight_decay(wd);
    return e ? error_json("INVALID_ARGUMENT", *e) : "";
  }
  std::string setBatchSize(double n) {
    auto e = s().set_batch_size(n >= 1 && n <= 1e6 ? static_cast<int>(n) : -1);
    return e ? error_json("INVALID_ARGUMENT", *e) : "";
  }

  // Everything small about the current moment, as JSON.
  std::string state() const {
    const bpx::Session& x = s();
    json phases = json::array();
    for (int i = 0; i < x.phases_per_step(); ++i) phases.push_back(x.phase_at(i).label());
    const auto& last = x.last_phase();
    return dump(json{{"layers", x.spec().layers},
                     {"cursor", x.cursor()},
                     {"phases", phases},
                     {"nextPhase", x.next_phase_kind().label()},
                     {"lastPhase", last ? json(last->label()) : json(nullptr)},
                     {"step", x.step_count()},
                     {"epoch", x.epoch()},
                     {"loss", x.loss()},
                     {"batch", x.batch()},
                     {"batchSize", x.batch_size()},
                     {"learningRate", x.spec().optimizer.learning_rate},
                     {"fused", x.fused_output()},
                     {"historySize", x.history_size()},
                     {"trainExamples", x.data().X_train.cols()},
                     {"testExamples", x.data().X_test.cols()},
                     {"hasAccuracy", x.has_accuracy()},
                     {"divergence", divergence_json(x.divergence())}});
  }

  // A matrix of the current phase, rows first: {rows, cols, data: Float64Array}.
  val matrix(const std::string& name, int layer) const {
    const bpx::Session& x = s();
    const int L = x.L();
    const bool input_ok = name == "A" || name == "dA";
    if (layer < (input_ok ? 0 : 1) || layer > L) {
      throw_range("matrix: layer " + std::to_string(layer) + " of " + name + " is outside " +
                  std::to_string(input_ok ? 0 : 1) + ".." + std::to_string(L));
    }
    const bpx::Matrix* m = nullptr;
    if (name == "W") m = &x.W(layer);
    else if (name == "b") m = &x.b(layer);
    else if (name == "Z") m = &x.Z(layer);
    else if (name == "A") m = &x.A(layer);
    else if (name == "dA") m = &x.dA(layer);
    else if (name == "dZ") m = &x.dZ(layer);
    else if (name == "dW") m = &x.dW(layer);
    else if (name == "db") m = &x.db(layer);
    else if (name == "gprime") m = &x.gprime(layer);
    else if (name == "mW") m = &x.optimizer_slots(layer).mW;
    else if (name == "mb") m = &x.optimizer_slots(layer).mb;
    else if (name == "vW") m = &x.optimizer_slots(layer).vW;
    else if (name == "vb") m = &x.optimizer_slots(layer).vb;
    else if (name == "Y") m = &x.Y();
    else if (name == "losses") m = &x.losses();
    else throw_range("matrix: unknown name \"" + name + "\"");
    return matrix_val(*m);
  }

  val lossHistory() const {
    const auto& h = s().loss_history();
    return copy_out(h.data(), h.size());
  }

  // {loss, accuracy, examples} on "train" or "test" with the current parameters.
  std::string evaluate(const std::string& which) const {
    const auto& d = s().data();
    if (which != "train" && which != "test") throw_range("evaluate: expected \"train\" or \"test\"");
    bpx::Evaluation e = which == "train" ? s().evaluate(d.X_train, d.Y_train)
                                         : s().evaluate(d.X_test, d.Y_test);
    return dump(json{{"loss", e.loss}, {"accuracy", e.accuracy}, {"examples", e.examples}});
  }

  // The raw data: name is one of X_train, Y_train, X_test, Y_test, points_train,
  // points_test, labels_train, labels_test.
  val data(const std::string& name) const {
    const auto& d = s().data();
    if (name == "X_train") return matrix_val(d.X_train);
    if (name == "Y_train") return matrix_val(d.Y_train);
    if (name == "X_test") return matrix_val(d.X_test);
    if (name == "Y_test") return matrix_val(d.Y_test);
    if (name == "points_train") return matrix_val(d.points_train);
    if (name == "points_test") return matrix_val(d.points_test);
    if (name == "labels_train") return matrix_val(d.labels_train);
    if (name == "labels_test") return matrix_val(d.labels_test);
    throw_range("data: unknown name \"" + name + "\"");
  }

  // Every unit's output over an nx x ny grid of (x1, x2), in one call. Layout: for each
  // layer (1..L, or only L when allUnits is false), each unit, ny rows of nx values
  // (row 0 at ymin). Inputs go through the spec's features.
  val predictGrid(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                  bool all_units) const {
    if (nx < 1 || ny < 1 || nx > 1000 || ny > 1000) throw_range("predictGrid: nx and ny must be 1..1000");
    const bpx::Session& x = s();
    const auto& spec = x.spec();
    std::vector<bpx::Feature> features = spec.data.features;
    if (spec.data.explicit_values) {
      if (spec.layers[0] != 2) throw_range("predictGrid: needs 2 inputs or a data set with features");
      features = {bpx::Feature::X1, bpx::Feature::X2};
    }
    bpx::Matrix points(2, static_cast<Eigen::Index>(nx) * ny);
    for (int r = 0; r < ny; ++r) {
      for (int c = 0; c < nx; ++c) {
        const Eigen::Index k = static_cast<Eigen::Index>(r) * nx + c;
        points(0, k) = nx == 1 ? xmin : xmin + (xmax - xmin) * c / (nx - 1);
        points(1, k) = ny == 1 ? ymin : ymin + (ymax - ymin) * r / (ny - 1);
      }
    }
    std::vector<bpx::Matrix> A = x.predict_all(bpx::make_features(features, points));
    const size_t cells = static_cast<size_t>(nx) * static_cast<size_t>(ny);
    std::vector<double> out;
    const int first = all_units ? 1 : x.L();
    for (int l = first; l <= x.L(); ++l) {
      const bpx::Matrix& a = A[static_cast<size_t>(l - 1)];
      for (Eigen::Index j = 0; j < a.rows(); ++j) {
        for (size_t k = 0; k < cells; ++k) out.push_back(a(j, static_cast<Eigen::Index>(k)));
      }
    }
    return copy_out(out.data(), out.size());
  }

  std::string graph(int layer, int unit, int example, bool expanded, const std::string& root) const {
    bpx::GraphOptions o;
    o.expanded = expanded;
    o.root = root;
    auto g = bpx::neuron_graph(s(), layer, unit, example, o);
    if (!g) return error_json("INVALID_ARGUMENT", g.error());
    return dump(bpx::graph_json(g.value()));
  }

  // The text `bpx trace` prints for the same spec and steps (from the current state).
  std::string trace(double steps) {
    if (!(steps >= 1 && steps <= 100000)) throw_range("trace: steps must be between 1 and 100000");
    return bpx::dump_readable(bpx::run_trace(s(), static_cast<long>(steps)));
  }

  std::string walkthrough(const std::string& format, int digits) const {
    bpx::WalkthroughOptions o;
    if (format == "tex") o.format = bpx::WalkthroughFormat::Tex;
    else if (format != "md") return error_json("INVALID_ARGUMENT", {"format", "expected md or tex"});
    o.digits = digits;
    auto text = bpx::walkthrough(s().spec(), o);
    if (!text) return error_json("INVALID_ARGUMENT", text.error());
    return "\x01" + text.value();  // marks success: text, not an error
  }

  std::string specJson() const { return bpx::spec_to_json(s().spec()); }

 private:
  static val matrix_val(const bpx::Matrix& m) {
    std::vector<double> rows_first(static_cast<size_t>(m.size()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      for (Eigen::Index j = 0; j < m.cols(); ++j)
        rows_first[static_cast<size_t>(i * m.cols() + j)] = m(i, j);
    val out = val::object();
    out.set("rows", static_cast<int>(m.rows()));
    out.set("cols", static_cast<int>(m.cols()));
    out.set("data", copy_out(rows_first.data(), rows_first.size()));
    return out;
  }
  static val matrix_val(const Eigen::RowVectorXd& v) {
    bpx::Matrix m = v;
    return matrix_val(m);
  }
  const bpx::Session& s() const {
    if (!session_) throw_range("no session loaded");
    return *session_;
  }
  bpx::Session& s() {
    if (!session_) throw_range("no session loaded");
    return *session_;
  }
  std::optional<bpx::Session> session_;
};

// Validates a spec without creating a session: "" or the error JSON.
std::string validateSpec(const std::string& spec_json) {
  auto spec = bpx::parse_spec(spec_json);
  return spec ? "" : error_json("INVALID_SPEC", spec.error());
}

std::string normalizeSpec(const std::string& spec_json) {
  auto spec = bpx::parse_spec(spec_json);
  return spec ? bpx::spec_to_json(spec.value()) : "";
}

}  // namespace

EMSCRIPTEN_BINDINGS(bpx) {
  emscripten::class_<RawSession>("RawSession")
      .constructor<>()
      .function("load", &RawSession::load)
      .function("loaded", &RawSession::loaded)
      .function("nextPhase", &RawSession::nextPhase)
      .function("previousPhase", &RawSession::previousPhase)
      .function("step", &RawSession::step)
      .function("train", &RawSession::train)
      .function("reset", &RawSession::reset)
      .function("setLearningRate", &RawSession::setLearningRate)
      .function("setWeightDecay", &RawSession::setWeightDecay)
      .function("setBatchSize", &RawSession::setBatchSize)
      .function("state", &RawSession::state)
      .function("matrix", &RawSession::matrix)
      .function("lossHistory", &RawSession::lossHistory)
      .function("evaluate", &RawSession::evaluate)
      .function("data", &RawSession::data)
      .function("predictGrid", &RawSession::predictGrid)
      .function("graph", &RawSession::graph)
      .function("trace", &RawSession::trace)
      .function("walkthrough", &RawSession::walkthrough)
      .function("specJson", &RawSession::specJson);
  emscripten::function("validateSpec", &validateSpec);
  emscripten::function("normalizeSpec", &normalizeSpec);
}
