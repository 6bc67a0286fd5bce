#include "core/walkthrough.hpp"

#include <cmath>
#include <cstdio>

#include "core/session.hpp"

namespace bpx {

namespace {

class Writer {
 public:
  Writer(WalkthroughFormat f, int digits) : f_(f), digits_(digits) {}

  std::string num(double x) const {
    if (std::isnan(x)) return "\\text{NaN}";
    if (std::isinf(x)) return x > 0 ? "\\infty" : "-\\infty";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.*g", digits_, x);
    std::string s = buf;
    auto e = s.find('e');
    if (e != std::string::npos) {  // 1.5e-07 -> 1.5 \times 10^{-7}
      int exp = std::stoi(s.substr(e + 1));
      s = s.substr(0, e) + " \\times 10^{" + std::to_string(exp) + "}";
    }
    return s;
  }
  std::string mat(const Matrix& M) const {
    std::string s = "\\begin{bmatrix}";
    for (Eigen::Index i = 0; i < M.rows(); ++i) {
      for (Eigen::Index j = 0; j < M.cols(); ++j) s += (j ? " & " : " ") + num(M(i, j));
      s += i + 1 < M.rows() ? " \\\\" : " ";
    }
    return s + "\\end{bmatrix}";
  }
  void heading(const std::string& text, int level = 2) {
    if (f_ == WalkthroughFormat::Markdown) {
      out_ += std::string(static_cast<size_t>(level), '#') + " " + text + "\n\n";
    } else {
      out_ += std::string(level <= 2 ? "\\subsection*{" : "\\subsubsection*{") + text + "}\n\n";
    }
  }
  void para(const std::string& text) { out_ += text + "\n\n"; }
  // A name such as cross_entropy in running text (LaTeX needs the underscore escaped).
  std::string words(std::string s) const {
    if (f_ == WalkthroughFormat::Markdown) return s;
    for (size_t p = s.find('_'); p != std::string::npos; p = s.find('_', p + 2)) s.insert(p, "\\");
    return s;
  }
  void eq(const std::string& latex) {
    if (f_ == WalkthroughFormat::Markdown)
      out_ += "$$\n" + latex + "\n$$\n\n";
    else
      out_ += "\\[\n" + latex + "\n\\]\n\n";
  }
  std::string inl(const std::string& latex) const { return "$" + latex + "$"; }
  std::string& text() { return out_; }

 private:
  WalkthroughFormat f_;
  int digits_;
  std::string out_;
};

std::string idx(const char* name, int l) {
  return std::string(name) + "^{[" + std::to_string(l) + "]}";
}

std::string g_latex(Activation g) { return activation_info(g).tex; }

std::string loss_formula(Loss loss) {
  switch (loss) {
    case Loss::Mse:
      return "\\mathcal{L} = \\frac{1}{m}\\sum_{k} \\tfrac12 \\lVert \\hat y_k - y_k \\rVert^2";
    case Loss::Bce:
      return "\\mathcal{L} = -\\frac{1}{m}\\sum_{k} \\left[ y_k \\log \\hat y_k + (1-y_k) "
             "\\log(1-\\hat y_k) \\right]";
    case Loss::CrossEntropy:
      return "\\mathcal{L} = -\\frac{1}{m}\\sum_{k} \\sum_i y_{ik} \\log \\hat y_{ik}";
  }
  return "";
}

// Z[l] entry by entry, as the seed documents do, when the example is small enough.
void forward_details(Writer& w, const Session& s, int l) {
  const Matrix& W = s.W(l);
  const Matrix& Ap = s.A(l - 1);
  if (Ap.cols() != 1 || W.cols() > 4 || W.rows() > 4) return;
  std::string rows;
  for (Eigen::Index j = 0; j < W.rows(); ++j) {
    std::string r = "z^{[" + std::to_string(l) + "]}_{" + std::to_string(j + 1) + "} &= ";
    for (Eigen::Index i = 0; i < W.cols(); ++i) {
      r += (i ? " + " : "") + w.num(W(j, i)) + " \\cdot " + w.num(Ap(i, 0));
    }
    r += " + " + w.num(s.b(l)(j, 0)) + " = " + w.num(s.Z(l)(j, 0));
    rows += r + (j + 1 < W.rows() ? " \\\\\n" : "");
  }
  w.eq("\\begin{aligned}\n" + rows + "\n\\end{aligned}");
}

void forward_pass(Writer& w, Session& s, const std::string& title, bool setup) {
  s.next_phase();  // forward 1 draws the batch
  if (setup) {
    w.heading("Setup");
    w.eq("X = " + w.mat(s.A(0)) + ", \\quad Y = " + w.mat(s.Y()) +
         ", \\quad m = " + w.num(static_cast<double>(s.A(0).cols())));
    for (int l = 1; l <= s.L(); ++l) {
      w.eq(idx("W", l) + " = " + w.mat(s.W(l)) + ", \\quad " + idx("b", l) + " = " + w.mat(s.b(l)));
    }
  }
  w.heading(title);
  for (int l = 1; l <= s.L(); ++l) {
    if (l > 1) s.next_phase();
    const std::string Apn = l == 1 ? "X" : idx("A", l - 1);
    w.heading("Layer " + std::to_string(l), 3);
    w.eq(idx("Z", l) + " = " + idx("W", l) + " " + Apn + " + " + idx("b", l) + " = " +
         w.mat(s.W(l)) + " " + w.mat(s.A(l - 1)) + " + " + w.mat(s.b(l)) + " = " + w.mat(s.Z(l)));
    forward_details(w, s, l);
    const Activation g = s.spec().activations[l - 1];
    w.eq(idx("A", l) + " = " + g_latex(g) + "(" + idx("Z", l) + ") = " + w.mat(s.A(l)));
  }
  s.next_phase();  // loss
  w.heading("Loss", 3);
  w.eq(loss_formula(s.spec().loss) + " = " + w.num(s.loss()));
}

}  // namespace

Result<std::string> walkthrough(const Spec& spec, const WalkthroughOptions& o) {
  if (o.digits < 1 || o.digits > 17) {
    return Error{"digits", "expected an integer between 1 and 17, got " + std::to_string(o.digits)};
  }
  auto created = Session::create(spec);
  if (!created) return created.error();
  Session s = std::move(created).value();
  Writer w(o.format, o.digits);
  const int L = s.L();
  const double lr = spec.optimizer.learning_rate;

  std::string shape;
  for (size_t i = 0; i < spec.layers.size(); ++i)
    shape += (i ? "-" : "") + std::to_string(spec.layers[i]);
  std::string acts;
  for (size_t i = 0; i < spec.activations.size(); ++i)
    acts += (i ? ", " : "") + w.words(activation_name(spec.activations[i]));
  w.heading("Worked example: a " + shape + " network (" + acts + "), " +
                w.words(loss_name(spec.loss)) + " loss, " + optimizer_name(spec.optimizer.type) +
                " with learning rate " + w.num(lr),
            1);
  w.para("Notation: " + w.inl("Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}") + ", " +
         w.inl("A^{[l]} = g^{[l]}(Z^{[l]})") + ", " + w.inl("A^{[0]} = X") +
         "; examples are columns. Values are the engine's double-precision results shown to " +
         std::to_string(o.digits) + " significant digits.");

  forward_pass(w, s, "Forward pass", true);
  const double m = static_cast<double>(s.A(0).cols());

  w.heading("Backward pass");
  const Activation out = spec.activations.back();
  if (s.fused_output()) {
    w.para("With " + w.words(activation_name(out)) + " and " + w.words(loss_name(spec.loss)) +
           " the output error simplifies: " +
           w.inl("\\partial \\mathcal{L}_k / \\partial z_k = \\hat y_k - y_k") +
           " (prediction minus target, not target minus prediction).");
  }
  for (int l = L; l >= 1; --l) {
    s.next_phase();
    w.heading("Layer " + std::to_string(l) + " (backward box: takes " + w.inl(idx("dA", l)) +
                  ", passes on " + w.inl(idx("dA", l - 1)) + ")",
              3);
    if (l == L && s.fused_output()) {
      w.eq(idx("dZ", l) + " = " + idx("A", l) + " - Y = " + w.mat(s.A(l)) + " - " + w.mat(s.Y()) +
           " = " + w.mat(s.dZ(l)));
      if (out == Activation::Sigmoid) {
        w.para("The same through the chain rule: " + w.inl(idx("dA", l) + " = " + w.mat(s.dA(l))) +
               ", " + w.inl("\\sigma'(" + idx("Z", l) + ") = " + w.mat(s.gprime(l))) +
               ", and their product is " + w.inl(idx("dZ", l)) + ".");
      }
    } else {
      if (l == L) {
        w.eq(idx("dA", l) + " = \\partial \\mathcal{L}_k / \\partial " + idx("A", l) + " = " +
             w.mat(s.dA(l)));
      }
      std::string gp = out == Activation::Softmax && l == L
                           ? "J_{\\operatorname{softmax}}^{\\top} " + idx("dA", l)
                           : idx("dA", l) + " \\odot g'(" + idx("Z", l) + ")";
      std::string nums = out == Activation::Softmax && l == L
                             ? ""
                             : " = " + w.mat(s.dA(l)) + " \\odot " + w.mat(s.gprime(l));
      w.eq(idx("dZ", l) + " = " + gp + nums + " = " + w.mat(s.dZ(l)));
    }
    const std::string Apn = l == 1 ? "X" : idx("A", l - 1);
    w.eq(idx("dW", l) + " = \\tfrac{1}{m} " + idx("dZ", l) + " {" + Apn +
         "}^{\\top} = \\tfrac{1}{" + w.num(m) + "} " + w.mat(s.dZ(l)) + " " +
         w.mat(s.A(l - 1).transpose()) + " = " + w.mat(s.dW(l)));
    w.eq(idx("db", l) + " = \\tfrac{1}{m} \\textstyle\\sum_k " + idx("dZ", l) + " = " +
         w.mat(s.db(l)));
    if (l > 1) {
      w.eq(idx("dA", l - 1) + " = {" + idx("W", l) + "}^{\\top} " + idx("dZ", l) + " = " +
           w.mat(s.W(l).transpose()) + " " + w.mat(s.dZ(l)) + " = " + w.mat(s.dA(l - 1)));
    }
  }

  std::vector<Matrix> W_old, b_old;
  for (int l = 1; l <= L; ++l) {
    W_old.push_back(s.W(l));
    b_old.push_back(s.b(l));
  }
  s.next_phase();  // update
  w.heading("Update");
  if (spec.optimizer.type == OptimizerType::Sgd && spec.optimizer.weight_decay == 0) {
    for (int l = 1; l <= L; ++l) {
      w.eq(idx("W", l) + " \\leftarrow " + idx("W", l) + " - \\eta\\, " + idx("dW", l) + " = " +
           w.mat(W_old[l - 1]) + " - " + w.num(lr) + " " + w.mat(s.dW(l)) + " = " + w.mat(s.W(l)));
      w.eq(idx("b", l) + " \\leftarrow " + idx("b", l) + " - \\eta\\, " + idx("db", l) + " = " +
           w.mat(b_old[l - 1]) + " - " + w.num(lr) + " " + w.mat(s.db(l)) + " = " + w.mat(s.b(l)));
    }
  } else {
    w.para("The " + optimizer_name(spec.optimizer.type) +
           " optimizer (see the engine's documentation for its formula) gives:");
    for (int l = 1; l <= L; ++l) {
      w.eq(idx("W", l) + " \\leftarrow " + w.mat(s.W(l)) + ", \\quad " + idx("b", l) +
           " \\leftarrow " + w.mat(s.b(l)));
    }
  }
  const double first_loss = s.loss();
  forward_pass(w, s, "Forward pass after the update", false);
  w.para("The loss went from " + w.inl(w.num(first_loss)) + " to " + w.inl(w.num(s.loss())) + ".");
  return w.text();
}

}  // namespace bpx
