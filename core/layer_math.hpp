// The per-layer forward and backward boxes (docs/architecture.md), as pure functions. Products
// sum in one fixed order (ordered_product.hpp), so native and wasm agree bit for bit.
#pragma once
#include "core/activation.hpp"
#include "core/types.hpp"

namespace bpx {

// Z = W A_prev + b;  A = g(Z)
void forward_layer(const Matrix& W, const Matrix& b, Activation g, const Matrix& A_prev, Matrix& Z,
                   Matrix& A);

struct BackwardOut {
  Matrix dZ, gprime, dW, db, dA_prev;
};

// dZ = dA (.) g'(Z) (or the given fused dZ), dW = dZ A_prev^T / m, db = mean of dZ over
// columns, dA_prev = W^T dZ.
void backward_layer(const Matrix& W, Activation g, const Matrix& Z, const Matrix& A,
                    const Matrix& A_prev, const Matrix& dA, const Matrix* fused_dZ,
                    BackwardOut& out);

}  // namespace bpx
