#include "core/practice_hint.hpp"

#include <cstdio>

namespace bpx {

std::string format_number(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  std::string s = buf;
  if (!s.empty() && s[0] == '-') s = "\u2212" + s.substr(1);
  return s;
}

namespace {

std::string num(double x) { return format_number(x, kHintDigits); }
// A number as a factor: negatives in parentheses.
std::string factor(double x) { return x < 0 ? "(" + num(x) + ")" : num(x); }
std::string ix(const std::string& sym, int l) { return sym + "[" + std::to_string(l) + "]"; }
std::string at(const std::string& m, long r, long c) {
  return m + "(" + std::to_string(r) + "," + std::to_string(c) + ")";
}

// Joins terms with " + ", writing only the first and last few of a long sum.
std::string join_sum(const std::vector<std::string>& terms) {
  std::string s;
  const size_t n = terms.size();
  for (size_t i = 0; i < n; ++i) {
    if (n > kMaxHintTerms && i >= kMaxHintTerms / 2 && i < n - 2) {
      if (i == kMaxHintTerms / 2) s += " + \u2026";
      continue;
    }
    s += (i ? " + " : "") + terms[i];
  }
  return s;
}

std::string mean_prefix(long m) { return m > 1 ? "(1/" + std::to_string(m) + ") \u00d7 (" : ""; }
std::string mean_suffix(long m) { return m > 1 ? ")" : ""; }

const char* g_rule(Activation g) { return activation_info(g).rule; }

const char* gprime_rule(Activation g) { return activation_info(g).rule_prime; }

class Builder {
 public:
  Builder(const PracticeFrames& f, const QuantityRef& q) : f_(f), q_(q), s_(f.after) {}

  Derivation run() {
    const int l = q_.layer, L = s_.L();
    const long r = q_.row, c = q_.col, m = s_.Y().cols();
    switch (q_.kind) {
      case QuantityKind::Z: {
        d_.rule = ix("Z", l) + " = " + ix("W", l) + " " + ix("A", l - 1) + " + " + ix("b", l) +
                  ";  " + at(ix("Z", l), r, c) + " = \u03a3\u2c7c " + at(ix("W", l), r, 99) + " " +
                  ix("A", l - 1) + "(j," + std::to_string(c) + ") + " + ix("b", l) + "(" +
                  std::to_string(r) + ")";
        fix_j(d_.rule);
        std::vector<std::string> terms;
        for (long j = 0; j < s_.W(l).cols(); ++j) {
          terms.push_back(factor(use(at(ix("W", l), r, j), s_.W(l)(r, j))) + " \u00d7 " +
                          factor(use(at(ix("A", l - 1), j, c), s_.A(l - 1)(j, c))));
        }
        terms.push_back(factor(use(at(ix("b", l), r, 0), s_.b(l)(r, 0))));
        d_.substituted = join_sum(terms);
        break;
      }
      case QuantityKind::A: {
        const Activation g = s_.spec().activations[static_cast<size_t>(l - 1)];
        d_.rule = ix("A", l) + " = g(" + ix("Z", l) + ") with g(z) = " + g_rule(g);
        const double z = use(at(ix("Z", l), r, c), s_.Z(l)(r, c));
        if (g == Activation::Sigmoid)
          d_.substituted = "1 / (1 + exp(" + num(-z) + "))";
        else if (g == Activation::Tanh)
          d_.substituted = "tanh(" + num(z) + ")";
        else if (g == Activation::Relu)
          d_.substituted = "max(0, " + num(z) + ")";
        else if (g == Activation::LeakyRelu)
          d_.substituted = "max(0.01 \u00d7 " + factor(z) + ", " + num(z) + ")";
        else if (g == Activation::Linear)
          d_.substituted = num(z);
        else if (g != Activation::Softmax)  // any other element-wise activation, by name
          d_.substituted = activation_name(g) + "(" + num(z) + ")";
        else {
          std::vector<std::string> terms;
          for (long i = 0; i < s_.Z(l).rows(); ++i) {
            if (i != r) use(at(ix("Z", l), i, c), s_.Z(l)(i, c));
            terms.push_back("exp(" + num(s_.Z(l)(i, c)) + ")");
          }
          d_.substituted = "exp(" + num(z) + ") / (" + join_sum(terms) + ")";
        }
        break;
      }
      case QuantityKind::Loss:
        loss_rule(L, m);
        break;
      case QuantityKind::dA:
        if (l == L) {
          dA_output(L, r, c);
        } else {
          d_.rule = ix("dA", l) + " = " + ix("W", l + 1) + "\u1d40 " + ix("dZ", l + 1) +
                    ";  the sum runs over every unit that " + at(ix("A", l), r, c) + " feeds";
          std::vector<std::string> terms;
          for (long j = 0; j < s_.W(l + 1).rows(); ++j)
            terms.push_back(factor(use(at(ix("W", l + 1), j, r), s_.W(l + 1)(j, r))) + " \u00d7 " +
                            factor(use(at(ix("dZ", l + 1), j, c), s_.dZ(l + 1)(j, c))));
          d_.substituted = join_sum(terms);
        }
        break;
      case QuantityKind::dZ: {
        const Activation g = s_.spec().activations[static_cast<size_t>(l - 1)];
        if (l == L && s_.fused_output()) {
          d_.rule = ix("dZ", L) + " = " + ix("A", L) +
                    " \u2212 Y (the output activation and the loss together)";
          d_.substituted = num(use(at(ix("A", L), r, c), s_.A(L)(r, c))) + " \u2212 " +
                           factor(use(at("Y", r, c), s_.Y()(r, c)));
        } else if (g == Activation::Softmax) {
          d_.rule = ix("dZ", l) + " = " + ix("A", l) + " \u2299 (" + ix("dA", l) +
                    " \u2212 \u03a3\u1d62 " + ix("dA", l) + " \u2299 " + ix("A", l) +
                    ") per column";
          d_.substituted = "see the softmax Jacobian";
        } else {
          d_.rule = ix("dZ", l) + " = " + ix("dA", l) + " \u2299 g\u2032(" + ix("Z", l) +
                    ") with " + gprime_rule(g);
          d_.substituted = factor(use(at(ix("dA", l), r, c), s_.dA(l)(r, c))) + " \u00d7 " +
                           factor(use("g\u2032(" + at(ix("Z", l), r, c) + ")", s_.gprime(l)(r, c)));
        }
        break;
      }
      case QuantityKind::dW: {
        d_.rule = ix("dW", l) + " = (1/m) " + ix("dZ", l) + " " + ix("A", l - 1) +
                  "\u1d40, m = " + std::to_string(m);
        std::vector<std::string> terms;
        for (long k = 0; k < m; ++k)
          terms.push_back(factor(use(at(ix("dZ", l), r, k), s_.dZ(l)(r, k))) + " \u00d7 " +
                          factor(use(at(ix("A", l - 1), c, k), s_.A(l - 1)(c, k))));
        d_.substituted = mean_prefix(m) + join_sum(terms) + mean_suffix(m);
        break;
      }
      case QuantityKind::db: {
        d_.rule = ix("db", l) + " = (1/m) \u03a3\u2096 " + ix("dZ", l) +
                  "(\u00b7,k), m = " + std::to_string(m);
        std::vector<std::string> terms;
        for (long k = 0; k < m; ++k)
          terms.push_back(factor(use(at(ix("dZ", l), r, k), s_.dZ(l)(r, k))));
        d_.substituted = mean_prefix(m) + join_sum(terms) + mean_suffix(m);
        break;
      }
      case QuantityKind::W:
      case QuantityKind::b:
        update_rule(l, r, c);
        break;
    }
    const double v = quantity_matrix(s_, q_)(q_.kind == QuantityKind::Loss ? 0 : r,
                                             q_.kind == QuantityKind::Loss ? 0 : c);
    d_.value = q_.entry() + " = " + format_number(v, 6);
    d_.substituted = q_.entry() + " = " + d_.substituted;
    return d_;
  }

 private:
  double use(const std::string& label, double v) {
    d_.operands.push_back({label, v});
    return v;
  }
  static void fix_j(std::string& s) {
    const std::string from = ",99)", to = ",j)";
    auto p = s.find(from);
    if (p != std::string::npos) s.replace(p, from.size(), to);
  }

  void loss_rule(int L, long m) {
    const Loss loss = s_.spec().loss;
    std::vector<std::string> terms;
    for (long k = 0; k < m; ++k) {
      for (long i = 0; i < s_.A(L).rows(); ++i) {
        const double a = use(at(ix("A", L), i, k), s_.A(L)(i, k));
        const double y = use(at("Y", i, k), s_.Y()(i, k));
        if (loss == Loss::Mse)
          terms.push_back("\u00bd(" + num(a) + " \u2212 " + factor(y) + ")\u00b2");
        else if (loss == Loss::Bce)
          terms.push_back("\u2212(" + num(y) + " log " + num(a) + " + (1 \u2212 " + num(y) +
                          ") log(1 \u2212 " + num(a) + "))");
        else if (y != 0)
          terms.push_back("\u2212" + num(y) + " log " + num(a));
      }
    }
    if (loss == Loss::Mse)
      d_.rule =
          "loss = (1/m) \u03a3\u2096 \u00bd \u03a3\u1d62 (A[L] \u2212 Y)\u00b2, summed over "
          "outputs, averaged over the m examples";
    else if (loss == Loss::Bce)
      d_.rule = "loss = (1/m) \u03a3\u2096 \u2212(y log a + (1 \u2212 y) log(1 \u2212 a))";
    else
      d_.rule = "loss = (1/m) \u03a3\u2096 \u2212\u03a3\u1d62 Y log A (softmax outputs)";
    d_.substituted = mean_prefix(m) + join_sum(terms) + mean_suffix(m);
  }

  void dA_output(int L, long r, long c) {
    const Loss loss = s_.spec().loss;
    const double a = use(at(ix("A", L), r, c), s_.A(L)(r, c));
    const double y = use(at("Y", r, c), s_.Y()(r, c));
    if (loss == Loss::Mse) {
      d_.rule = ix("dA", L) +
                " = \u2202loss/\u2202A = A[L] \u2212 Y (prediction minus target; the \u00bd "
                "cancels the 2)";
      d_.substituted = num(a) + " \u2212 " + factor(y);
    } else if (loss == Loss::Bce) {
      d_.rule = ix("dA", L) + " = \u2212Y/A + (1 \u2212 Y)/(1 \u2212 A)";
      d_.substituted = "\u2212" + num(y) + " / " + num(a) + " + (1 \u2212 " + num(y) +
                       ") / (1 \u2212 " + num(a) + ")";
    } else {
      d_.rule = ix("dA", L) + " = \u2212Y / A";
      d_.substituted = "\u2212" + num(y) + " / " + num(a);
    }
  }

  void update_rule(int l, long r, long c) {
    const OptimizerSpec& o = s_.spec().optimizer;
    const bool is_b = q_.kind == QuantityKind::b;
    const std::string P = is_b ? "b" : "W", dP = is_b ? "db" : "dW";
    const Session& b4 = f_.before;
    const double p0 = use(at(ix(P, l), r, c) + " before", is_b ? b4.b(l)(r, c) : b4.W(l)(r, c));
    if (is_b && !s_.spec().update_biases) {
      d_.rule = "b is not updated (the spec sets update_biases to false)";
      d_.substituted = num(p0);
      return;
    }
    if (o.type != OptimizerType::Sgd) {
      d_.rule = ix(P, l) + " \u2190 the " + optimizer_name(o.type) + " update of " + ix(P, l) +
                " with " + ix(dP, l);
      d_.substituted = "(the optimizer's memory enters here; see the update phase)";
      return;
    }
    const double g = use(at(ix(dP, l), r, c), is_b ? b4.db(l)(r, c) : b4.dW(l)(r, c));
    const double lr = use("\u03b7", o.learning_rate);
    if (!is_b && o.weight_decay != 0) {
      d_.rule = "W \u2190 W \u2212 \u03b7 (dW + \u03bb W), \u03bb = " + num(o.weight_decay);
      d_.substituted = num(p0) + " \u2212 " + num(lr) + " \u00d7 (" + num(g) + " + " +
                       num(o.weight_decay) + " \u00d7 " + factor(p0) + ")";
      return;
    }
    d_.rule = ix(P, l) + " \u2190 " + ix(P, l) + " \u2212 \u03b7 " + ix(dP, l) +
              " (a step against the gradient)";
    d_.substituted = num(p0) + " \u2212 " + num(lr) + " \u00d7 " + factor(g);
  }

  const PracticeFrames& f_;
  const QuantityRef& q_;
  const Session& s_;
  Derivation d_;
};

}  // namespace

Derivation derive(const PracticeFrames& f, const QuantityRef& q) { return Builder(f, q).run(); }

std::string hint_text(const Derivation& d, int level) {
  if (level <= 1) return d.rule;
  if (level == 2) return d.substituted;
  return d.value;
}

}  // namespace bpx
