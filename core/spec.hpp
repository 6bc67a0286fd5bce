// The spec: one description of a network, its data and its training, shared by the
// CLI, the page, the URL and embeds. parse_spec is the one validator of every input.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/activation.hpp"
#include "core/loss.hpp"
#include "core/status.hpp"
#include "core/types.hpp"

namespace bpx {

// Limits, named so that error messages and the page quote the same numbers.
constexpr int kMaxLayers = 8;  // layers after the input
constexpr int kMaxUnits = 64;
constexpr int kMinPoints = 10;
constexpr int kMaxPoints = 2000;
constexpr int kMaxExamples = 2000;  // explicit data
constexpr double kMaxNoise = 0.5;
constexpr int kMaxClasses = 8;
// The spec's text, bounded before it is parsed; the largest valid spec (64 inputs and
// outputs, 2000 explicit examples, 8 explicit 64 x 64 layers) has about 295,000 values.
constexpr size_t kMaxSpecBytes = size_t{32} << 20;
constexpr size_t kMaxSpecValues = 400000;
constexpr size_t kMaxSpecDepth = 16;
// Steps of one train call in the wasm module: a call blocks its page until it ends (at
// about 7 us a step for the smallest network, a million steps take seconds).
constexpr long kMaxTrainStepsPerCall = 1000000;
constexpr double kDataExtent = 6.0;  // generated points and heatmaps cover [-6, 6]^2

// A number's allowed range; lo_open/hi_open exclude the bound.
struct NumberRange {
  double lo, hi;
  bool lo_open = false, hi_open = false;
};
constexpr NumberRange kLearningRateRange{0, 100, true, false};
constexpr NumberRange kWeightDecayRange{0, 10};
constexpr NumberRange kMomentumRange{0, 1, false, true};
constexpr NumberRange kBetaRange{0, 1, false, true};
constexpr NumberRange kEpsilonRange{0, 1, true, false};

enum class OptimizerType { Sgd, Momentum, Adam };
std::string optimizer_name(OptimizerType t);

struct OptimizerSpec {
  OptimizerType type = OptimizerType::Sgd;
  double learning_rate = 0.1;
  double momentum = 0.9;  // momentum: v <- momentum v + g;  W <- W - lr v
  double beta1 = 0.9;     // adam
  double beta2 = 0.999;
  double epsilon = 1e-8;
  double weight_decay = 0.0;  // L2: adds weight_decay * W to dW (weights only)
};

struct InitSpec {
  bool explicit_values = false;
  std::vector<Matrix> weights;    // weights[l-1] is n_l x n_{l-1}
  std::vector<Matrix> biases;     // biases[l-1] is n_l x 1
  std::string scheme = "xavier";  // xavier | he | lecun | uniform | zeros
  uint64_t seed = 1;
  double bias = 0.0;  // initial bias for schemes
};

enum class Feature { X1, X2, X1Sq, X2Sq, X1X2, SinX1, SinX2 };
struct FeatureInfo {
  Feature id;
  const char* name;   // the spec's name
  const char* tex;    // TeX of the feature
  const char* label;  // plain-text label for buttons
};
const std::vector<FeatureInfo>& feature_table();
std::string feature_name(Feature f);

struct DataSpec {
  bool explicit_values = false;
  Matrix inputs;   // n_0 x N (examples as columns)
  Matrix targets;  // n_L x N
  // Points of the plane with labels (the page's drawn or uploaded data): the engine builds
  // their features and encodes their targets, as for a generated set.
  bool point_values = false;
  Matrix given_points, given_test_points;              // 2 x N
  Eigen::RowVectorXd given_labels, given_test_labels;  // class index, or the value
  bool regression = false;                             // labels are values, not classes
  std::string dataset;  // circle | xor | gaussian | spiral | plane | multi_gaussian
  int points = 200;
  double noise = 0.0;
  double train_fraction = 1.0;
  uint64_t seed = 1;
  int classes = 2;
  std::vector<Feature> features{Feature::X1, Feature::X2};
};

struct Spec {
  std::vector<int> layers;              // n_0 .. n_L
  std::vector<Activation> activations;  // g[1] .. g[L]
  Loss loss = Loss::Mse;
  OptimizerSpec optimizer;
  int batch_size = 0;         // 0: the whole training set
  uint64_t seed = 1;          // order of minibatches
  bool update_biases = true;  // false: the update leaves b as it is (some textbook examples)
  InitSpec init;
  DataSpec data;
  int L() const { return static_cast<int>(layers.size()) - 1; }
};

bool is_regression_dataset(const std::string& name);
const std::vector<std::string>& dataset_names();
const std::vector<std::string>& init_scheme_names();
int max_classes(const std::string& dataset);  // 2, or kMaxClasses for gaussian and spiral

// Training examples of a generated set: floor(points * train_fraction), read so that a
// whole percentage such as 0.29 of 100 gives 29 (0.29 is stored a little below 0.29).
long training_count(int points, double train_fraction);

// Parses and validates a JSON spec. Errors name the JSON path of the field.
Result<Spec> parse_spec(const std::string& json_text);

// The spec as JSON text (parse_spec(spec_to_json(s)) gives s back).
std::string spec_to_json(const Spec& spec);

// Checks a learning rate (or any positive finite hyper-parameter) the same way the spec does.
Result<double> check_learning_rate(double lr);

}  // namespace bpx
