// The code slips of the deep-learning courses (`*` for `@`, a missing `.T`, `np.sum`
// without `axis=1, keepdims=True`, the sign of "target - prediction", dA vs dZ), each
// worded with the shapes of the network at hand, so a learner sees what the slip does here.
#pragma once
#include <string>

namespace bpx::slips {

struct Shape {
  long rows = 0, cols = 0;
};

std::string shape_text(Shape s);  // "(2, 1)"

// `lhs * rhs` written where `lhs @ rhs` belongs (Z = W @ A + b).
std::string star_for_matmul(const std::string& lhs, Shape a, const std::string& rhs, Shape b);
// `lhs @ rhs` written where the element-wise `*` belongs (dZ = dA * g'(Z)).
std::string matmul_for_star(const std::string& lhs, const std::string& rhs, Shape s);
// dW = dZ @ A_prev.T / m written without the .T.
std::string missing_transpose(const std::string& dZ, Shape dz, const std::string& A_prev,
                              Shape a_prev);
// dW or db without the / m.
std::string missing_mean(const std::string& name, long m);
// db = np.sum(dZ, axis=1, keepdims=True) / m without keepdims or without axis.
std::string sum_without_keepdims(const std::string& db, const std::string& b, long units);
// b broadcast over the m columns of W @ A.
std::string bias_broadcast(const std::string& b, long units, long m);
// sigmoid written as 1 / 1 + np.exp(-Z).
std::string sigmoid_precedence(const std::string& Z, const std::string& exp_call);
// dA = A - Y written as Y - A ("target - prediction").
std::string sign_convention(const std::string& dA, const std::string& A);
// The backward box of layer l passes dA[l-1], not dZ[l].
std::string passes_dA(int layer);
// softmax normalised over the wrong axis.
std::string softmax_axis(const std::string& axis_word);

}  // namespace bpx::slips
