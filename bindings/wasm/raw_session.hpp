// The session handle the module binds (not the engine's internals): RawSession holds at most
// one bpx::Session and answers in the conventions of wasm_errors.hpp. Its methods live by
// concern: session_wasm.cpp (load, stepping, training, live settings, state; the embind
// registration), session_read_wasm.cpp (matrices, data, evaluation, graph, trace, walkthrough,
// the spec), grid_wasm.cpp (predictGrid in double and single precision).
#pragma once
#include <emscripten/val.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/fast_grid.hpp"
#include "core/session.hpp"

namespace bpx_wasm {

class RawSession {
 public:
  // The error of the last call that failed where its answer cannot carry one (nextPhase,
  // previousPhase), or "".
  std::string lastError() const { return last_error_; }

  // --- session_wasm.cpp ---
  // Replaces the session only when the spec is valid: "" or the error.
  std::string load(const std::string& spec_json);
  bool loaded() const { return session_.has_value(); }
  // Runs the next phase and returns the index of the phase it ran, or -(index + 1) when
  // that phase diverged (the wrapper then reads the divergence from state()). An integer,
  // because the page steps through phases and a string costs more than the phase itself.
  int nextPhase();
  // This handle's address, for the plain export bpx_next_phase (session_wasm.cpp); only the
  // JS Session that owns the handle holds it, and it stops calling once the handle is deleted.
  unsigned address() const { return static_cast<unsigned>(reinterpret_cast<std::uintptr_t>(this)); }
  // Runs `count` phases with history; the first divergence or null.
  std::string runPhases(int count);
  bool previousPhase();
  std::string step();
  std::string train(double n);
  // Back to the initial parameters (seed < 0), or to new initial weights drawn with
  // init.seed = seed (same data, minibatch seed and live hyper-parameters).
  std::string reset(double seed);
  std::string setLearningRate(double lr);
  std::string setWeightDecay(double wd);
  std::string setBatchSize(double n);
  // Live edits between steps (core/session_edit.cpp): new points for the same network (the
  // JSON of the point form of data), and one weight or bias ("W" or "b") set by hand.
  std::string replaceData(const std::string& data_json);
  std::string setParameter(const std::string& name, double layer, double row, double col,
                           double value);
  // Everything small about the current moment, as JSON.
  std::string state() const;

  // --- session_read_wasm.cpp ---
  // A matrix of the current phase, rows first: {rows, cols, data: Float64Array}.
  emscripten::val matrix(const std::string& name, int layer) const;
  emscripten::val lossHistory() const;
  // {loss, accuracy, examples} on "train" or "test" with the current parameters.
  std::string evaluate(const std::string& which) const;
  // The raw data: name is one of X_train, Y_train, X_test, Y_test, points_train,
  // points_test, labels_train, labels_test.
  emscripten::val data(const std::string& name) const;
  std::string graph(int layer, int unit, int example, bool expanded, const std::string& root) const;
  // The text `bpx trace` prints for the same spec and steps (from the current state).
  std::string trace(double steps);
  std::string walkthrough(const std::string& format, int digits) const;
  // The spec (live hyper-parameters included), and the same with the current parameters
  // as its explicit initial values (core: Session::spec_with_parameters).
  std::string specJson() const;
  std::string specWithParametersJson() const;
  // Practice mode (practice_wasm.cpp): a JSON request about this session.
  std::string practice(const std::string& request) const;

  // --- session_view_wasm.cpp ---
  // The step view's one call per phase: runs the next phase and returns {ran (as nextPhase),
  // before (W and b before an update, packed) or null, state (JSON), matrices (packed) or
  // null}. view() is {state, matrices} without running a phase.
  emscripten::val advance(bool with_matrices);
  emscripten::val view() const;
  // --- grid_wasm.cpp ---
  // Every unit's output over an nx x ny grid of (x1, x2), in one call. Layout: for each
  // layer (1..L, or only L when allUnits is false), each unit, ny rows of nx values
  // (row 0 at ymin). Inputs go through the spec's features.
  emscripten::val predictGrid(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                              bool all_units) const;
  // The same maps in single precision (a live Float32Array view), for heatmaps at frame rate.
  emscripten::val predictGridFast(int nx, int ny, double xmin, double xmax, double ymin,
                                  double ymax, bool all_units);

  // Called by Guarded (guarded.hpp) when an allocation failed inside a call.
  void ran_out_of_memory(bool was_changing_the_session);
  void clear_last_error() { last_error_.clear(); }

 private:
  // Checks a grid request shared by predictGrid and predictGridFast; "" and the input
  // features of the grid's (x1, x2), or the error.
  std::string grid_inputs(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                          std::vector<bpx::Feature>& features) const;
  std::string edit_error(const bpx::Error& e) const;

  std::optional<bpx::Session> session_;
  std::string last_error_;
  bpx::FastGrid fast_grid_;
  std::vector<float> grid_out_;
};

}  // namespace bpx_wasm
