// The PyTorch float64 script: the same network through autograd and torch.optim, with the
// PyTorch forms that match the engine (each named in a comment of the script).
#include "core/codegen_common.hpp"
#include "core/codegen_script.hpp"

namespace bpx {

namespace {

std::string param_list(int L, const char* p) {
  std::string out = "[";
  for (int l = 1; l <= L; ++l) out += (l > 1 ? ", " : "") + py_name(p, l);
  return out + "]";
}

std::string optimizer_block(const OptimizerSpec& o, int L) {
  const std::string wd = codegen::py_number(o.weight_decay);
  std::string out = "lr = " + codegen::py_number(o.learning_rate) + "\n";
  out += "# Two parameter groups: L2 weight decay on the weights only, as the engine.\n";
  out += "groups = [{\"params\": " + param_list(L, "W") + ", \"weight_decay\": " + wd +
         "},\n          {\"params\": " + param_list(L, "b") + ", \"weight_decay\": 0.0}]\n";
  switch (o.type) {
    case OptimizerType::Sgd:
      out += "# SGD: W -= lr * (W.grad + weight_decay * W), the engine's sgd.\n";
      out += "optimizer = torch.optim.SGD(groups, lr=lr)\n";
      break;
    case OptimizerType::Momentum:
      out +=
          "# SGD with momentum, dampening 0, not Nesterov: v = momentum * v + g; W -= lr * v\n"
          "# (g includes weight_decay * W), the engine's momentum.\n";
      out +=
          "optimizer = torch.optim.SGD(groups, lr=lr, momentum=" + codegen::py_number(o.momentum) +
          ", dampening=0.0, nesterov=False)\n";
      break;
    case OptimizerType::Adam:
      out +=
          "# Adam, not AdamW: weight_decay is added to the gradient (L2), and eps is added\n"
          "# after the square root of the bias-corrected v: the engine's adam.\n";
      out += "optimizer = torch.optim.Adam(groups, lr=lr, betas=(" + codegen::py_number(o.beta1) +
             ", " + codegen::py_number(o.beta2) + "), eps=" + codegen::py_number(o.epsilon) +
             ", amsgrad=False)\n";
      break;
  }
  return out;
}

// The fused losses compute L from the logits, so autograd never forms dL/dA[L]; the trace
// shows it, so the script gets it from the same loss written on the probabilities.
std::string fused_dA(const Spec& spec) {
  const int L = spec.L();
  const std::string A = py_name("A", L), dA = py_name("dA", L);
  if (!is_fused(spec.loss, spec.activations.back())) return "";
  std::string out =
      "    # dA for the printout: the loss above is on the logits, so autograd never forms\n"
      "    # dL/d" +
      A + "; the same loss on the probabilities, per example (a sum, no / m), gives it.\n";
  out += "    Ap = " + A + ".detach().requires_grad_(True)\n";
  if (spec.loss == Loss::Bce)
    out += "    F.binary_cross_entropy(Ap, Y, reduction=\"sum\").backward()\n";
  else
    out += "    (-(Y * torch.log(Ap)).sum()).backward()\n";
  out += "    " + dA + " = Ap.grad\n";
  // dA0 (dL/dX) is not part of the trace, so the script does not ask autograd for it.
  return out;
}

}  // namespace

std::string codegen::pytorch_script(const Spec& spec, const ScriptRun& run,
                                    const Session& session) {
  std::string out =
      "#!/usr/bin/env python3\n\"\"\"Backprop Explorer, exported as PyTorch (float64, "
      "autograd, torch.optim): " +
      std::to_string(run.steps) + (run.steps == 1 ? " step" : " steps") +
      " of the spec's network, from its exact initial parameters and data.\n\n" + printout_doc() +
      "dZ and dA are read from .grad with retain_grad(); autograd's gradients of\n"
      "the mean loss carry 1/m, the engine's dZ and dA are per example, hence\n"
      "the `* m`.\n\"\"\"\nimport torch\nimport torch.nn.functional as F\n\n"
      "torch.set_default_dtype(torch.float64)\n\n\n";
  out +=
      "def show(step, name, layer, value):\n"
      "    M = torch.atleast_2d(torch.as_tensor(value).detach().to(torch.float64))\n"
      "    values = \" \".join(repr(v) for v in M.reshape(-1).tolist())\n"
      "    print(step, name, layer, M.shape[0], M.shape[1], values)\n\n\n";
  out +=
      "# Parameters at the start: W[l] is n_l x n_{l-1}, b[l] is n_l x 1 (leaves of autograd).\n";
  const std::string t = "torch.tensor(", opts = ", dtype=torch.float64, requires_grad=True)\n";
  for (int l = 1; l <= spec.L(); ++l) {
    out += py_name("W", l) + " = " + t + py_rows(run.W[l - 1]) + opts;
    out += py_name("b", l) + " = " + t + py_rows(run.b[l - 1]) + opts;
  }
  out += data_block(run, "torch.tensor", ", dtype=torch.float64");
  out += optimizer_block(spec.optimizer, spec.L());
  out += "steps = " + std::to_string(run.steps) + "\n\n";
  out += "for step in range(1, steps + 1):\n";
  out += step_body(CodeLang::Pytorch, session, run);
  out += fused_dA(spec);
  out += "    # the trace of this step\n" + show_calls(spec);
  return out;
}

}  // namespace bpx
