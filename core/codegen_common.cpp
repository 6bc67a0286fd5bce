#include "core/codegen_common.hpp"

#include <nlohmann/json.hpp>

#include "core/codegen_script.hpp"

namespace bpx::codegen {

std::string py_number(double x) {
  // nlohmann writes the shortest decimal that reads back to the same double (1.0, 1e-08),
  // which Python's float() reads back exactly too.
  return nlohmann::json(x).dump();
}

std::string py_rows(const Matrix& M, const std::string& row_indent) {
  std::string out = "[";
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    if (i > 0) out += row_indent.empty() ? ", " : ",\n" + row_indent;
    out += "[";
    for (Eigen::Index j = 0; j < M.cols(); ++j) {
      if (j > 0) out += ", ";
      out += py_number(M(i, j));
    }
    out += "]";
  }
  return out + "]";
}

Result<ScriptRun> collect_run(const Spec& spec, long steps) {
  if (steps < 1 || steps > kMaxCodeSteps) {
    return Error{"steps", "expected an integer between 1 and " + std::to_string(kMaxCodeSteps) +
                              ", got " + std::to_string(steps)};
  }
  auto created = Session::create(spec);
  if (!created) return created.error();
  Session& s = created.value();
  ScriptRun run;
  run.steps = steps;
  for (int l = 1; l <= s.L(); ++l) {
    run.W.push_back(s.W(l));
    run.b.push_back(s.b(l));
  }
  run.X_train = s.data().X_train;
  run.Y_train = s.data().Y_train;
  run.minibatch = s.batch_size() < run.X_train.cols();
  if (run.minibatch && steps * s.batch_size() > kMaxCodeBatchColumns) {
    return Error{"steps", "steps x batch size must be at most " +
                              std::to_string(kMaxCodeBatchColumns) +
                              " (the script lists every "
                              "minibatch), got " +
                              std::to_string(steps * s.batch_size())};
  }
  // The engine's seeded shuffle decides each step's columns: record them by running it.
  for (long k = 0; k < steps; ++k) {
    s.step();
    if (k == 0) run.m_first = static_cast<long>(s.batch().size());
    if (run.minibatch) run.batches.push_back(s.batch());
  }
  return run;
}

std::string step_body(CodeLang lang, const Session& session, const ScriptRun& run) {
  std::string out;
  if (run.minibatch) out += "    batch = batches[step - 1]\n";
  for (const PhaseCode& pc : step_lines(lang, session, run.m_first, run.minibatch)) {
    out += "    # " + pc.phase.label() + "\n";
    for (const CodeLine& line : pc.lines) {
      if (display_only(line)) continue;
      out += "    " + line.text + "\n";
    }
  }
  return out;
}

std::string data_block(const ScriptRun& run, const std::string& ctor, const std::string& suffix) {
  const std::string indent(ctor.size() + 12, ' ');  // under the first row: "X_train = ctor(["
  std::string out;
  out += "# Training data, one row per example as in the spec; .T makes examples columns.\n";
  out += "X_train = " + ctor + "(" + py_rows(run.X_train.transpose(), indent) + suffix + ").T\n";
  out += "Y_train = " + ctor + "(" + py_rows(run.Y_train.transpose(), indent) + suffix + ").T\n";
  if (run.minibatch) {
    out += "# The columns of each step's minibatch, in the engine's seeded shuffled order.\n";
    out += "batches = [\n";
    for (size_t k = 0; k < run.batches.size(); ++k) {
      out += "    [";
      for (size_t i = 0; i < run.batches[k].size(); ++i)
        out += (i ? ", " : "") + std::to_string(run.batches[k][i]);
      out += k + 1 < run.batches.size() ? "],\n" : "]\n";
    }
    out += "]\n";
  }
  return out;
}

std::string show_calls(const Spec& spec) {
  const int L = spec.L();
  std::string out;
  auto call = [&out](const std::string& name, int l, const std::string& value) {
    out += "    show(step, \"" + name + "\", " + std::to_string(l) + ", " + value + ")\n";
  };
  for (int l = 1; l <= L; ++l) {
    call("z", l, py_name("Z", l));
    call("a", l, py_name("A", l));
  }
  call("loss", 0, "L");
  for (int l = 1; l <= L; ++l) {
    for (const char* q : {"dA", "dZ", "dW", "db"}) call(q, l, py_name(q, l));
  }
  for (int l = 1; l <= L; ++l) {
    call("W", l, py_name("W", l));
    call("b", l, py_name("b", l));
  }
  return out;
}

std::string printout_doc() {
  return "Prints every quantity of the trace of `bpx trace`, one per line:\n"
         "    STEP NAME LAYER ROWS COLS VALUES...   (values rows first, shortest round-trip)\n"
         "NAME is z a (forward), loss (layer 0, 1 x 1), dA dZ dW db (backward), W b (after\n"
         "the update). Examples are columns: Z[l] is n_l x m.\n";
}

}  // namespace bpx::codegen
