#include "core/activation.hpp"

#include <cmath>
#include <limits>

#include "core/detmath.hpp"
#include "core/names.hpp"
#include "core/vector_activation.hpp"

namespace bpx {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

// Columns (ActivationInfo): id, name, display, tex, tex_g, tex_prime, rule, rule_prime, symbol,
// tex_link, tex_link_values, expandable, elementwise, targets, output_only, range, min_units.
const std::vector<ActivationInfo>& activation_table() {
  static const std::vector<ActivationInfo> table = {
      {Activation::Sigmoid, "sigmoid", "Sigmoid", "\\sigma", "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
       "\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))", "\u03c3(z) = 1 / (1 + exp(\u2212z))",
       "\u03c3\u2032(z) = \u03c3(z)(1 \u2212 \u03c3(z))", "\u03c3", "\\sigma(z)(1 - \\sigma(z))",
       "$(a) \\cdot (1 - $(a))", true, true, TargetCoding::Binary, false, 0.0, 1.0},
      {Activation::Tanh, "tanh", "Tanh", "\\tanh",
       "\\tanh z = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}", "\\tanh'(z) = 1 - \\tanh^2 z",
       "tanh(z)", "tanh\u2032(z) = 1 \u2212 tanh(z)\u00b2", "tanh", "1 - \\tanh^2(z)", "1 - $(a)^2",
       true, true, TargetCoding::Sign, false, -1.0, 1.0},
      {Activation::Relu, "relu", "ReLU", "\\operatorname{relu}",
       "\\operatorname{relu}(z) = \\max(0, z)", "\\operatorname{relu}'(z) = [z > 0]", "max(0, z)",
       "relu\u2032(z) = 1 if z > 0, else 0", "ReLU", "[z > 0]", "", false, true,
       TargetCoding::Binary, false, 0.0, kInf},
      {Activation::LeakyRelu, "leaky_relu", "Leaky ReLU", "\\operatorname{leaky\\_relu}",
       "\\operatorname{leaky\\_relu}(z) = \\max(0.01 z, z)",
       "\\operatorname{leaky\\_relu}'(z) = 1 \\text{ if } z > 0 \\text{ else } 0.01",
       "max(0.01 z, z)", "1 if z > 0, else 0.01", "LReLU",
       "1 \\text{ if } z > 0 \\text{ else } 0.01", "", false, true, TargetCoding::Binary, false,
       -kInf, kInf},
      {Activation::Softplus, "softplus", "Softplus", "\\operatorname{softplus}",
       "\\operatorname{softplus}(z) = \\log(1 + e^{z})",
       "\\operatorname{softplus}'(z) = \\sigma(z)", "log(1 + exp(z))",
       "softplus\u2032(z) = \u03c3(z) = 1 / (1 + exp(\u2212z))", "softplus", "\\sigma(z)", "",
       false, true, TargetCoding::Binary, false, 0.0, kInf},
      {Activation::Linear, "linear", "Linear", "\\operatorname{id}", "\\operatorname{id}(z) = z",
       "\\operatorname{id}'(z) = 1", "z", "1", "id", "1", "", false, true, TargetCoding::Binary,
       false, -kInf, kInf},
      {Activation::Softmax, "softmax", "Softmax", "\\operatorname{softmax}",
       "\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}",
       "\\frac{\\partial a_i}{\\partial z_j} = a_i([i = j] - a_j)",
       "exp(z\u1d62) / \u03a3\u2c7c exp(z\u2c7c) over the column", "the softmax Jacobian",
       "softmax", "a(1 - a)", "$(a) \\cdot (1 - $(a))", false, false, TargetCoding::OneHot, true,
       0.0, 1.0, 2},
  };
  return table;
}

const ActivationInfo& activation_info(Activation g) {
  for (const auto& info : activation_table())
    if (info.id == g) return info;
  return activation_table().front();  // unreachable: every enum value has a row
}

std::string activation_name(Activation g) { return activation_info(g).name; }

const char* target_coding_name(TargetCoding c) {
  switch (c) {
    case TargetCoding::Binary:
      return "binary";
    case TargetCoding::Sign:
      return "sign";
    case TargetCoding::OneHot:
      return "one_hot";
  }
  return "binary";
}

std::optional<Activation> activation_from_name(const std::string& name) {
  for (const auto& info : activation_table())
    if (name == info.name) return info.id;
  return std::nullopt;
}

std::string activation_names_sentence() { return names_sentence(activation_table()); }

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + det_exp(-z));
  double e = det_exp(z);  // no overflow for very negative z
  return e / (1.0 + e);
}

double sigmoid_prime(double z) { return sigmoid(z) * sigmoid(-z); }

double tanh_exact(double z) {
  double x = std::fabs(z);
  // tanh(20) rounds to 1 in double; beyond it expm1 would overflow.
  if (x > 20.0) return std::copysign(1.0, z);
  double t = det_expm1(2.0 * x);
  return std::copysign(t / (t + 2.0), z);
}

double tanh_prime(double z) {
  double x = std::fabs(z);
  if (x < 1.0) {
    double a = tanh_exact(z);
    return 1.0 - a * a;
  }
  // sech^2 z: equal to 1 - tanh^2 z, without the cancellation where tanh z is near 1.
  double e = det_exp(-x);
  double c = 2.0 * e / (1.0 + e * e);
  return c * c;
}

double softplus(double z) {
  // max(z, 0) + log(1 + e^-|z|): exact where e^z would overflow.
  return std::fmax(z, 0.0) + det_log1p(det_exp(-std::fabs(z)));
}

double activate_scalar(Activation g, double z) {
  switch (g) {
    case Activation::Sigmoid:
      return sigmoid(z);
    case Activation::Tanh:
      return tanh_exact(z);
    case Activation::Relu:
      return z > 0 ? z : 0.0;
    case Activation::LeakyRelu:
      return z > 0 ? z : kLeakySlope * z;
    case Activation::Softplus:
      return softplus(z);
    case Activation::Linear:
      return z;
    case Activation::Softmax:
      return z;  // not element-wise; handled by caller
  }
  return z;
}

// g'(z) given a = g(z) already computed: the same bits as sigmoid_prime / tanh_prime,
// with one exponential fewer.
double activation_prime_scalar(Activation g, double z, double a) {
  switch (g) {
    case Activation::Sigmoid:
      return a * sigmoid(-z);
    case Activation::Tanh:
      return std::fabs(z) < 1.0 ? 1.0 - a * a : tanh_prime(z);
    case Activation::Relu:
      return z > 0 ? 1.0 : 0.0;
    case Activation::LeakyRelu:
      return z > 0 ? 1.0 : kLeakySlope;
    case Activation::Softplus:
      return sigmoid(z);
    case Activation::Linear:
      return 1.0;
    case Activation::Softmax:
      return 1.0;  // handled by caller
  }
  return 1.0;
}

Matrix activate(Activation g, const Matrix& Z) {
  Matrix A;
  activate_into(g, Z, A);
  return A;
}

void activate_into(Activation g, const Matrix& Z, Matrix& A) {
  A.resize(Z.rows(), Z.cols());
  // Sigmoid and tanh dominate a training step: two lanes at a time, the same bits.
  if (g == Activation::Sigmoid || g == Activation::Tanh) {
    const auto n = static_cast<std::size_t>(Z.size());
    if (g == Activation::Sigmoid) sigmoid_array(Z.data(), A.data(), n);
    if (g == Activation::Tanh) tanh_array(Z.data(), A.data(), n);
    return;
  }
  if (g != Activation::Softmax) {
    A = Z.unaryExpr([g](double z) { return activate_scalar(g, z); });
    return;
  }
  for (Eigen::Index k = 0; k < Z.cols(); ++k) {
    double zmax = Z.col(k).maxCoeff();
    double sum = 0.0;
    for (Eigen::Index i = 0; i < Z.rows(); ++i) {
      A(i, k) = det_exp(Z(i, k) - zmax);
      sum += A(i, k);
    }
    A.col(k) /= sum;
  }
}

Matrix activation_prime(Activation g, const Matrix& Z, const Matrix& A) {
  Matrix G;
  activation_prime_into(g, Z, A, G);
  return G;
}

void activation_prime_into(Activation g, const Matrix& Z, const Matrix& A, Matrix& G) {
  if (g == Activation::Softmax) {
    G = A.array() * (1.0 - A.array());
    return;
  }
  G.resize(Z.rows(), Z.cols());
  if (g == Activation::Sigmoid || g == Activation::Tanh) {
    const auto n = static_cast<std::size_t>(Z.size());
    if (g == Activation::Sigmoid) sigmoid_prime_array(Z.data(), A.data(), G.data(), n);
    if (g == Activation::Tanh) tanh_prime_array(Z.data(), A.data(), G.data(), n);
    return;
  }
  G = Z.binaryExpr(A, [g](double z, double a) { return activation_prime_scalar(g, z, a); });
}

Matrix backward_activation(Activation g, const Matrix& Z, const Matrix& A, const Matrix& dA) {
  if (g != Activation::Softmax) return dA.cwiseProduct(activation_prime(g, Z, A));
  return softmax_backward(A, dA);
}

Matrix softmax_backward(const Matrix& A, const Matrix& dA) {
  Matrix dZ;
  softmax_backward_into(A, dA, dZ);
  return dZ;
}

void softmax_backward_into(const Matrix& A, const Matrix& dA, Matrix& dZ) {
  dZ.resize(A.rows(), A.cols());
  for (Eigen::Index k = 0; k < A.cols(); ++k) {
    double s = 0.0;
    for (Eigen::Index i = 0; i < A.rows(); ++i) s += dA(i, k) * A(i, k);
    for (Eigen::Index i = 0; i < A.rows(); ++i) dZ(i, k) = A(i, k) * (dA(i, k) - s);
  }
}

}  // namespace bpx
