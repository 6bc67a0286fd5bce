// embind module: binds a session handle, not the engine's internals. Nothing here throws
// into JavaScript: every fallible call returns its error as a value, the text
// kErrorMark + {"code", "path", "message"} (a JS string where the call would otherwise
// return an object or a Float64Array), and the JS wrapper (engine.js) turns it into a
// thrown BpxError.
//
// Why no throw into JavaScript: a JS exception raised from inside a wasm call (val::throw_)
// unwinds past the C++ frames without restoring the shadow-stack pointer or running
// destructors. Measured: about 30,000 such throws walk the stack pointer into the heap and
// the module dies with "memory access out of bounds". Errors as values keep a bad call
// harmless however often it is made.
//
// The one C++ exception: the module is built with -fexceptions so that an allocation that
// fails (Eigen and the standard library throw std::bad_alloc) unwinds properly; every bound
// call catches it (guarded) and returns OUT_OF_MEMORY. A call that was changing the
// session frees it, since its state may be half updated; the module stays usable.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "bindings/wasm/practice_wasm.hpp"
#include "core/catalog.hpp"
#include "core/data.hpp"
#include "core/fast_grid.hpp"
#include "core/neuron_graph.hpp"
#include "core/session.hpp"
#include "core/spec.hpp"
#include "core/trace.hpp"
#include "core/walkthrough.hpp"
#include "guarded.hpp"

using emscripten::val;
using json = nlohmann::ordered_json;

namespace {

constexpr char kErrorMark = '\x01';
// nextPhase's answer when no session is loaded (phase indices are 0..17).
constexpr int kNoSession = -1000;
// Cells of a predictGrid call computed at once (bounds the engine's scratch memory).
constexpr Eigen::Index kGridChunk = 4096;
// Largest predictGrid answer, in values (64 MB of doubles).
constexpr double kMaxGridValues = 8388608;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_text(const std::string& code, const std::string& path,
                       const std::string& message) {
  return kErrorMark + dump(json{{"code", code}, {"path", path}, {"message", message}});
}
std::string error_text(const std::string& code, const bpx::Error& e) {
  return error_text(code, e.path, e.text());
}
// Worded as the core words its errors: "path: what was expected".
std::string bad_argument(const std::string& path, const std::string& message) {
  return error_text("INVALID_ARGUMENT", bpx::Error{path, message});
}
std::string no_session() { return error_text("DELETED", "", "no session is loaded"); }

// Built once at start-up: an out-of-memory answer must not need much memory itself.
const std::string& out_of_memory() {
  static const std::string text = error_text(
      "OUT_OF_MEMORY", "",
      "the engine ran out of memory (WebAssembly allows 2 GB in all); delete other sessions "
      "or use a smaller network or data set");
  return text;
}
// The nextPhase answer for an allocation failure (the wrapper then reads lastError()).
constexpr int kOutOfMemory = -2000;

}  // namespace

namespace bpx_wasm {
template <typename T>
T failed_value() {
  if constexpr (std::is_same_v<T, std::string>) return out_of_memory();
  if constexpr (std::is_same_v<T, val>) return val(out_of_memory());
  if constexpr (std::is_same_v<T, int>) return kOutOfMemory;
  if constexpr (std::is_same_v<T, bool>) return false;
}
}  // namespace bpx_wasm

namespace {
using bpx_wasm::Guarded;

json divergence_json(const std::optional<bpx::Divergence>& d) {
  if (!d) return nullptr;
  return {{"step", d->step},
          {"phase", d->phase},
          {"layer", d->layer},
          {"quantity", d->quantity},
          {"message", d->message()}};
}

// Copies n doubles into a new Float64Array (never a live view of the wasm heap).
val copy_out(const double* data, size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

// {rows, cols, data: Float64Array}, rows first.
val matrix_val(const bpx::Matrix& m) {
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

class RawSession {
 public:
  // The error of the last call that failed where its answer cannot carry one (nextPhase,
  // previousPhase), or "".
  std::string lastError() const { return last_error_; }

  // Replaces the session only when the spec is valid: "" or the error.
  std::string load(const std::string& spec_json) {
    auto created = bpx::Session::create(spec_json);
    if (!created) return error_text("INVALID_SPEC", created.error());
    session_.emplace(std::move(created).value());
    return "";
  }
  bool loaded() const { return session_.has_value(); }

  // Runs the next phase: {"phase": label of the phase run, "divergence": ... | null}.
  // Runs the next phase and returns the index of the phase it ran, or -(index + 1) when
  // that phase diverged (the wrapper then reads the divergence from state()). An integer,
  // because the page steps through phases and a string costs more than the phase itself.
  int nextPhase() {
    if (!session_) return kNoSession;
    const int index = session_->cursor();
    return session_->next_phase() ? -(index + 1) : index;
  }
  // Runs `count` phases with history; the first divergence or null.
  std::string runPhases(int count) {
    if (!session_) return no_session();
    std::optional<bpx::Divergence> first;
    for (int i = 0; i < count; ++i) {
      auto d = session_->next_phase();
      if (!first && d) first = d;
    }
    return dump(divergence_json(first));
  }
  bool previousPhase() { return session_ && session_->previous_phase(); }
  std::string step() {
    if (!session_) return no_session();
    return dump(divergence_json(session_->step()));
  }
  std::string train(double n) {
    if (!session_) return no_session();
    if (!(n >= 0 && n <= static_cast<double>(bpx::kMaxTrainStepsPerCall) && n == std::floor(n)))
      return bad_argument("steps", "expected an integer between 0 and " +
                                       std::to_string(bpx::kMaxTrainStepsPerCall) +
                                       " per call (train); call it again to go on");
    bpx::TrainOutcome out = session_->train(static_cast<long>(n));
    return dump(json{{"steps", out.steps_done}, {"divergence", divergence_json(out.divergence)}});
  }
  // Back to the initial parameters (seed < 0), or to new initial weights drawn with
  // init.seed = seed (same data, minibatch seed and live hyper-parameters).
  std::string reset(double seed) {
    if (!session_) return no_session();
    if (seed < 0) {
      session_->reset();
      return "";
    }
    if (!(seed <= 9007199254740991.0 && seed == std::floor(seed)))
      return bad_argument("seed", "expected an integer between 0 and 2^53 - 1 (reset)");
    bpx::Spec spec = session_->spec();
    spec.init.seed = static_cast<uint64_t>(seed);
    auto created = bpx::Session::create(spec);
    if (!created) return error_text("INVALID_ARGUMENT", created.error());
    session_.emplace(std::move(created).value());
    return "";
  }

  std::string setLearningRate(double lr) {
    if (!session_) return no_session();
    auto e = session_->set_learning_rate(lr);
    return e ? error_text("INVALID_ARGUMENT", *e) : "";
  }
  std::string setWeightDecay(double wd) {
    if (!session_) return no_session();
    auto e = session_->set_weight_decay(wd);
    return e ? error_text("INVALID_ARGUMENT", *e) : "";
  }
  std::string setBatchSize(double n) {
    if (!session_) return no_session();
    auto e = session_->set_batch_size(n >= 1 && n <= 1e6 ? static_cast<int>(n) : -1);
    return e ? error_text("INVALID_ARGUMENT", *e) : "";
  }

  // Everything small about the current moment, as JSON.
  std::string state() const {
    if (!session_) return no_session();
    const bpx::Session& x = *session_;
    const auto& last = x.last_phase();
    return dump(json{{"layers", x.spec().layers},
                     {"cursor", x.cursor()},
                     {"phases", bpx::phase_list(x.L())},
                     {"nextPhase", bpx::phase_json(x.next_phase_kind())},
                     {"lastPhase", last ? json(bpx::phase_json(*last)) : json(nullptr)},
                     {"step", x.step_count()},
                     {"epoch", x.epoch()},
                     {"loss", x.loss()},
                     {"batch", x.batch()},
                     {"batchSize", x.batch_size()},
                     {"learningRate", x.spec().optimizer.learning_rate},
                     {"weightDecay", x.spec().optimizer.weight_decay},
                     {"fused", x.fused_output()},
                     {"historySize", x.history_size()},
                     {"historyLimit", x.history_limits().max_phases},
                     {"historyBytes", x.history_bytes()},
                     {"historyBudgetBytes", x.history_limits().max_bytes},
                     {"lossHistoryStride", x.loss_history_stride()},
                     {"trainExamples", x.data().X_train.cols()},
                     {"testExamples", x.data().X_test.cols()},
                     {"hasAccuracy", x.has_accuracy()},
                     {"divergence", divergence_json(x.divergence())}});
  }

  // A matrix of the current phase, rows first: {rows, cols, data: Float64Array}.
  val matrix(const std::string& name, int layer) const {
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

  val lossHistory() const {
    if (!session_) return val(no_session());
    const auto& h = session_->loss_history();
    return copy_out(h.data(), h.size());
  }

  // {loss, accuracy, examples} on "train" or "test" with the current parameters.
  std::string evaluate(const std::string& which) const {
    if (!session_) return no_session();
    const auto& d = session_->data();
    if (which != "train" && which != "test")
      return bad_argument("which", "expected \"train\" or \"test\"");
    bpx::Evaluation e = which == "train" ? session_->evaluate(d.X_train, d.Y_train)
                                         : session_->evaluate(d.X_test, d.Y_test);
    return dump(json{{"loss", e.loss}, {"accuracy", e.accuracy}, {"examples", e.examples}});
  }

  // The raw data: name is one of X_train, Y_train, X_test, Y_test, points_train,
  // points_test, labels_train, labels_test.
  val data(const std::string& name) const {
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

  // Every unit's output over an nx x ny grid of (x1, x2), in one call. Layout: for each
  // layer (1..L, or only L when allUnits is false), each unit, ny rows of nx values
  // (row 0 at ymin). Inputs go through the spec's features. Computed in chunks of
  // cells, written straight into one new Float64Array.
  val predictGrid(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                  bool all_units) const {
    std::vector<bpx::Feature> features;
    if (std::string e = grid_inputs(nx, ny, xmin, xmax, ymin, ymax, features); !e.empty())
      return val(e);
    const bpx::Session& x = *session_;
    const auto& spec = x.spec();
    const int L = x.L();
    const int first = all_units ? 1 : L;
    double units = 0;
    for (int l = first; l <= L; ++l) units += spec.layers[static_cast<size_t>(l)];
    const Eigen::Index cells = static_cast<Eigen::Index>(nx) * ny;
    if (units * static_cast<double>(cells) > kMaxGridValues) {
      return val(bad_argument("nx", std::to_string(nx) + " x " + std::to_string(ny) + " cells x " +
                                        std::to_string(static_cast<long>(units)) +
                                        " units is more than 8388608 values; use fewer cells"));
    }
    val out = val::global("Float64Array").new_(static_cast<double>(units * cells));
    bpx::Matrix points;
    for (Eigen::Index start = 0; start < cells; start += kGridChunk) {
      const Eigen::Index n = std::min(kGridChunk, cells - start);
      bpx::grid_points(nx, ny, xmin, xmax, ymin, ymax, start, n, points);
      std::vector<bpx::Matrix> A = x.predict_all(bpx::make_features(features, points));
      double offset = 0;  // start of this layer's first unit in `out`
      for (int l = first; l <= L; ++l) {
        // Rows of A are units: copy each row (a strided view) into a contiguous buffer.
        const bpx::Matrix& a = A[static_cast<size_t>(l - 1)];
        std::vector<double> row(static_cast<size_t>(n));
        for (Eigen::Index j = 0; j < a.rows(); ++j) {
          for (Eigen::Index k = 0; k < n; ++k) row[static_cast<size_t>(k)] = a(j, k);
          const double at = offset + static_cast<double>(j) * static_cast<double>(cells) +
                            static_cast<double>(start);
          out.call<void>("set", val(emscripten::typed_memory_view(row.size(), row.data())), at);
        }
        offset += static_cast<double>(a.rows()) * static_cast<double>(cells);
      }
    }
    return out;
  }

  // The same maps in single precision (Float32Array), for heatmaps at frame rate: the
  // vectorised kernel of core/fast_grid, no allocation once warm. Colours, not numbers.
  val predictGridFast(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                      bool all_units) {
    std::vector<bpx::Feature> features;
    if (std::string e = grid_inputs(nx, ny, xmin, xmax, ymin, ymax, features); !e.empty())
      return val(e);
    const auto& spec = session_->spec();
    // The kernel keeps whole layers over the grid: bound them and the answer, so that a
    // large request is an error and not an allocation failure (which aborts the module).
    double widest = 0, units = 0;
    for (int l = 1; l <= session_->L(); ++l) {
      const double n = spec.layers[static_cast<size_t>(l)];
      widest = std::max(widest, n);
      if (all_units || l == session_->L()) units += n;
    }
    const double cells = static_cast<double>(nx) * ny;
    if (widest * cells > 2 * kMaxGridValues || units * cells > kMaxGridValues) {
      return val(bad_argument("nx", std::to_string(nx) + " x " + std::to_string(ny) +
                                        " cells are too many for this network; use fewer"));
    }
    bpx::GridSpec g{nx, ny, xmin, xmax, ymin, ymax, all_units};
    fast_grid_.run(*session_, features, g, grid_out_);
    // A live view: the wrapper copies it at once into a Float32Array it reuses, because
    // a fresh array per frame costs a page fault per 4 KB (measured in bench/).
    return val(emscripten::typed_memory_view(grid_out_.size(), grid_out_.data()));
  }

  std::string graph(int layer, int unit, int example, bool expanded,
                    const std::string& root) const {
    if (!session_) return no_session();
    bpx::GraphOptions o;
    o.expanded = expanded;
    o.root = root;
    auto g = bpx::neuron_graph(*session_, layer, unit, example, o);
    if (!g) return error_text("INVALID_ARGUMENT", g.error());
    return dump(bpx::graph_json(g.value()));
  }

  // The text `bpx trace` prints for the same spec and steps (from the current state).
  std::string trace(double steps) {
    if (!session_) return no_session();
    if (!(steps >= 1 && steps <= 100000 && steps == std::floor(steps)))
      return bad_argument("steps", "expected an integer between 1 and 100000 (trace)");
    if (auto e = bpx::check_trace_size(*session_, static_cast<long>(steps)))
      return error_text("INVALID_ARGUMENT", *e);
    return bpx::dump_readable(bpx::run_trace(*session_, static_cast<long>(steps)));
  }

  std::string walkthrough(const std::string& format, int digits) const {
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

  std::string specJson() const {
    if (!session_) return no_session();
    return bpx::spec_to_json(session_->spec());
  }
  // Practice mode (practice_wasm.cpp): a JSON request about this session.
  std::string practice(const std::string& request) const {
    return bpx_wasm::practice_request(session_ ? &*session_ : nullptr, request);
  }

  // Called by Guarded when an allocation failed inside a call.
  void ran_out_of_memory(bool was_changing_the_session) {
    if (was_changing_the_session) session_.reset();
    last_error_ = out_of_memory();
  }
  void clear_last_error() { last_error_.clear(); }

 private:
  // Checks a grid request shared by predictGrid and predictGridFast; "" and the input
  // features of the grid's (x1, x2), or the error.
  std::string grid_inputs(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                          std::vector<bpx::Feature>& features) const {
    if (!session_) return no_session();
    if (nx < 1 || ny < 1 || nx > 1000 || ny > 1000)
      return bad_argument("nx", "nx and ny must be integers between 1 and 1000");
    if (!std::isfinite(xmin) || !std::isfinite(xmax) || !std::isfinite(ymin) ||
        !std::isfinite(ymax))
      return bad_argument("xmin", "the grid bounds must be finite numbers");
    const auto& spec = session_->spec();
    features = spec.data.features;
    if (spec.data.explicit_values) {
      if (spec.layers[0] != 2)
        return bad_argument("",
                            "predictGrid needs a network with 2 inputs (x1, x2) or a data set "
                            "with features; layers[0] is " +
                                std::to_string(spec.layers[0]));
      features = {bpx::Feature::X1, bpx::Feature::X2};
    }
    return "";
  }

  std::optional<bpx::Session> session_;
  std::string last_error_;
  bpx::FastGrid fast_grid_;
  std::vector<float> grid_out_;
};

// Bytes handed out by malloc and not yet freed: a leak check far finer than the size of
// wasm memory (which only grows when the allocator runs out).
double heapUsedBytes() { return static_cast<double>(mallinfo().uordblks); }

// The spec with every default filled in (JSON), or the error.
std::string normalizeSpec(const std::string& spec_json) {
  try {
    auto spec = bpx::parse_spec(spec_json);
    return spec ? bpx::spec_to_json(spec.value()) : error_text("INVALID_SPEC", spec.error());
  } catch (const std::bad_alloc&) {
    return out_of_memory();
  }
}

// Whether malloc can give n bytes now (given back at once): the wrapper asks before it
// hands embind a long string, whose copy into the heap does not check its malloc.
bool canAllocate(double n) {
  if (!(n >= 0 && n < 4294967296.0)) return false;
  void* p = std::malloc(static_cast<size_t>(n));
  std::free(p);
  return p != nullptr;
}

// The engine's own bounds that the wrapper checks before handing text to embind (whose
// string conversion cannot report a failed allocation), as JSON.
std::string limits() {
  return dump(
      json{{"maxSpecBytes", bpx::kMaxSpecBytes}, {"maxTrainSteps", bpx::kMaxTrainStepsPerCall}});
}

}  // namespace

EMSCRIPTEN_BINDINGS(bpx) {
  emscripten::class_<RawSession>("RawSession")
      .constructor<>()
      .function("load", &Guarded<&RawSession::load, true>::call)
      .function("loaded", &RawSession::loaded)
      .function("lastError", &RawSession::lastError)
      .function("nextPhase", &Guarded<&RawSession::nextPhase, true>::call)
      .function("runPhases", &Guarded<&RawSession::runPhases, true>::call)
      .function("previousPhase", &Guarded<&RawSession::previousPhase, true>::call)
      .function("step", &Guarded<&RawSession::step, true>::call)
      .function("train", &Guarded<&RawSession::train, true>::call)
      .function("reset", &Guarded<&RawSession::reset, true>::call)
      .function("setLearningRate", &Guarded<&RawSession::setLearningRate, false>::call)
      .function("setWeightDecay", &Guarded<&RawSession::setWeightDecay, false>::call)
      .function("setBatchSize", &Guarded<&RawSession::setBatchSize, false>::call)
      .function("state", &Guarded<&RawSession::state, false>::call)
      .function("matrix", &Guarded<&RawSession::matrix, false>::call)
      .function("lossHistory", &Guarded<&RawSession::lossHistory, false>::call)
      .function("evaluate", &Guarded<&RawSession::evaluate, false>::call)
      .function("data", &Guarded<&RawSession::data, false>::call)
      .function("predictGrid", &Guarded<&RawSession::predictGrid, false>::call)
      .function("predictGridFast", &Guarded<&RawSession::predictGridFast, false>::call)
      .function("graph", &Guarded<&RawSession::graph, false>::call)
      .function("trace", &Guarded<&RawSession::trace, true>::call)
      .function("walkthrough", &Guarded<&RawSession::walkthrough, false>::call)
      .function("specJson", &Guarded<&RawSession::specJson, false>::call)
      .function("practice", &Guarded<&RawSession::practice, false>::call);
  emscripten::function("normalizeSpec", &normalizeSpec);
  emscripten::function("heapUsedBytes", &heapUsedBytes);
  emscripten::function("limits", &limits);
  emscripten::function("canAllocate", &canAllocate);
}
