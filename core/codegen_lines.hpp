// The code view: each phase of a step as the NumPy (or PyTorch) lines a learner writes in
// the course style, with the quantity each line computes, its shape and the slips that
// happen on that line. The page, the CLI and the exported scripts all use these lines.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/spec.hpp"

namespace bpx {

enum class CodeLang { Numpy, Pytorch };
std::string code_lang_name(CodeLang lang);
std::optional<CodeLang> code_lang_from_name(const std::string& name);

struct CodeLine {
  std::string text;      // one Python statement, e.g. "Z1 = W1 @ A0 + b1"
  std::string quantity;  // the session matrix it equals after the phase (Z, A, dA, dZ, dW,
                         // db, W, b, mW, mb, vW, vb, Y), "loss", or "" (no engine quantity)
  int layer = 0;
  std::vector<long> shape;         // {rows, cols}; {} for a Python scalar
  std::vector<std::string> notes;  // slips that happen on this line, in plain words
};

struct PhaseCode {
  Phase phase;
  std::vector<CodeLine> lines;
};

// The lines of one phase for a batch of m examples. `minibatch` says whether the first
// line picks the batch's columns (X_train[:, batch]) or takes the whole set.
std::vector<CodeLine> phase_lines(CodeLang lang, const Spec& spec, const Phase& phase, long m,
                                  bool minibatch);

// Every phase of one step, in the order the session runs them.
std::vector<PhaseCode> step_lines(CodeLang lang, const Session& session, long m, bool minibatch);

// True for a line that only names a quantity to show its value (PyTorch's parameters after
// optimizer.step()); scripts leave it out.
bool display_only(const CodeLine& line);

// Python names of the course style: W1, dZ2, A0 ...
std::string py_name(const std::string& quantity, int layer);

}  // namespace bpx
