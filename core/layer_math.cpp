#include "core/layer_math.hpp"

#include "core/ordered_product.hpp"

namespace bpx {

void forward_layer(const Matrix& W, const Matrix& b, Activation g, const Matrix& A_prev, Matrix& Z,
                   Matrix& A) {
  ordered_product(W, A_prev, Z);
  Z.colwise() += b.col(0);
  activate_into(g, Z, A);
}

void backward_layer(const Matrix& W, Activation g, const Matrix& Z, const Matrix& A,
                    const Matrix& A_prev, const Matrix& dA, const Matrix* fused_Y,
                    const BackwardOut& out) {
  const double m = static_cast<double>(Z.cols());
  activation_prime_into(g, Z, A, out.gprime);
  if (fused_Y) {
    out.dZ = A - *fused_Y;
  } else if (g == Activation::Softmax) {
    softmax_backward_into(A, dA, out.dZ);
  } else {
    out.dZ = dA.cwiseProduct(out.gprime);  // g'(Z) once, for display and for dZ
  }
  ordered_product_rt(out.dZ, A_prev, out.dW);
  out.dW /= m;
  out.db = out.dZ.rowwise().sum() / m;
  ordered_product_lt(W, out.dZ, out.dA_prev, out.Wt);
}

}  // namespace bpx
