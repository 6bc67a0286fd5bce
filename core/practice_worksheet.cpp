#include "core/practice_worksheet.hpp"

#include <cstdio>

#include "core/practice_exercise.hpp"

namespace bpx {
namespace {

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string matrix_md(const Matrix& M) {
  std::string s = "[";
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    s += i ? "; " : "";
    for (Eigen::Index j = 0; j < M.cols(); ++j) s += (j ? ", " : "") + num(M(i, j));
  }
  return s + "]";
}

std::string matrix_tex(const Matrix& M) {
  std::string s = "\\begin{bmatrix} ";
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    s += i ? " \\\\ " : "";
    for (Eigen::Index j = 0; j < M.cols(); ++j) s += (j ? " & " : "") + num(M(i, j));
  }
  return s + " \\end{bmatrix}";
}

struct Blank {
  std::string name, tex, shape;
};

// The quantities of one step, in the order they are computed.
std::vector<Blank> blanks(const Spec& spec) {
  const int L = spec.L();
  auto shape = [](long r, long c) { return std::to_string(r) + " \u00d7 " + std::to_string(c); };
  auto shape_tex = [](long r, long c) {
    return std::to_string(r) + " \\times " + std::to_string(c);
  };
  std::vector<Blank> out;
  auto add = [&](const std::string& sym, const std::string& tsym, int l, long r, long c) {
    out.push_back({sym + "[" + std::to_string(l) + "]", tsym + "^{[" + std::to_string(l) + "]}",
                   shape(r, c) + "|" + shape_tex(r, c)});
  };
  for (int l = 1; l <= L; ++l) {
    add("Z", "Z", l, spec.layers[l], 1);
    add("A", "A", l, spec.layers[l], 1);
  }
  out.push_back({"loss", "\\mathcal{L}", shape(1, 1) + "|" + shape_tex(1, 1)});
  for (int l = L; l >= 1; --l) {
    if (l == L) add("dA", "dA", L, spec.layers[L], 1);
    add("dZ", "dZ", l, spec.layers[l], 1);
    add("dW", "dW", l, spec.layers[l], spec.layers[l - 1]);
    add("db", "db", l, spec.layers[l], 1);
    if (l > 1) add("dA", "dA", l - 1, spec.layers[l - 1], 1);
  }
  for (int l = 1; l <= L; ++l) {
    out.push_back({"W[" + std::to_string(l) + "] after the update",
                   "W^{[" + std::to_string(l) + "]} \\text{ after the update}",
                   shape(spec.layers[l], spec.layers[l - 1]) + "|" +
                       shape_tex(spec.layers[l], spec.layers[l - 1])});
    if (spec.update_biases)
      out.push_back({"b[" + std::to_string(l) + "] after the update",
                     "b^{[" + std::to_string(l) + "]} \\text{ after the update}",
                     shape(spec.layers[l], 1) + "|" + shape_tex(spec.layers[l], 1)});
  }
  return out;
}

std::string part(const std::string& both, bool tex) {
  const auto bar = both.find('|');
  return tex ? both.substr(bar + 1) : both.substr(0, bar);
}

// Demotes the walkthrough's headings by one level so that they sit under an exercise.
std::string nested_md(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line[0] == '#') line = "###" + line;
    out += line + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<std::string> worksheet(const WorksheetOptions& o) {
  if (o.count < 1 || o.count > kMaxWorksheetExercises)
    return Error{"count",
                 "expected between 1 and " + std::to_string(kMaxWorksheetExercises) + " exercises"};
  const bool tex = o.format == WalkthroughFormat::Tex;
  std::string s;
  const std::string title = std::string("Backpropagation by hand: worksheet ") +
                            std::to_string(o.seed) + (o.answers ? ", answer key" : "");
  const std::string intro =
      "For each network, compute one training step by hand: the forward pass, the loss, the "
      "backward pass and the updated weights, with Z = W A + b, A = g(Z), examples as columns. "
      "Give each value to at least 4 significant digits.";
  if (tex) {
    s += "\\documentclass[11pt]{article}\n\\usepackage{amsmath}\n\\usepackage[margin=2cm]{geometry}"
         "\n"
         "\\setlength{\\parindent}{0pt}\n\\begin{document}\n\\section*{" +
         title + "}\n\n" + intro + "\n\n";
  } else {
    s += "# " + title + "\n\n" + intro + "\n\n";
  }
  for (int k = 0; k < o.count; ++k) {
    const Exercise e = make_exercise(o.seed + static_cast<uint64_t>(k));
    const Spec& sp = e.spec;
    const std::string head =
        "Exercise " + std::to_string(k + 1) + " (seed " + std::to_string(e.seed) + "): " + e.title;
    const Matrix& x = sp.data.inputs;
    const Matrix& y = sp.data.targets;
    if (tex) {
      s += (k ? "\\newpage\n" : "") + std::string("\\subsection*{") + head +
           "}\n\n\\[ x = " + matrix_tex(x) + ", \\quad y = " + matrix_tex(y) + " \\]\n";
      for (int l = 1; l <= sp.L(); ++l)
        s += "\\[ W^{[" + std::to_string(l) + "]} = " + matrix_tex(sp.init.weights[l - 1]) +
             ", \\quad b^{[" + std::to_string(l) + "]} = " + matrix_tex(sp.init.biases[l - 1]) +
             " \\]\n";
      s += "\n\\begin{tabular}{lll}\n\\textbf{Quantity} & \\textbf{Shape} & \\textbf{Your answer} "
           "\\\\\n";
      for (const Blank& b : blanks(sp))
        s += "$" + b.tex + "$ & $" + part(b.shape, true) + "$ & \\rule{7cm}{0.4pt} \\\\[6pt]\n";
      s += "\\end{tabular}\n\n";
    } else {
      s += "## " + head + "\n\n- x = " + matrix_md(x) + ", y = " + matrix_md(y) + "\n";
      for (int l = 1; l <= sp.L(); ++l)
        s += "- W[" + std::to_string(l) + "] = " + matrix_md(sp.init.weights[l - 1]) + ", b[" +
             std::to_string(l) + "] = " + matrix_md(sp.init.biases[l - 1]) + "\n";
      s += "\n| Quantity | Shape | Your answer |\n|---|---|---|\n";
      for (const Blank& b : blanks(sp))
        s += "| " + b.name + " | " + part(b.shape, false) + " | |\n";
      s += "\n";
    }
    if (o.answers) {
      WalkthroughOptions w;
      w.format = o.format;
      auto text = walkthrough(sp, w);
      if (!text) return text.error();
      s += tex ? "\\subsubsection*{Answer key}\n\n" + text.value() + "\n"
               : "### Answer key\n\n" + nested_md(text.value()) + "\n";
    }
  }
  if (tex) s += "\\end{document}\n";
  return s;
}

}  // namespace bpx
