// The session's network applied to other inputs (no state changes): predictions, the
// loss and accuracy of a data split, and the spec with the current parameters.
#include <cmath>

#include "core/finite.hpp"
#include "core/layer_math.hpp"
#include "core/session.hpp"

namespace bpx {

std::vector<Matrix> Session::predict_all(const Matrix& X) const {
  std::vector<Matrix> A;
  Matrix Z, prev = X;
  for (int l = 1; l <= spec_.L(); ++l) {
    Matrix a;
    forward_layer(layers_[l].W, layers_[l].b, spec_.activations[l - 1], prev, Z, a);
    A.push_back(a);
    prev = std::move(a);
  }
  return A;
}

Matrix Session::predict(const Matrix& X) const { return predict_all(X).back(); }

bool Session::has_accuracy() const {
  if (spec_.data.explicit_values) return spec_.loss != Loss::Mse;
  return !spec_.data.regression;
}

Evaluation Session::evaluate(const Matrix& X, const Matrix& Y) const {
  Evaluation e;
  e.examples = X.cols();
  if (X.cols() == 0) {
    e.loss = e.accuracy = std::nan("");
    return e;
  }
  Matrix Z, A, prev = X;
  for (int l = 1; l <= spec_.L(); ++l) {
    forward_layer(layers_[l].W, layers_[l].b, spec_.activations[l - 1], prev, Z, A);
    prev = A;
  }
  e.loss = loss_per_example(spec_.loss, Z, A, Y).mean();
  if (!has_accuracy()) {
    e.accuracy = std::nan("");
    return e;
  }
  const Activation out = spec_.activations.back();
  long correct = 0;
  for (Eigen::Index k = 0; k < A.cols(); ++k) {
    bool ok;
    if (A.rows() > 1) {
      Eigen::Index pa = 0, py = 0;
      A.col(k).maxCoeff(&pa);
      Y.col(k).maxCoeff(&py);
      ok = pa == py;
    } else {
      double threshold = out == Activation::Tanh ? 0.0 : 0.5;
      ok = (A(0, k) >= threshold) == (Y(0, k) >= threshold);
    }
    correct += ok ? 1 : 0;
  }
  e.accuracy = static_cast<double>(correct) / static_cast<double>(A.cols());
  return e;
}

Result<Spec> Session::spec_with_parameters() const {
  Spec s = spec_;
  s.init = InitSpec{};
  s.init.explicit_values = true;
  for (int l = 1; l <= spec_.L(); ++l) {
    for (const char* name : {"W", "b"}) {
      if (!all_finite(name[0] == 'W' ? layers_[l].W : layers_[l].b))
        return Error{"init", std::string(name) + "[" + std::to_string(l) +
                                 "] is NaN or infinite (the values diverged): reset first"};
    }
    s.init.weights.push_back(layers_[l].W);
    s.init.biases.push_back(layers_[l].b);
  }
  return s;
}

}  // namespace bpx
