#include "core/codegen_lines.hpp"

#include "core/codegen_slips.hpp"

namespace bpx {
namespace {

using slips::Shape;

const char* const kShownAfterStep = "  # updated in place by optimizer.step()";

struct Ctx {
  CodeLang lang;
  const Spec& spec;
  long m;
  bool minibatch;
  bool torch() const { return lang == CodeLang::Pytorch; }
  long n(int l) const { return spec.layers[static_cast<size_t>(l)]; }
  int L() const { return spec.L(); }
  Activation g(int l) const { return spec.activations[static_cast<size_t>(l - 1)]; }
  bool fused() const { return is_fused(spec.loss, spec.activations.back()); }
};

CodeLine line(std::string text, std::string quantity, int layer, std::vector<long> shape,
              std::vector<std::string> notes = {}) {
  return {std::move(text), std::move(quantity), layer, std::move(shape), std::move(notes)};
}

std::string nm(const char* q, int l) { return py_name(q, l); }

// A[l] = g(Z[l]) in the library's words.
std::string activation_call(const Ctx& c, int l) {
  const std::string Z = nm("Z", l);
  switch (c.g(l)) {
    case Activation::Sigmoid:
      return c.torch() ? "torch.sigmoid(" + Z + ")" : "sigmoid(" + Z + ")";
    case Activation::Tanh:
      return (c.torch() ? "torch.tanh(" : "np.tanh(") + Z + ")";
    case Activation::Relu:
      return c.torch() ? "torch.relu(" + Z + ")" : "np.maximum(" + Z + ", 0)";
    case Activation::LeakyRelu:
      return c.torch() ? "F.leaky_relu(" + Z + ", 0.01)"
                       : "np.where(" + Z + " > 0, " + Z + ", 0.01 * " + Z + ")";
    case Activation::Softplus:
      // PyTorch's default threshold 20 returns z itself above 20, about 2e-9 from log(1 + e^z);
      // above 40 the two agree to the last bit.
      return c.torch() ? "F.softplus(" + Z + ", beta=1, threshold=40)"
                       : "np.logaddexp(0, " + Z + ")";
    case Activation::Linear:
      return Z;
    case Activation::Softmax:
      return c.torch() ? "torch.softmax(" + Z + ", dim=0)" : "softmax(" + Z + ")";
  }
  return Z;
}

void forward(const Ctx& c, int l, std::vector<CodeLine>& out) {
  const long m = c.m;
  if (l == 1) {
    const std::string pick = c.minibatch ? "[:, batch]" : "";
    out.push_back(line("A0 = X_train" + pick, "A", 0, {c.n(0), m},
                       {"Examples are columns: A0 is (" + std::to_string(c.n(0)) + ", " +
                        std::to_string(m) + "), one column per example of the batch."}));
    out.push_back(line("Y = Y_train" + pick, "Y", 0, {c.n(c.L()), m}));
    out.push_back(line("m = A0.shape[1]", "", 0, {}));
  }
  const std::string W = nm("W", l), A_prev = nm("A", l - 1), b = nm("b", l), Z = nm("Z", l);
  const Shape w{c.n(l), c.n(l - 1)}, a{c.n(l - 1), m};
  out.push_back(
      line(Z + " = " + W + " @ " + A_prev + " + " + b, "Z", l, {c.n(l), m},
           {slips::star_for_matmul(W, w, A_prev, a), slips::bias_broadcast(b, c.n(l), m)}));
  if (c.torch()) out.push_back(line(Z + ".retain_grad()", "", l, {}, {}));
  CodeLine act = line(nm("A", l) + " = " + activation_call(c, l), "A", l, {c.n(l), m});
  if (c.g(l) == Activation::Sigmoid)
    act.notes.push_back(slips::sigmoid_precedence(Z, c.torch() ? "torch.exp" : "np.exp"));
  if (c.g(l) == Activation::Softmax)
    act.notes.push_back(slips::softmax_axis(c.torch() ? "dim=0" : "axis=0"));
  if (c.g(l) == Activation::Linear)
    act.notes.push_back("Linear: g(z) = z, so " + nm("A", l) + " is " + Z + " itself.");
  if (c.g(l) == Activation::Softplus)
    act.notes.push_back(c.torch() ? "threshold=40: with the default 20, F.softplus returns z "
                                    "itself above 20, about 2e-9 from log(1 + e^z)."
                                  : "log(1 + e^z) as np.logaddexp(0, z): `np.log(1 + np.exp(" + Z +
                                        "))` overflows for large z.");
  out.push_back(act);
  if (c.torch() && c.g(l) != Activation::Linear)
    out.push_back(line(nm("A", l) + ".retain_grad()", "", l, {},
                       {"retain_grad() keeps the gradient of an intermediate after backward(); "
                        "autograd otherwise keeps .grad only for leaves (the parameters)."}));
}

void loss(const Ctx& c, std::vector<CodeLine>& out) {
  const int L = c.L();
  const std::string A = nm("A", L), Z = nm("Z", L), dA = nm("dA", L);
  const std::vector<long> sh{c.n(L), c.m};
  switch (c.spec.loss) {
    case Loss::Mse:
      out.push_back(line(
          c.torch() ? "L = 0.5 * ((" + A + " - Y) ** 2).sum() / m"
                    : "L = np.sum(0.5 * (" + A + " - Y) ** 2) / m",
          "loss", 0, {},
          {"½ times the squared error, summed over the outputs and averaged over "
           "the m examples. np.mean over every entry would also divide by the " +
           std::to_string(c.n(L)) + (c.n(L) == 1 ? " output" : " outputs") + " and drop the ½."}));
      if (!c.torch())
        out.push_back(line(
            dA + " = " + A + " - Y", "dA", L, sh,
            {slips::sign_convention(dA, A), "Per example, no / m: the mean enters in dW and db."}));
      break;
    case Loss::Bce:
      if (c.torch()) {
        out.push_back(
            line("L = F.binary_cross_entropy_with_logits(" + Z + ", Y, reduction=\"sum\") / m",
                 "loss", 0, {},
                 {"On the logits " + Z +
                  ", as the engine computes it: stable for any "
                  "Z. F.binary_cross_entropy(" +
                  A +
                  ", Y) on probabilities clamps "
                  "log at -100 and loses digits where " +
                  A + " rounds to 1."}));
      } else {
        out.push_back(line("L = np.sum(np.maximum(" + Z + ", 0) - " + Z +
                               " * Y + np.log1p(np.exp(-np.abs(" + Z + ")))) / m",
                           "loss", 0, {},
                           {"The same number as -np.sum(Y * np.log(" + A +
                            ") + (1 - Y) * "
                            "np.log(1 - " +
                            A + ")) / m, written with " + Z + " so that it never takes log(0)."}));
        out.push_back(line(dA + " = -(Y / " + A + " - (1 - Y) / (1 - " + A + "))", "dA", L, sh,
                           {"Shown for the chain rule; the backward pass does not need it: "
                            "sigmoid and cross-entropy together give dZ = A - Y."}));
      }
      break;
    case Loss::CrossEntropy:
      out.push_back(
          line(c.torch() ? "L = -(Y * F.log_softmax(" + Z + ", dim=0)).sum() / m"
                         : "L = -np.sum(Y * log_softmax(" + Z + ")) / m",
               "loss", 0, {},
               {"log_softmax of the logits, not np.log(" + A +
                "): the same number "
                "without log(0) when a probability underflows." +
                std::string(c.torch() ? " F.cross_entropy(" + Z +
                                            ".T, Y.T, "
                                            "reduction=\"sum\") / m is the same (it wants "
                                            "examples as rows)."
                                      : "")}));
      if (!c.torch())
        out.push_back(line(dA + " = -Y / " + A, "dA", L, sh,
                           {"Shown for the chain rule; softmax and cross-entropy together give "
                            "dZ = A - Y."}));
      break;
  }
}

// dZ[l] = dA[l] (.) g'(Z[l]) in course style; the fused output when it applies.
CodeLine dz_line(const Ctx& c, int l) {
  const std::string dZ = nm("dZ", l), dA = nm("dA", l), A = nm("A", l), Z = nm("Z", l);
  const Shape s{c.n(l), c.m};
  const std::vector<long> sh{c.n(l), c.m};
  if (c.torch()) {
    return line(dZ + " = " + Z + ".grad * m", "dZ", l, sh,
                {Z + ".grad is dL/d" + Z + " of the mean loss, 1/m per example; the engine's " +
                 dZ + " is per example (the 1/m enters in dW and db)."});
  }
  if (l == c.L() && c.fused()) {
    return line(
        dZ + " = " + A + " - Y", "dZ", l, sh,
        {c.spec.loss == Loss::Bce
             ? "Sigmoid with cross-entropy: dL/dZ = A - Y, because " + dA + " * " + A + " * (1 - " +
                   A + ") cancels to it (and stays exact where " + A + " rounds to 1)."
             : "Softmax with cross-entropy: dL/dZ = A - Y (the softmax Jacobian and "
               "-Y / A cancel to it).",
         slips::sign_convention(dZ, A)});
  }
  std::string prime;
  switch (c.g(l)) {
    case Activation::Sigmoid:
      prime = A + " * (1 - " + A + ")";
      break;
    case Activation::Tanh:
      prime = "(1 - " + A + " ** 2)";
      break;
    case Activation::Relu:
      prime = "(" + Z + " > 0)";
      break;
    case Activation::LeakyRelu:
      prime = "np.where(" + Z + " > 0, 1.0, 0.01)";
      break;
    case Activation::Softplus:
      prime = "sigmoid(" + Z + ")";
      break;
    case Activation::Linear:
      return line(dZ + " = " + dA, "dZ", l, sh,
                  {"Linear: g'(z) = 1, so " + dZ + " is " + dA + "."});
    case Activation::Softmax:
      return line(dZ + " = " + A + " * (" + dA + " - np.sum(" + dA + " * " + A +
                      ", axis=0, keepdims=True))",
                  "dZ", l, sh,
                  {"Softmax couples the units of a column: dZ is the Jacobian times dA, not " + dA +
                   " * " + A + " * (1 - " + A + ")."});
  }
  return line(dZ + " = " + dA + " * " + prime, "dZ", l, sh, {slips::matmul_for_star(dA, "g'", s)});
}

void backward(const Ctx& c, int l, std::vector<CodeLine>& out) {
  const std::string dZ = nm("dZ", l), dW = nm("dW", l), db = nm("db", l), W = nm("W", l),
                    b = nm("b", l), A_prev = nm("A", l - 1), dA_prev = nm("dA", l - 1);
  const Shape dz{c.n(l), c.m}, a_prev{c.n(l - 1), c.m};
  if (c.torch()) {
    if (l == c.L()) {
      out.push_back(line("L.backward()", "", 0, {},
                         {"One call fills .grad of every parameter and of every tensor with "
                          "retain_grad(): the backward phases below only read them. It adds to "
                          ".grad, so each step needs optimizer.zero_grad()."}));
      if (!c.fused())
        out.push_back(line(nm("dA", l) + " = " + nm("A", l) + ".grad * m", "dA", l, {c.n(l), c.m},
                           {"dL/dA of the mean loss times m: the engine's dA is per example."}));
    }
    out.push_back(dz_line(c, l));
    out.push_back(line(dW + " = " + W + ".grad.clone()", "dW", l, {c.n(l), c.n(l - 1)},
                       {W + ".grad is dW[" + std::to_string(l) +
                        "] (the 1/m is in already). "
                        "clone(): optimizer.zero_grad() would clear it in place."}));
    out.push_back(line(db + " = " + b + ".grad.clone()", "db", l, {c.n(l), 1}));
    if (l > 1)
      out.push_back(line(dA_prev + " = " + nm("A", l - 1) + ".grad * m", "dA", l - 1,
                         {c.n(l - 1), c.m}, {slips::passes_dA(l)}));
    return;
  }
  out.push_back(dz_line(c, l));
  out.push_back(
      line(dW + " = " + dZ + " @ " + A_prev + ".T / m", "dW", l, {c.n(l), c.n(l - 1)},
           {slips::missing_transpose(dZ, dz, A_prev, a_prev), slips::missing_mean(dW, c.m)}));
  out.push_back(line(db + " = np.sum(" + dZ + ", axis=1, keepdims=True) / m", "db", l, {c.n(l), 1},
                     {slips::sum_without_keepdims(db, b, c.n(l))}));
  out.push_back(line(
      dA_prev + " = " + W + ".T @ " + dZ, "dA", l - 1, {c.n(l - 1), c.m},
      {l > 1 ? slips::passes_dA(l) : "dA0 is dL/dX: the inputs are data, so no update uses it."}));
}

void update_numpy(const Ctx& c, std::vector<CodeLine>& out) {
  const OptimizerSpec& o = c.spec.optimizer;
  const bool wd = o.weight_decay != 0.0;
  if (o.type == OptimizerType::Adam)
    out.push_back(line("t += 1", "", 0, {},
                       {"Adam's step count, once per step, for the bias "
                        "correction 1 - beta ** t."}));
  for (int l = 1; l <= c.L(); ++l) {
    for (const char* p : {"W", "b"}) {
      const bool is_w = p[0] == 'W';
      const std::string P = nm(p, l), g = nm(is_w ? "dW" : "db", l);
      const std::vector<long> sh{c.n(l), is_w ? c.n(l - 1) : 1};
      std::string grad = g;
      if (is_w && wd) {
        grad = nm("gW", l);
        out.push_back(line(grad + " = " + g + " + wd * " + P, "", l, sh,
                           {"L2: wd * W joins the gradient of the weights (not the biases)."}));
      }
      const std::string mq = is_w ? "mW" : "mb", vq = is_w ? "vW" : "vb";
      switch (o.type) {
        case OptimizerType::Sgd:
          out.push_back(line(P + " -= lr * " + grad, p, l, sh,
                             {"Minus: the gradient points uphill. `+=` climbs the loss."}));
          break;
        case OptimizerType::Momentum: {
          const std::string v = nm(is_w ? "vW" : "vb", l);
          out.push_back(line(v + " = momentum * " + v + " + " + grad, mq, l, sh,
                             {"The velocity: a running sum of gradients, each older one "
                              "weighted by momentum once more."}));
          out.push_back(line(P + " -= lr * " + v, p, l, sh));
          break;
        }
        case OptimizerType::Adam: {
          const std::string m1 = nm(is_w ? "mW" : "mb", l), v = nm(is_w ? "vW" : "vb", l);
          out.push_back(line(m1 + " = beta1 * " + m1 + " + (1 - beta1) * " + grad, mq, l, sh));
          out.push_back(line(v + " = beta2 * " + v + " + (1 - beta2) * " + grad + " ** 2", vq, l,
                             sh,
                             {"** 2 is element by element (not " + grad + " @ " + grad + ".T)."}));
          out.push_back(line(P + " -= lr * (" + m1 + " / (1 - beta1 ** t)) / (np.sqrt(" + v +
                                 " / (1 - beta2 ** t)) + eps)",
                             p, l, sh,
                             {"eps is added after the square root of the corrected v, as "
                              "PyTorch's Adam does."}));
          break;
        }
      }
    }
  }
}

void update_torch(const Ctx& c, std::vector<CodeLine>& out) {
  const OptimizerSpec& o = c.spec.optimizer;
  std::string how;
  switch (o.type) {
    case OptimizerType::Sgd:
      how = "torch.optim.SGD: W -= lr * (W.grad + weight_decay * W), as the engine.";
      break;
    case OptimizerType::Momentum:
      how =
          "torch.optim.SGD(momentum=..., dampening=0): v = momentum * v + g; W -= lr * v, "
          "as the engine.";
      break;
    case OptimizerType::Adam:
      how =
          "torch.optim.Adam: eps after the square root of the bias-corrected v, and "
          "weight_decay added to the gradient (L2, not AdamW), as the engine.";
      break;
  }
  if (o.weight_decay != 0.0)
    how += " The biases are a parameter group of their own with weight_decay=0.";
  out.push_back(line("optimizer.step()", "", 0, {}, {how}));
  out.push_back(line("optimizer.zero_grad()", "", 0, {},
                     {"Without it the next L.backward() adds its gradients to these: they "
                      "accumulate over steps."}));
  for (int l = 1; l <= c.L(); ++l) {
    out.push_back(line(nm("W", l) + kShownAfterStep, "W", l, {c.n(l), c.n(l - 1)}, {}));
    out.push_back(line(nm("b", l) + kShownAfterStep, "b", l, {c.n(l), 1}, {}));
  }
}

}  // namespace

std::string code_lang_name(CodeLang lang) { return lang == CodeLang::Numpy ? "numpy" : "pytorch"; }

std::optional<CodeLang> code_lang_from_name(const std::string& name) {
  if (name == "numpy") return CodeLang::Numpy;
  if (name == "pytorch") return CodeLang::Pytorch;
  return std::nullopt;
}

bool display_only(const CodeLine& line) {
  const std::string name = py_name(line.quantity, line.layer);
  return !line.quantity.empty() && line.text == name + kShownAfterStep;
}

std::string py_name(const std::string& quantity, int layer) {
  return quantity + std::to_string(layer);
}

std::vector<CodeLine> phase_lines(CodeLang lang, const Spec& spec, const Phase& phase, long m,
                                  bool minibatch) {
  Ctx c{lang, spec, m, minibatch};
  std::vector<CodeLine> out;
  switch (phase.kind) {
    case Phase::Forward:
      forward(c, phase.layer, out);
      break;
    case Phase::Loss:
      loss(c, out);
      break;
    case Phase::Backward:
      backward(c, phase.layer, out);
      break;
    case Phase::Update:
      if (c.torch())
        update_torch(c, out);
      else
        update_numpy(c, out);
      break;
  }
  return out;
}

std::vector<PhaseCode> step_lines(CodeLang lang, const Session& session, long m, bool minibatch) {
  std::vector<PhaseCode> out;
  for (int i = 0; i < session.phases_per_step(); ++i) {
    const Phase p = session.phase_at(i);
    out.push_back({p, phase_lines(lang, session.spec(), p, m, minibatch)});
  }
  return out;
}

}  // namespace bpx
