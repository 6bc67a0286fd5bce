// Pieces both exported scripts share: Python literals of the engine's doubles (shortest
// text that reads back to the same double), the run's data and minibatches, the step body
// built from the code view's lines, and the printout.
//
// Printout, one quantity per line: STEP NAME LAYER ROWS COLS VALUES... (rows first), with
// NAME one of z a loss dA dZ dW db W b (loss: layer 0, 1 x 1; W and b after the update).
#pragma once
#include <string>
#include <vector>

#include "core/codegen_lines.hpp"
#include "core/session.hpp"

namespace bpx::codegen {

std::string py_number(double x);
// [[a, b], [c, d]], rows first; `row_indent` starts each row after the first on its own line.
std::string py_rows(const Matrix& M, const std::string& row_indent = "");

struct ScriptRun {
  std::vector<Matrix> W, b;  // initial parameters, layer 1 first
  Matrix X_train, Y_train;   // n_0 x N and n_L x N
  bool minibatch = false;
  std::vector<std::vector<Eigen::Index>> batches;  // per step, when minibatch
  long steps = 0;
  long m_first = 0;  // examples in the first step's batch (for the lines' shapes)
};

// Runs the spec's session `steps` steps to record its minibatches; errors name the limit.
Result<ScriptRun> collect_run(const Spec& spec, long steps);

// The lines of every phase as the loop body (4-space indent, a comment per phase).
// Lines that only show a value (display_only) are left out.
std::string step_body(CodeLang lang, const Session& session, const ScriptRun& run);

// `X_train = ...`, `Y_train = ...` and `batches = ...` with the given array constructor.
std::string data_block(const ScriptRun& run, const std::string& ctor, const std::string& suffix);

// The show(...) calls of every trace quantity, 4-space indent.
std::string show_calls(const Spec& spec);

// The docstring's description of the printout.
std::string printout_doc();

// The two scripts (codegen_numpy.cpp, codegen_pytorch.cpp); `session` is fresh.
std::string numpy_script(const Spec& spec, const ScriptRun& run, const Session& session);
std::string pytorch_script(const Spec& spec, const ScriptRun& run, const Session& session);

}  // namespace bpx::codegen
