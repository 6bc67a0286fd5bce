#include "core/loss.hpp"

#include <algorithm>
#include <cmath>

#include "core/detmath.hpp"
#include "core/vector_activation.hpp"

namespace bpx {

std::string loss_name(Loss loss) {
  switch (loss) {
    case Loss::Mse:
      return "mse";
    case Loss::Bce:
      return "bce";
    case Loss::CrossEntropy:
      return "cross_entropy";
  }
  return "?";
}

std::optional<Loss> loss_from_name(const std::string& name) {
  for (Loss l : {Loss::Mse, Loss::Bce, Loss::CrossEntropy}) {
    if (loss_name(l) == name) return l;
  }
  return std::nullopt;
}

std::optional<Activation> required_output_activation(Loss loss) {
  switch (loss) {
    case Loss::Bce:
      return Activation::Sigmoid;
    case Loss::CrossEntropy:
      return Activation::Softmax;
    case Loss::Mse:
      return std::nullopt;
  }
  return std::nullopt;
}

namespace {
double* room(std::vector<double>& v, std::size_t n) {
  if (v.size() < n) v.resize(n);
  return v.data();
}
}  // namespace

Eigen::RowVectorXd loss_per_example(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y) {
  Matrix out;
  LossScratch scratch;
  loss_per_example_into(loss, Z, A, Y, out, scratch);
  return out;
}

void loss_per_example_into(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y,
                           Matrix& out, LossScratch& scratch) {
  const Eigen::Index n = A.rows(), m = A.cols();
  out.resize(1, m);
  // e^-|z| for bce, all at once (exp_array: det_exp's bits, two lanes at a time).
  const double* exp_minus_abs = nullptr;
  if (loss == Loss::Bce) {
    const auto size = static_cast<std::size_t>(Z.size());
    double* minus_abs = room(scratch.a, size);
    Eigen::Map<Matrix>(minus_abs, Z.rows(), Z.cols()) = -Z.cwiseAbs();
    double* e = room(scratch.b, size);
    exp_array(minus_abs, e, size);
    exp_minus_abs = e;
  }
  for (Eigen::Index k = 0; k < m; ++k) {
    double sum = 0.0;
    switch (loss) {
      case Loss::Mse:
        for (Eigen::Index i = 0; i < n; ++i) {
          double d = A(i, k) - Y(i, k);
          sum += 0.5 * d * d;
        }
        break;
      case Loss::Bce:
        // -[y log s(z) + (1-y) log(1-s(z))] = max(z,0) - z y + log(1 + e^-|z|)
        for (Eigen::Index i = 0; i < n; ++i) {
          double z = Z(i, k);
          sum += std::max(z, 0.0) - z * Y(i, k) + det_log1p(exp_minus_abs[i + k * n]);
        }
        break;
      case Loss::CrossEntropy: {
        double zmax = Z.col(k).maxCoeff();
        double s = 0.0;
        for (Eigen::Index i = 0; i < n; ++i) s += det_exp(Z(i, k) - zmax);
        double log_sum = det_log(s);
        for (Eigen::Index i = 0; i < n; ++i) {
          if (Y(i, k) != 0.0) sum -= Y(i, k) * (Z(i, k) - zmax - log_sum);
        }
        break;
      }
    }
    out(0, k) = sum;
  }
}

Matrix loss_dA(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y) {
  Matrix dA;
  LossScratch scratch;
  loss_dA_into(loss, Z, A, Y, dA, scratch);
  return dA;
}

void loss_dA_into(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y, Matrix& dA,
                  LossScratch& scratch) {
  switch (loss) {
    case Loss::Mse:
      dA = A - Y;
      return;
    case Loss::Bce: {
      // -y/a + (1-y)/(1-a) = (a - y) / (a (1 - a)), with a(1-a) = s(z) s(-z) kept accurate
      // (sigmoid_prime's bits, from the array forms).
      const auto size = static_cast<std::size_t>(Z.size());
      double* s = room(scratch.a, size);
      double* g = room(scratch.b, size);
      sigmoid_array(Z.data(), s, size);
      sigmoid_prime_array(Z.data(), s, g, size);
      dA = (A - Y).cwiseQuotient(Eigen::Map<const Matrix>(g, Z.rows(), Z.cols()));
      return;
    }
    case Loss::CrossEntropy: {
      dA.resize(A.rows(), A.cols());
      for (Eigen::Index k = 0; k < A.cols(); ++k)
        for (Eigen::Index i = 0; i < A.rows(); ++i)
          dA(i, k) = Y(i, k) == 0.0 ? 0.0 : -Y(i, k) / A(i, k);
      return;
    }
  }
  dA = A - Y;
}

bool loss_accepts_output(Loss loss, Activation output) {
  auto need = required_output_activation(loss);
  return !need || *need == output;
}

bool loss_fits_regression(Loss loss) { return loss == Loss::Mse; }

std::string regression_loss_names() {
  std::string out;
  for (Loss l : {Loss::Mse, Loss::Bce, Loss::CrossEntropy})
    if (loss_fits_regression(l)) out += (out.empty() ? "" : " or ") + loss_name(l);
  return out;
}

bool is_fused(Loss loss, Activation output) {
  return (loss == Loss::Bce && output == Activation::Sigmoid) ||
         (loss == Loss::CrossEntropy && output == Activation::Softmax);
}

}  // namespace bpx
