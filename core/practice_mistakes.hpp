// The catalogue of known learner mistakes that practice mode recognises: stable ids (used by
// the CLI's JSON, the page and embeds) and one line on what each mistake is.
#pragma once
#include <string>
#include <vector>

namespace bpx {

enum class MistakeId {
  Sign,                      // target - prediction, or any negated result
  UpdateSign,                // W + eta dW
  NoActivationDerivative,    // dZ = dA
  DerivativeAtActivation,    // g' evaluated at A instead of Z
  DAForDZ,                   // dW or db built from dA instead of dZ
  MissingMean,               // sum over the batch instead of the mean, or 1/m twice
  Transpose,                 // W^T where W belongs or the reverse, a transposed dW
  UpdatedWeightsInBackprop,  // dA[l-1] from the already updated W[l]
  Precedence,                // 1 / 1 + exp(-z)
  MissingForkSum,            // one path's gradient where a unit feeds several
  MseFactor,                 // the 1/2 of squared error dropped or doubled
  LearningRate,              // eta missing or applied twice
  BiasInput,                 // db multiplied by an input instead of 1
  RoundedEarly,              // the right method on intermediates rounded to 2-3 digits
};

struct MistakeInfo {
  MistakeId id;
  const char* key;      // "update_sign"
  const char* summary;  // one line
};

// Every mistake, in the order a diagnosis tries them.
const std::vector<MistakeInfo>& mistake_catalogue();
const MistakeInfo& mistake_info(MistakeId id);

// One concrete form of a mistake, and where in the step it was made.
struct Mistake {
  MistakeId id = MistakeId::Sign;
  int variant = 0;  // e.g. mse_factor: 0 the 1/2 dropped, 1 applied twice; fork: the path taken
  int digits = 3;   // rounded_early: significant digits of the rounded intermediates
  int phase = -1;   // the phase (index within the step) it was made in; -1: in every phase
};

}  // namespace bpx
