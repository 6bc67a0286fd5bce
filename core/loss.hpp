// Losses: per-example value, dL/dA (the chained form) and the fused output gradient.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/activation.hpp"
#include "core/types.hpp"

namespace bpx {

enum class Loss { Mse, Bce, CrossEntropy };

std::string loss_name(Loss loss);
std::optional<Loss> loss_from_name(const std::string& name);

// The output activation a loss is defined with (bce: sigmoid, cross_entropy: softmax);
// nullopt when any output activation works (mse).
std::optional<Activation> required_output_activation(Loss loss);

// True when the loss may follow this output activation (the spec's rule).
bool loss_accepts_output(Loss loss, Activation output);

// Per-example loss L_k (a 1 x m row), computed from the logits Z where that is the
// stable form (bce on logits, cross-entropy through log-softmax): no clamping.
Eigen::RowVectorXd loss_per_example(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y);

// Room for the bce forms' temporaries, reused: it grows to the largest batch seen, then a
// phase allocates nothing.
struct LossScratch {
  std::vector<double> a, b;
};
// The same into out (1 x m, resized; no allocation when it has that shape already).
void loss_per_example_into(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y,
                           Matrix& out, LossScratch& scratch);

// dA[L] = dL_k/dA, per example (no 1/m). For display: the backward pass of sigmoid+bce
// and softmax+cross_entropy uses the fused form below, which stays exact when A saturates.
Matrix loss_dA(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y);
void loss_dA_into(Loss loss, const Matrix& Z, const Matrix& A, const Matrix& Y, Matrix& dA,
                  LossScratch& scratch);

// True when dZ[L] = A - Y is used directly (sigmoid+bce, softmax+cross_entropy).
// A loss for regression targets (values, not classes): mse.
bool loss_fits_regression(Loss loss);
// Their names, for error messages ("mse").
std::string regression_loss_names();

bool is_fused(Loss loss, Activation output);

}  // namespace bpx
