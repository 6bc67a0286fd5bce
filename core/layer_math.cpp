#include "core/layer_math.hpp"

namespace bpx {

void forward_layer(const Matrix& W, const Matrix& b, Activation g, const Matrix& A_prev, Matrix& Z,
                   Matrix& A) {
  Z.noalias() = W.lazyProduct(A_prev);
  Z.colwise() += b.col(0);
  A = activate(g, Z);
}

void backward_layer(const Matrix& W, Activation g, const Matrix& Z, const Matrix& A,
                    const Matrix& A_prev, const Matrix& dA, const Matrix* fused_dZ,
                    BackwardOut& out) {
  const double m = static_cast<double>(Z.cols());
  out.gprime = activation_prime(g, Z, A);
  if (fused_dZ) {
    out.dZ = *fused_dZ;
  } else if (g == Activation::Softmax) {
    out.dZ = softmax_backward(A, dA);
  } else {
    out.dZ = dA.cwiseProduct(out.gprime);  // g'(Z) once, for display and for dZ
  }
  out.dW.noalias() = out.dZ.lazyProduct(A_prev.transpose());
  out.dW /= m;
  out.db = out.dZ.rowwise().sum() / m;
  out.dA_prev.noalias() = W.transpose().lazyProduct(out.dZ);
}

}  // namespace bpx
