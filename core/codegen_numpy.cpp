// The NumPy script: the engine's own forms (stable sigmoid, log-softmax, the fused
// dZ = A - Y, L2 and the optimizers of core/optimizer.hpp) written as course code.
#include "core/codegen_common.hpp"
#include "core/codegen_script.hpp"

namespace bpx {

namespace {

bool uses(const Spec& spec, Activation g) {
  for (Activation a : spec.activations)
    if (a == g) return true;
  return false;
}

std::string helpers(const Spec& spec) {
  std::string out;
  // softplus' is the sigmoid.
  if (uses(spec, Activation::Sigmoid) || uses(spec, Activation::Softplus)) {
    out +=
        "\n\ndef sigmoid(Z):\n"
        "    # 1 / (1 + e^-z) without ever taking e^z of a large z (the engine's form).\n"
        "    E = np.exp(-np.abs(Z))\n"
        "    return np.where(Z >= 0, 1 / (1 + E), E / (1 + E))\n";
  }
  if (uses(spec, Activation::Softmax)) {
    out +=
        "\n\ndef softmax(Z):\n"
        "    # Column by column (one example each), shifted by the column's max.\n"
        "    E = np.exp(Z - Z.max(axis=0, keepdims=True))\n"
        "    return E / np.sum(E, axis=0, keepdims=True)\n";
  }
  if (spec.loss == Loss::CrossEntropy) {
    out +=
        "\n\ndef log_softmax(Z):\n"
        "    S = Z - Z.max(axis=0, keepdims=True)\n"
        "    return S - np.log(np.sum(np.exp(S), axis=0, keepdims=True))\n";
  }
  return out;
}

std::string optimizer_block(const OptimizerSpec& o, int L) {
  std::string out = "lr = " + codegen::py_number(o.learning_rate) + "\n";
  if (o.weight_decay != 0.0)
    out += "wd = " + codegen::py_number(o.weight_decay) + "  # L2 on the weights only\n";
  auto zeros = [&out, L](const char* m, const char* v) {
    for (int l = 1; l <= L; ++l) {
      for (const char* p : {"W", "b"}) {
        const std::string P = py_name(p, l);
        out += std::string(m) + P + " = np.zeros_like(" + P + ")\n";
        if (v) out += std::string(v) + P + " = np.zeros_like(" + P + ")\n";
      }
    }
  };
  switch (o.type) {
    case OptimizerType::Sgd:
      break;
    case OptimizerType::Momentum:
      out += "momentum = " + codegen::py_number(o.momentum) + "\n";
      zeros("v", nullptr);
      break;
    case OptimizerType::Adam:
      out += "beta1 = " + codegen::py_number(o.beta1) + "\nbeta2 = " + codegen::py_number(o.beta2) +
             "\neps = " + codegen::py_number(o.epsilon) + "\nt = 0\n";
      zeros("m", "v");
      break;
  }
  return out;
}

}  // namespace

std::string codegen::numpy_script(const Spec& spec, const ScriptRun& run, const Session& session) {
  std::string out = "#!/usr/bin/env python3\n\"\"\"Backprop Explorer, exported as NumPy: " +
                    std::to_string(run.steps) + (run.steps == 1 ? " step" : " steps") +
                    " of the spec's network, from its exact initial parameters and data.\n\n" +
                    printout_doc() + "\"\"\"\nimport numpy as np\n" + helpers(spec) + "\n\n";
  out +=
      "def show(step, name, layer, value):\n"
      "    M = np.atleast_2d(np.asarray(value, dtype=np.float64))\n"
      "    values = \" \".join(repr(v) for v in M.ravel().tolist())\n"
      "    print(step, name, layer, M.shape[0], M.shape[1], values)\n\n\n";
  out += "# Parameters at the start: W[l] is n_l x n_{l-1}, b[l] is n_l x 1.\n";
  for (int l = 1; l <= spec.L(); ++l) {
    const std::string W = py_name("W", l), b = py_name("b", l);
    out += W + " = np.array(" + py_rows(run.W[l - 1]) + ")\n";
    out += b + " = np.array(" + py_rows(run.b[l - 1]) + ")\n";
  }
  out += data_block(run, "np.array", "");
  out += optimizer_block(spec.optimizer, spec.L());
  out += "steps = " + std::to_string(run.steps) + "\n\n";
  out += "for step in range(1, steps + 1):\n";
  out += step_body(CodeLang::Numpy, session, run);
  out += "    # the trace of this step\n" + show_calls(spec);
  return out;
}

}  // namespace bpx
