// Gates of the circuit language. exp and log come from detmath so that native and wasm
// runs agree bit for bit; pow with a whole exponent multiplies, otherwise exp(b log a).
#include "core/circuit_gates.hpp"

#include <cmath>
#include <cstdio>

#include "core/activation.hpp"
#include "core/detmath.hpp"

namespace bpx::circuit {
namespace {

// a^b for a whole b by repeated squaring (exact for small integers), else exp(b log a).
double power(double a, double b) {
  if (b == std::floor(b) && std::fabs(b) <= 1024) {
    double result = 1, base = a;
    for (long n = static_cast<long>(std::fabs(b)); n > 0; n >>= 1) {
      if (n & 1) result *= base;
      base *= base;
    }
    return b < 0 ? 1 / result : result;
  }
  if (a == 0) return 0;
  return det_exp(b * det_log(a));
}

}  // namespace

GateResult gate(const std::string& op, double c, const std::vector<double>& x,
                bool exponent_varies) {
  GateResult r;
  auto set = [&r](double value, std::vector<double> local) {
    r.value = value;
    r.local = std::move(local);
  };
  if (op == "input" || op == "const") {
    set(c, {});
  } else if (op == "add") {
    set(x[0] + x[1], {1, 1});
  } else if (op == "sub") {
    set(x[0] - x[1], {1, -1});
  } else if (op == "mul") {
    set(x[0] * x[1], {x[1], x[0]});
  } else if (op == "div") {
    if (x[1] == 0) r.domain_error = "division by zero";
    set(x[0] / x[1], {1 / x[1], -x[0] / (x[1] * x[1])});
  } else if (op == "neg") {
    set(-x[0], {-1});
  } else if (op == "add_const") {
    set(x[0] + c, {1});
  } else if (op == "scale") {
    set(c * x[0], {c});
  } else if (op == "inv") {
    if (x[0] == 0) r.domain_error = "1/x at x = 0";
    set(1 / x[0], {-1 / (x[0] * x[0])});
  } else if (op == "pow") {
    double a = x[0], b = x[1];
    bool whole = b == std::floor(b);
    if (a < 0 && !whole)
      r.domain_error =
          "a negative number to a fractional power (" + brief(a) + " ** " + brief(b) + ")";
    else if (a == 0 && b < 1 && b != 0)
      r.domain_error = "0 to the power " + brief(b) + " has no finite gradient";
    else if (a < 0 && exponent_varies)
      r.domain_error = "a power with a varying exponent needs a positive base, got " + brief(a);
    double v = power(a, b);
    double d_base = b == 0 ? 0 : b * power(a, b - 1);
    double d_exponent = a > 0 ? v * det_log(a) : 0;
    set(v, {d_base, d_exponent});
  } else if (op == "exp") {
    double v = det_exp(x[0]);
    set(v, {v});
  } else if (op == "log") {
    if (x[0] <= 0) r.domain_error = "log needs a positive argument, got " + brief(x[0]);
    set(det_log(x[0]), {1 / x[0]});
  } else if (op == "sqrt") {
    if (x[0] <= 0)
      r.domain_error =
          "sqrt needs a positive argument (its gradient at 0 is infinite), got " + brief(x[0]);
    double v = std::sqrt(x[0]);
    set(v, {0.5 / v});
  } else if (op == "tanh") {
    double t = tanh_exact(x[0]);
    set(t, {tanh_prime(x[0])});
  } else if (op == "sigmoid") {
    double s = sigmoid(x[0]);
    set(s, {sigmoid_prime(x[0])});  // sigma (1 - sigma), accurate when saturated
  } else if (op == "softplus") {
    set(softplus(x[0]), {sigmoid(x[0])});  // d/dx log(1 + e^x) = e^x / (1 + e^x)
  } else if (op == "relu") {
    set(x[0] > 0 ? x[0] : 0, {x[0] > 0 ? 1.0 : 0.0});
  } else if (op == "abs") {
    set(std::fabs(x[0]), {x[0] > 0 ? 1.0 : (x[0] < 0 ? -1.0 : 0.0)});
  } else if (op == "max" || op == "min") {
    std::size_t best = 0;  // the first of equal extremes takes the gradient
    for (std::size_t i = 1; i < x.size(); ++i)
      if (op == "max" ? x[i] > x[best] : x[i] < x[best]) best = i;
    std::vector<double> local(x.size(), 0.0);
    local[best] = 1;
    set(x[best], local);
  }
  return r;
}

std::string flow_pattern(const std::string& op) {
  if (op == "add" || op == "sub" || op == "add_const") return "distributes";
  if (op == "mul") return "swaps";
  if (op == "max" || op == "min" || op == "relu") return "routes";
  return "";
}

std::string brief(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

std::string flow_note(const std::string& op, const std::vector<std::string>& labels,
                      const std::vector<double>& values, const std::vector<double>& local,
                      double g) {
  std::string G = brief(g);
  if (op == "add" || op == "add_const")
    return "add distributes: every input receives the upstream gradient " + G + " unchanged";
  if (op == "sub")
    return "subtract distributes: " + labels[0] + " receives " + G + ", " + labels[1] +
           " receives its negative " + brief(-g);
  if (op == "mul")
    return "multiply swaps and scales: " + labels[0] + " receives " + G + " x " + labels[1] + " (" +
           brief(values[1]) + ") = " + brief(g * local[0]) + ", " + labels[1] + " receives " + G +
           " x " + labels[0] + " (" + brief(values[0]) + ") = " + brief(g * local[1]);
  if (op == "max" || op == "min") {
    for (std::size_t i = 0; i < local.size(); ++i)
      if (local[i] == 1)
        return op + " routes: the whole gradient " + G + " goes to " + labels[i] + " (" +
               brief(values[i]) + ", the " + (op == "max" ? "largest" : "smallest") +
               " input); the others receive 0";
  }
  if (op == "relu")
    return values[0] > 0
               ? "relu routes: its input is positive, so the gradient " + G + " passes through"
               : "relu routes: its input is not positive, so it passes 0";
  return "";
}

}  // namespace bpx::circuit
