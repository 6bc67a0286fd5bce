// The session handle's life: load, the phase cursor, training, the live settings and the
// state; and the registration of every RawSession method with embind (raw_session.hpp).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cmath>
#include <string>

#include "bindings/wasm/guarded.hpp"
#include "bindings/wasm/raw_session.hpp"
#include "bindings/wasm/wasm_errors.hpp"
#include "core/catalog.hpp"
#include "core/spec.hpp"

namespace bpx_wasm {

std::string RawSession::load(const std::string& spec_json) {
  auto created = bpx::Session::create(spec_json);
  if (!created) return error_text("INVALID_SPEC", created.error());
  session_.emplace(std::move(created).value());
  return "";
}

int RawSession::nextPhase() {
  if (!session_) return kNoSession;
  const int index = session_->cursor();
  return session_->next_phase() ? -(index + 1) : index;
}

std::string RawSession::runPhases(int count) {
  if (!session_) return no_session();
  std::optional<bpx::Divergence> first;
  for (int i = 0; i < count; ++i) {
    auto d = session_->next_phase();
    if (!first && d) first = d;
  }
  return dump(divergence_json(first));
}

bool RawSession::previousPhase() { return session_ && session_->previous_phase(); }

std::string RawSession::step() {
  if (!session_) return no_session();
  return dump(divergence_json(session_->step()));
}

std::string RawSession::train(double n) {
  if (!session_) return no_session();
  if (!(n >= 0 && n <= static_cast<double>(bpx::kMaxTrainStepsPerCall) && n == std::floor(n)))
    return bad_argument("steps", "expected an integer between 0 and " +
                                     std::to_string(bpx::kMaxTrainStepsPerCall) +
                                     " per call (train); call it again to go on");
  bpx::TrainOutcome out = session_->train(static_cast<long>(n));
  return dump(json{{"steps", out.steps_done}, {"divergence", divergence_json(out.divergence)}});
}

std::string RawSession::reset(double seed) {
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

std::string RawSession::setLearningRate(double lr) {
  if (!session_) return no_session();
  auto e = session_->set_learning_rate(lr);
  return e ? error_text("INVALID_ARGUMENT", *e) : "";
}

std::string RawSession::setWeightDecay(double wd) {
  if (!session_) return no_session();
  auto e = session_->set_weight_decay(wd);
  return e ? error_text("INVALID_ARGUMENT", *e) : "";
}

std::string RawSession::setBatchSize(double n) {
  if (!session_) return no_session();
  auto e = session_->set_batch_size(n >= 1 && n <= 1e6 ? static_cast<int>(n) : -1);
  return e ? error_text("INVALID_ARGUMENT", *e) : "";
}

// A refused edit: WRONG_PHASE when the cursor is inside a step (the core's rule: between
// steps only), else INVALID_ARGUMENT naming the field.
std::string RawSession::edit_error(const bpx::Error& e) const {
  const bool mid_step = e.path.empty() && session_->cursor() != 0;
  return error_text(mid_step ? "WRONG_PHASE" : "INVALID_ARGUMENT", e);
}

std::string RawSession::replaceData(const std::string& data_json) {
  if (!session_) return no_session();
  auto e = session_->replace_data(data_json);
  return e ? edit_error(*e) : "";
}

std::string RawSession::setParameter(const std::string& name, double layer, double row, double col,
                                     double value) {
  if (!session_) return no_session();
  // Out-of-range numbers become -1, which the core refuses with its own message.
  auto index = [](double x) { return x >= 0 && x <= 1e6 ? static_cast<int>(x) : -1; };
  auto e = session_->set_parameter(name, index(layer), index(row), index(col), value);
  return e ? edit_error(*e) : "";
}

std::string RawSession::state() const {
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

void RawSession::ran_out_of_memory(bool was_changing_the_session) {
  if (was_changing_the_session) session_.reset();
  last_error_ = out_of_memory();
}

}  // namespace bpx_wasm

// Step mode's one call per phase as a plain export of the module, called with the handle's
// address: a method through embind costs about as much as a small phase itself (this module is
// built without eval, -sDYNAMIC_EXECUTION=0, so embind calls through its generic invoker; see
// bench/README.md). Same Guarded call as the method: out of memory is an answer, not a trap.
extern "C" EMSCRIPTEN_KEEPALIVE int bpx_next_phase(bpx_wasm::RawSession* self) {
  return bpx_wasm::Guarded<&bpx_wasm::RawSession::nextPhase, true>::call(*self);
}

EMSCRIPTEN_BINDINGS(bpx) {
  using bpx_wasm::Guarded;
  using bpx_wasm::RawSession;
  emscripten::class_<RawSession>("RawSession")
      .constructor<>()
      .function("load", &Guarded<&RawSession::load, true>::call)
      .function("loaded", &RawSession::loaded)
      .function("lastError", &RawSession::lastError)
      .function("address", &RawSession::address)
      .function("runPhases", &Guarded<&RawSession::runPhases, true>::call)
      .function("advance", &Guarded<&RawSession::advance, true>::call)
      .function("view", &Guarded<&RawSession::view, false>::call)
      .function("previousPhase", &Guarded<&RawSession::previousPhase, true>::call)
      .function("step", &Guarded<&RawSession::step, true>::call)
      .function("train", &Guarded<&RawSession::train, true>::call)
      .function("reset", &Guarded<&RawSession::reset, true>::call)
      .function("setLearningRate", &Guarded<&RawSession::setLearningRate, false>::call)
      .function("setWeightDecay", &Guarded<&RawSession::setWeightDecay, false>::call)
      .function("setBatchSize", &Guarded<&RawSession::setBatchSize, false>::call)
      .function("replaceData", &Guarded<&RawSession::replaceData, true>::call)
      .function("setParameter", &Guarded<&RawSession::setParameter, false>::call)
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
      .function("specWithParametersJson",
                &Guarded<&RawSession::specWithParametersJson, false>::call)
      .function("practice", &Guarded<&RawSession::practice, false>::call);
}
