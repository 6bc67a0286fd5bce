// Activation functions, each with its derivative beside its forward.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace bpx {

enum class Activation { Sigmoid, Tanh, Relu, LeakyRelu, Softplus, Linear, Softmax };

constexpr double kLeakySlope = 0.01;

// How a class label becomes the target of an output with this activation (core/data.cpp's
// encode_targets): 0/1, -1/+1 (tanh's range), or one unit per class (softmax).
enum class TargetCoding { Binary, Sign, OneHot };
const char* target_coding_name(TargetCoding c);  // "binary", "sign", "one_hot"

// What the catalogue (core/catalog.hpp) says of each activation: one row per activation in
// activation.cpp, so a new activation is its enum value, its row and its two scalar forms.
struct ActivationInfo {
  Activation id;
  const char* name;        // the spec's name
  const char* display;     // for menus and legends
  const char* tex;         // the TeX of g, as in A = g(Z)
  const char* tex_g;       // g(z) = ...
  const char* tex_prime;   // g'(z) = ...
  const char* rule;        // g(z) in plain text, for hints
  const char* rule_prime;  // g'(z) in plain text
  const char* symbol;      // its gate's symbol in the operation graph
  const char* tex_link;    // the chain's link da/dz of one unit, in z (the right-hand side)
  // The same link with the unit's output a filled in ($a, $(a): parenthesised when negative),
  // or "" where it is not a function of a alone.
  const char* tex_link_values;
  bool expandable;            // the operation graph can show it as its elementary gates
  bool elementwise;           // g acts on each unit alone (softmax couples them)
  TargetCoding targets;       // how a class label becomes this output's target
  bool output_only;           // allowed on the output layer only
  double range_lo, range_hi;  // the values g takes (may be infinite)
  int min_units = 1;          // fewest units of its layer (softmax over one unit is constant)
};
const std::vector<ActivationInfo>& activation_table();  // in menu order
const ActivationInfo& activation_info(Activation g);

std::string activation_name(Activation g);
std::optional<Activation> activation_from_name(const std::string& name);
// "sigmoid, tanh, ... or softmax": the names the spec accepts, for error messages.
std::string activation_names_sentence();

// g(z) and g'(z) (given a = g(z)) of an element-wise activation, one value at a time; the
// operation graph, the float heatmap's fallback and the matrix forms below all use these.
double activate_scalar(Activation g, double z);
double activation_prime_scalar(Activation g, double z, double a);

// Scalar forms (used by the operation graph and by the matrix forms below).
double sigmoid(double z);        // stable for any |z|
double tanh_exact(double z);     // our own tanh from expm1: identical on every platform
double sigmoid_prime(double z);  // sigma(z) * sigma(-z), accurate where sigma(z) rounds to 1
double tanh_prime(double z);
double softplus(double z);  // log(1 + e^z), without overflow for large z

// A = g(Z), column by column for softmax (max-shifted).
Matrix activate(Activation g, const Matrix& Z);
// The same into A (resized to Z's shape; no allocation when it has it already).
void activate_into(Activation g, const Matrix& Z, Matrix& A);

// g'(Z) element by element. For softmax this is the diagonal of the Jacobian,
// a(1 - a); softmax's backward uses the full Jacobian (see backward_activation).
Matrix activation_prime(Activation g, const Matrix& Z, const Matrix& A);
void activation_prime_into(Activation g, const Matrix& Z, const Matrix& A, Matrix& G);

// dZ = dA (.) g'(Z), or for softmax the Jacobian-vector product
// dZ = A (.) (dA - sum_rows(dA (.) A)) for each column.
Matrix backward_activation(Activation g, const Matrix& Z, const Matrix& A, const Matrix& dA);

// Softmax's Jacobian-vector product alone: dZ = A (.) (dA - sum_rows(dA (.) A)).
Matrix softmax_backward(const Matrix& A, const Matrix& dA);
void softmax_backward_into(const Matrix& A, const Matrix& dA, Matrix& dZ);

}  // namespace bpx
