// The per-layer forward and backward boxes (docs/architecture.md), as pure functions. Products
// sum in one fixed order (ordered_product.hpp), so native and wasm agree bit for bit.
#pragma once
#include "core/activation.hpp"
#include "core/types.hpp"

namespace bpx {

// Z = W A_prev + b;  A = g(Z)
void forward_layer(const Matrix& W, const Matrix& b, Activation g, const Matrix& A_prev, Matrix& Z,
                   Matrix& A);

// Where backward_layer writes: matrices of the caller, resized only where their shape differs
// (so a session that keeps them allocates nothing per phase). Wt is room for W^T.
struct BackwardOut {
  Matrix& dZ;
  Matrix& gprime;
  Matrix& dW;
  Matrix& db;
  Matrix& dA_prev;
  Matrix& Wt;
};

// dZ = dA (.) g'(Z) (or the fused dZ = A - Y, given the targets fused_Y), dW = dZ A_prev^T / m,
// db = mean of dZ over columns, dA_prev = W^T dZ. The outputs must not alias the inputs.
void backward_layer(const Matrix& W, Activation g, const Matrix& Z, const Matrix& A,
                    const Matrix& A_prev, const Matrix& dA, const Matrix* fused_Y,
                    const BackwardOut& out);

}  // namespace bpx
