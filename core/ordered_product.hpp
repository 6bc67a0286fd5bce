// Matrix products that sum in one fixed order, C(i,j) = L(i,0) R(0,j) + L(i,1) R(1,j) + ...
// (k ascending, starting from the first product): the order of Eigen's coefficient-based
// lazyProduct without vectorisation, so the same bits natively and in wasm. Two rows of C
// at a time (SSE2 natively, wasm SIMD in the browser): each lane still sums its own
// element in that order, so vectorising changes no result.
#pragma once
#include "core/types.hpp"

namespace bpx {

// C = L R
void ordered_product(const Matrix& L, const Matrix& R, Matrix& C);
// C = L R^T
void ordered_product_rt(const Matrix& L, const Matrix& R, Matrix& C);
// C = L^T R
void ordered_product_lt(const Matrix& L, const Matrix& R, Matrix& C);
// The same with room for L^T given (reused from call to call: no allocation once sized).
void ordered_product_lt(const Matrix& L, const Matrix& R, Matrix& C, Matrix& Lt);

}  // namespace bpx
