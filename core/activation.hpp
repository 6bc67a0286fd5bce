// Activation functions, each with its derivative beside its forward.
#pragma once
#include <optional>
#include <string>

#include "core/types.hpp"

namespace bpx {

enum class Activation { Sigmoid, Tanh, Relu, LeakyRelu, Linear, Softmax };

constexpr double kLeakySlope = 0.01;

std::string activation_name(Activation g);
std::optional<Activation> activation_from_name(const std::string& name);

// Scalar forms (used by the operation graph and by the matrix forms below).
double sigmoid(double z);        // stable for any |z|
double tanh_exact(double z);     // our own tanh from expm1: identical on every platform
double sigmoid_prime(double z);  // sigma(z) * sigma(-z), accurate where sigma(z) rounds to 1
double tanh_prime(double z);

// A = g(Z), column by column for softmax (max-shifted).
Matrix activate(Activation g, const Matrix& Z);

// g'(Z) element by element. For softmax this is the diagonal of the Jacobian,
// a(1 - a); softmax's backward uses the full Jacobian (see backward_activation).
Matrix activation_prime(Activation g, const Matrix& Z, const Matrix& A);

// dZ = dA (.) g'(Z), or for softmax the Jacobian-vector product
// dZ = A (.) (dA - sum_rows(dA (.) A)) for each column.
Matrix backward_activation(Activation g, const Matrix& Z, const Matrix& A, const Matrix& dA);

// Softmax's Jacobian-vector product alone: dZ = A (.) (dA - sum_rows(dA (.) A)).
Matrix softmax_backward(const Matrix& A, const Matrix& dA);

}  // namespace bpx
