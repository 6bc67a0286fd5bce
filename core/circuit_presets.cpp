// Preset circuits. Programs are written as learners write them (Python, math. prefixes).
#include "core/circuit_presets.hpp"

namespace bpx::circuit {

const std::vector<CircuitPreset>& circuit_presets() {
  static const std::vector<CircuitPreset> all = {
      {"cs231n-add-mul", "CS231n: f = (x + y) z", "x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n",
       false, "",
       "The add gate hands its gradient to both inputs unchanged; the multiply gate gives each "
       "input the other input's value times the gradient."},
      {"cs231n-neuron", "CS231n: a sigmoid neuron",
       "w = [2, -3, -3]\nx = [-1, -2]\nproduct = w[0]*x[0] + w[1]*x[1] + w[2]\n"
       "activation = sigmoid(product)\n",
       true, "",
       "Expanded, the sigmoid is four gates (negate, exp, +1, 1/x); grouped, one gate whose "
       "local gradient is s(1 - s). The input gradients are the same either way."},
      {"seed003-as-written", "A learner's code, as written: 1 / 1 + math.exp(-product)",
       "w = [2, -3, -3]\nx = [-1, -2]\nproduct = w[0]*x[0] + w[1]*x[1] + w[2]\n"
       "activation = 1 / 1 + math.exp(-product)\n",
       false, "seed003-intended",
       "Division binds tighter than addition: this is (1 / 1) + exp(-product), not a sigmoid. "
       "Compare the graph and the numbers with the intended version."},
      {"seed003-intended", "The intended code: 1 / (1 + math.exp(-product))",
       "w = [2, -3, -3]\nx = [-1, -2]\nproduct = w[0]*x[0] + w[1]*x[1] + w[2]\n"
       "activation = 1 / (1 + math.exp(-product))\n",
       false, "seed003-as-written",
       "With the parentheses, the last gate divides 1 by 1 + exp(-product): the sigmoid."},
      {"seed000-mse", "A sigmoid neuron with squared-error loss",
       "w = [0.5, -0.3]\nx = [1, 2]\nb = 0.1\ny = 1\nz = w[0]*x[0] + w[1]*x[1] + b\n"
       "y_hat = sigmoid(z)\nL = 0.5 * (y_hat - y) ** 2\n",
       true, "",
       "z flows through negation, exponentiation, addition and division to y_hat; the loss "
       "gradient dL/dy_hat = y_hat - y then flows back through the same gates."},
      {"fork", "Gradients add up at forks: y = x * x + x", "x = 3\ny = x * x + x\n", false, "",
       "x feeds three wires; its gradient is the sum of what comes back along each: 3 + 3 + 1."},
      {"max-routes", "max routes the gradient", "x = 4\ny = 2\nz = -1\nm = max(x, y) * z\n", false,
       "", "Only the larger input of max receives the gradient; the other receives 0."},
  };
  return all;
}

}  // namespace bpx::circuit
