#include "core/practice_mistakes.hpp"

namespace bpx {

const std::vector<MistakeInfo>& mistake_catalogue() {
  static const std::vector<MistakeInfo> all = {
      {MistakeId::UpdateSign, "update_sign",
       "the update adds the gradient (W + eta dW) instead of stepping against it"},
      {MistakeId::Precedence, "precedence",
       "1 / 1 + exp(-z) read as (1 / 1) + exp(-z) instead of 1 / (1 + exp(-z))"},
      {MistakeId::DAForDZ, "dA_for_dZ", "dW or db built from dA instead of dZ"},
      {MistakeId::NoActivationDerivative, "no_activation_derivative",
       "dZ taken to be dA, without the factor g'(Z)"},
      {MistakeId::DerivativeAtActivation, "derivative_at_activation",
       "g' evaluated at A instead of at Z, such as sigma(a)(1 - sigma(a))"},
      {MistakeId::MseFactor, "mse_factor", "the 1/2 of the squared error dropped or doubled"},
      {MistakeId::MissingMean, "missing_mean",
       "a sum over the batch instead of the mean, or 1/m applied twice"},
      {MistakeId::Transpose, "transpose", "W^T where W belongs or the reverse, or a transposed dW"},
      {MistakeId::UpdatedWeightsInBackprop, "updated_weights_in_backprop",
       "dA[l-1] computed from the already updated W[l]"},
      {MistakeId::MissingForkSum, "missing_fork_sum",
       "a unit that feeds several units given only one path's gradient"},
      {MistakeId::LearningRate, "learning_rate", "the learning rate missing or applied twice"},
      {MistakeId::BiasInput, "bias_input", "db multiplied by an input instead of by 1"},
      {MistakeId::Sign, "sign",
       "target - prediction instead of prediction - target, or a negated result"},
      {MistakeId::RoundedEarly, "rounded_early",
       "the right method, on intermediate values rounded to 2 or 3 digits"},
  };
  return all;
}

const MistakeInfo& mistake_info(MistakeId id) {
  for (const auto& m : mistake_catalogue())
    if (m.id == id) return m;
  return mistake_catalogue().front();
}

}  // namespace bpx
