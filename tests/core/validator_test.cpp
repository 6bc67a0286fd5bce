// parse_spec, the one validator of every input: a table of bad specs, each with the JSON path
// the error must name and a phrase its message must contain; round trips of good specs; and
// random corruptions of a good spec that must fail cleanly, never crash.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/session.hpp"
#include "core/spec.hpp"

namespace {

using nlohmann::json;

json ExplicitBase() {
  return json::parse(R"({
    "layers": [2, 2, 1],
    "activations": ["sigmoid", "sigmoid"],
    "loss": "bce",
    "optimizer": {"type": "sgd", "learning_rate": 0.1},
    "batch_size": 1,
    "init": {"weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]],
             "biases": [[0.01, 0.02], [0.05]]},
    "data": {"inputs": [[1.0, 2.0]], "targets": [[1.0]]}
  })");
}

json DatasetBase() {
  return json::parse(R"({
    "layers": [2, 4, 1],
    "activations": ["tanh", "sigmoid"],
    "loss": "bce",
    "optimizer": {"type": "adam", "learning_rate": 0.01},
    "batch_size": 10,
    "seed": 3,
    "init": {"scheme": "xavier", "seed": 2},
    "data": {"dataset": "circle", "points": 20, "noise": 0.1, "train_fraction": 0.5, "seed": 7}
  })");
}

// The base with one value set (added or replaced) at a JSON pointer.
std::string Set(json j, const std::string& pointer, const json& value) {
  j[json::json_pointer(pointer)] = value;
  return j.dump();
}

// The base with one key removed from the object at a JSON pointer ("" for the root).
std::string Drop(json j, const std::string& parent, const std::string& key) {
  j[json::json_pointer(parent)].erase(key);
  return j.dump();
}

struct Bad {
  std::string name;
  std::string text;
  std::string path;     // Error::path, exactly
  std::string message;  // a phrase of Error::message
};

void PrintTo(const Bad& b, std::ostream* os) { *os << b.name; }

std::vector<Bad> Table() {
  const json e = ExplicitBase(), d = DatasetBase();
  json ce = e;  // a softmax + cross_entropy variant of the explicit base
  ce["layers"] = {2, 2, 2};
  ce["activations"] = {"sigmoid", "softmax"};
  ce["loss"] = "cross_entropy";
  ce["init"]["weights"][1] = {{0.5, 0.6}, {-0.5, 0.2}};
  ce["init"]["biases"][1] = {0.05, 0.0};
  ce["data"]["targets"] = {{0.0, 1.0}};
  json g3 = d;  // a three-class gaussian set
  g3["data"] = {{"dataset", "gaussian"}, {"classes", 3}, {"points", 30}};
  json plane = d;
  plane["data"] = {{"dataset", "plane"}};
  plane["loss"] = "mse";
  plane["activations"] = {"tanh", "linear"};
  json ten_layers = e;
  ten_layers["layers"] = {2, 2, 2, 2, 2, 2, 2, 2, 2, 1};

  return {
      {"not_json", R"({"layers": [2, 2, 1)", "", "not valid JSON"},
      {"empty_text", "", "", "not valid JSON"},
      {"trailing_garbage", e.dump() + " x", "", "not valid JSON"},
      {"number_overflows_double",  // 1e999 is not a finite double: rejected as it is read
       R"({"layers": [2, 1], "activations": ["sigmoid"], "loss": "mse",
           "optimizer": {"learning_rate": 1e999}})",
       "", "not valid JSON"},
      {"a_list", "[2, 2, 1]", "", "must be a JSON object"},
      {"a_string", R"("layers")", "", "must be a JSON object"},
      {"unknown_top_level_key", Set(e, "/learning_rate", 0.1), "learning_rate", "unknown key"},
      {"missing_layers", Drop(e, "", "layers"), "layers", "missing"},
      {"layers_not_a_list", Set(e, "/layers", 3), "layers", "expected a list"},
      {"layers_too_short", Set(e, "/layers", {2}), "layers", "between 2 and 9"},
      {"layers_too_long", ten_layers.dump(), "layers", "between 2 and 9"},
      {"layer_of_0", Set(e, "/layers/1", 0), "layers[1]", "between 1 and 64"},
      {"layer_of_65", Set(e, "/layers/1", 65), "layers[1]", "got 65"},
      {"layer_of_2_5", Set(e, "/layers/1", 2.5), "layers[1]", "got 2.5"},
      {"layer_as_string", Set(e, "/layers/0", "3"), "layers[0]", "an integer"},
      {"missing_activations", Drop(e, "", "activations"), "activations", "missing"},
      {"activations_count", Set(e, "/activations", {"sigmoid"}), "activations", "exactly 2"},
      {"unknown_activation", Set(e, "/activations/0", "swish"), "activations[0]",
       "unknown activation \"swish\""},
      {"activation_not_string", Set(e, "/activations/1", 1), "activations[1]", "a string"},
      {"softmax_hidden", Set(e, "/activations/0", "softmax"), "activations[0]",
       "only allowed on the output layer"},
      {"softmax_one_output", Set(e, "/activations/1", "softmax"), "activations[1]",
       "at least 2 output units"},
      {"missing_loss", Drop(e, "", "loss"), "loss", "missing"},
      {"unknown_loss", Set(e, "/loss", "hinge"), "loss", "unknown loss \"hinge\""},
      {"bce_with_tanh", Set(e, "/activations/1", "tanh"), "loss", "needs a sigmoid output"},
      {"cross_entropy_with_sigmoid", Set(e, "/loss", "cross_entropy"), "loss",
       "needs a softmax output"},
      {"optimizer_not_object", Set(e, "/optimizer", "sgd"), "optimizer", "expected an object"},
      {"optimizer_unknown_type", Set(e, "/optimizer/type", "rmsprop"), "optimizer.type",
       "unknown optimizer \"rmsprop\""},
      {"optimizer_unknown_key", Set(e, "/optimizer/decay", 0.1), "optimizer.decay", "unknown key"},
      {"learning_rate_negative", Set(e, "/optimizer/learning_rate", -0.1),
       "optimizer.learning_rate", "(0, 100]"},
      {"learning_rate_zero", Set(e, "/optimizer/learning_rate", 0), "optimizer.learning_rate",
       "got 0"},
      {"learning_rate_null", Set(e, "/optimizer/learning_rate", nullptr), "optimizer.learning_rate",
       "got null"},
      {"learning_rate_too_big", Set(e, "/optimizer/learning_rate", 1000), "optimizer.learning_rate",
       "got 1000"},
      {"momentum_with_sgd", Set(e, "/optimizer/momentum", 0.9), "optimizer.momentum",
       "only used by the momentum optimizer"},
      {"beta1_with_sgd", Set(e, "/optimizer/beta1", 0.9), "optimizer.beta1",
       "only used by the adam optimizer"},
      {"momentum_of_1",
       [&] {
         json j = e;
         j["optimizer"] = {{"type", "momentum"}, {"learning_rate", 0.1}, {"momentum", 1.0}};
         return j.dump();
       }(),
       "optimizer.momentum", "[0, 1)"},
      {"weight_decay_negative", Set(e, "/optimizer/weight_decay", -1), "optimizer.weight_decay",
       "[0, 10]"},
      {"init_not_object", Set(e, "/init", {1, 2}), "init", "expected an object"},
      {"init_weights_count", Set(e, "/init/weights", {{{0.1, 0.2}, {0.3, 0.4}}}), "init.weights",
       "exactly 2"},
      {"init_weights_rows", Set(e, "/init/weights/0", {{0.1, 0.2}}), "init.weights[0]",
       "expected 2 rows"},
      {"init_weights_row_length", Set(e, "/init/weights/1/0", {0.5}), "init.weights[1][0]",
       "expected 2 numbers"},
      {"init_weight_null", Set(e, "/init/weights/0/0/1", nullptr), "init.weights[0][0][1]",
       "expected a finite number, got null"},
      {"init_weight_string", Set(e, "/init/weights/1/0/0", "0.5"), "init.weights[1][0][0]",
       "finite number"},
      {"init_biases_missing", Drop(e, "/init", "biases"), "init.biases", "missing"},
      {"init_weights_missing", Drop(e, "/init", "weights"), "init.weights", "missing"},
      {"init_biases_count", Set(e, "/init/biases/0", {0.01}), "init.biases[0]", "exactly 2"},
      {"init_bias_null", Set(e, "/init/biases/1/0", nullptr), "init.biases[1][0]", "finite number"},
      {"init_mixed_keys", Set(e, "/init/scheme", "he"), "init.scheme", "unknown key"},
      {"init_unknown_scheme", Set(d, "/init/scheme", "glorot"), "init.scheme",
       "unknown scheme \"glorot\""},
      {"init_seed_negative", Set(d, "/init/seed", -4), "init.seed", "between 0 and"},
      {"missing_data", Drop(e, "", "data"), "data", "missing"},
      {"data_not_object", Set(e, "/data", "circle"), "data", "expected an object"},
      {"inputs_missing", Drop(e, "/data", "inputs"), "data.inputs", "missing"},
      {"targets_missing", Drop(e, "/data", "targets"), "data.targets", "missing"},
      {"inputs_row_length", Set(e, "/data/inputs/0", {1.0, 2.0, 3.0}), "data.inputs[0]",
       "expected 2 numbers"},
      {"input_null", Set(e, "/data/inputs/0/1", nullptr), "data.inputs[0][1]", "finite number"},
      {"targets_count", Set(e, "/data/targets", {{1.0}, {0.0}}), "data.targets", "expected 1 rows"},
      {"targets_row_length", Set(e, "/data/targets/0", {1.0, 0.0}), "data.targets[0]",
       "expected 1 numbers"},
      {"bce_target_1_5", Set(e, "/data/targets/0/0", 1.5), "data.targets[0][0]",
       "bce needs targets in [0, 1]"},
      {"cross_entropy_row_sum", Set(ce, "/data/targets/0", {0.5, 0.6}), "data.targets[0]",
       "sum to 1"},
      {"cross_entropy_negative", Set(ce, "/data/targets/0", {-0.5, 1.5}), "data.targets[0][0]",
       ">= 0"},
      {"unknown_dataset", Set(d, "/data/dataset", "moons"), "data.dataset",
       "unknown data set \"moons\""},
      {"dataset_unknown_key", Set(d, "/data/size", 3), "data.size", "unknown key"},
      {"points_5", Set(d, "/data/points", 5), "data.points", "between 10 and 2000"},
      {"points_5000", Set(d, "/data/points", 5000), "data.points", "between 10 and 2000"},
      {"noise_0_9", Set(d, "/data/noise", 0.9), "data.noise", "[0, 0.5]"},
      {"train_fraction_0", Set(d, "/data/train_fraction", 0), "data.train_fraction", "(0, 1]"},
      {"train_fraction_leaves_none", Set(d, "/data/train_fraction", 0.01), "data.train_fraction",
       "no training examples"},
      {"data_seed_fraction", Set(d, "/data/seed", 1.5), "data.seed", "an integer"},
      {"features_vs_layers", Set(d, "/data/features", {"x1", "x2", "x1_sq"}), "layers[0]",
       "one per feature"},
      {"unknown_feature", Set(d, "/data/features", {"x1", "cos_x1"}), "data.features[1]",
       "unknown feature \"cos_x1\""},
      {"feature_twice", Set(d, "/data/features", {"x1", "x1"}), "data.features[1]", "listed twice"},
      {"circle_with_3_classes", Set(d, "/data/classes", 3), "data.classes",
       "only gaussian and spiral"},
      {"classes_3_with_sigmoid", g3.dump(), "data.classes", "need a softmax output"},
      {"softmax_units_vs_classes",
       [&] {
         json j = g3;
         j["activations"] = {"tanh", "softmax"};
         j["loss"] = "cross_entropy";
         j["layers"] = {2, 4, 2};
         return j.dump();
       }(),
       "layers[2]", "one unit per class"},
      {"regression_with_bce", Set(plane, "/loss", "bce"), "loss", "needs a sigmoid output"},
      {"regression_with_sigmoid_bce",
       [&] {
         json j = plane;
         j["loss"] = "bce";
         j["activations"] = {"tanh", "sigmoid"};
         return j.dump();
       }(),
       "loss", "use mse"},
      {"regression_two_outputs", Set(plane, "/layers/2", 2), "layers[2]", "needs 1 output unit"},
      {"batch_size_above_explicit", Set(e, "/batch_size", 2), "batch_size", "between 1 and 1"},
      {"batch_size_above_split", Set(d, "/batch_size", 11), "batch_size", "between 1 and 10"},
      {"batch_size_0", Set(e, "/batch_size", 0), "batch_size", "between 1 and"},
      {"seed_negative", Set(e, "/seed", -1), "seed", "between 0 and 9007199254740991"},
      {"seed_above_2_53", Set(e, "/seed", 9007199254740992ULL), "seed", "between 0 and"},
  };
}

class BadSpec : public ::testing::TestWithParam<Bad> {};

TEST_P(BadSpec, NamesThePathAndSaysWhy) {
  const Bad& b = GetParam();
  auto r = bpx::parse_spec(b.text);
  ASSERT_FALSE(r.ok()) << b.text;
  EXPECT_EQ(r.error().path, b.path) << r.error().text();
  EXPECT_NE(r.error().message.find(b.message), std::string::npos)
      << "message: " << r.error().message << "\nwanted: " << b.message;
  // Session::create reports the same error.
  auto s = bpx::Session::create(b.text);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().text(), r.error().text());
}

INSTANTIATE_TEST_SUITE_P(Table, BadSpec, ::testing::ValuesIn(Table()),
                         [](const ::testing::TestParamInfo<Bad>& info) { return info.param.name; });

TEST(BadSpecTable, HasAtLeastThirtyDistinctCases) {
  const std::vector<Bad> t = Table();
  EXPECT_GE(t.size(), 30u);
  for (size_t i = 0; i < t.size(); ++i)
    for (size_t j = i + 1; j < t.size(); ++j) EXPECT_NE(t[i].text, t[j].text) << t[i].name;
}

TEST(GoodSpec, TheBasesAreValid) {
  for (const json& j : {ExplicitBase(), DatasetBase()}) {
    auto r = bpx::parse_spec(j.dump());
    EXPECT_TRUE(r.ok()) << r.error().text();
  }
}

// Field by field: Spec has no operator==.
void ExpectSameSpec(const bpx::Spec& a, const bpx::Spec& b) {
  EXPECT_EQ(a.layers, b.layers);
  EXPECT_EQ(a.activations, b.activations);
  EXPECT_EQ(a.loss, b.loss);
  EXPECT_EQ(a.optimizer.type, b.optimizer.type);
  EXPECT_EQ(a.optimizer.learning_rate, b.optimizer.learning_rate);
  EXPECT_EQ(a.optimizer.momentum, b.optimizer.momentum);
  EXPECT_EQ(a.optimizer.beta1, b.optimizer.beta1);
  EXPECT_EQ(a.optimizer.beta2, b.optimizer.beta2);
  EXPECT_EQ(a.optimizer.epsilon, b.optimizer.epsilon);
  EXPECT_EQ(a.optimizer.weight_decay, b.optimizer.weight_decay);
  EXPECT_EQ(a.batch_size, b.batch_size);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.init.explicit_values, b.init.explicit_values);
  ASSERT_EQ(a.init.weights.size(), b.init.weights.size());
  for (size_t l = 0; l < a.init.weights.size(); ++l) {
    EXPECT_EQ(a.init.weights[l], b.init.weights[l]);
    EXPECT_EQ(a.init.biases[l], b.init.biases[l]);
  }
  EXPECT_EQ(a.init.scheme, b.init.scheme);
  EXPECT_EQ(a.init.seed, b.init.seed);
  EXPECT_EQ(a.init.bias, b.init.bias);
  EXPECT_EQ(a.data.explicit_values, b.data.explicit_values);
  EXPECT_EQ(a.data.inputs, b.data.inputs);
  EXPECT_EQ(a.data.targets, b.data.targets);
  EXPECT_EQ(a.data.dataset, b.data.dataset);
  EXPECT_EQ(a.data.points, b.data.points);
  EXPECT_EQ(a.data.noise, b.data.noise);
  EXPECT_EQ(a.data.train_fraction, b.data.train_fraction);
  EXPECT_EQ(a.data.seed, b.data.seed);
  EXPECT_EQ(a.data.classes, b.data.classes);
  EXPECT_EQ(a.data.features, b.data.features);
}

TEST(GoodSpec, RoundTripsThroughSpecToJson) {
  json momentum = ExplicitBase();
  momentum["optimizer"] = {
      {"type", "momentum"}, {"learning_rate", 0.3}, {"momentum", 0.7}, {"weight_decay", 0.01}};
  momentum["init"]["weights"][0][0][0] = 0.1 + 0.2;  // not a short decimal: 0.30000000000000004
  json spiral = DatasetBase();
  spiral["layers"] = {4, 5, 3, 3};
  spiral["activations"] = {"relu", "leaky_relu", "softmax"};
  spiral["loss"] = "cross_entropy";
  spiral["optimizer"] = {{"type", "adam"}, {"learning_rate", 0.003}, {"beta1", 0.85},
                         {"beta2", 0.99},  {"epsilon", 1e-7},        {"weight_decay", 0.001}};
  spiral["data"] = {{"dataset", "spiral"},
                    {"classes", 3},
                    {"points", 300},
                    {"noise", 0.25},
                    {"seed", 12345},
                    {"train_fraction", 0.8},
                    {"features", {"x1", "x2", "sin_x1", "x1_x2"}}};
  spiral["init"] = {{"scheme", "he"}, {"seed", 99}, {"bias", 0.1}};
  json plane = DatasetBase();
  plane.erase("batch_size");
  plane["activations"] = {"tanh", "linear"};
  plane["loss"] = "mse";
  plane["data"] = {{"dataset", "plane"}, {"noise", 0.5}};
  for (const json& j : {ExplicitBase(), DatasetBase(), momentum, spiral, plane}) {
    auto first = bpx::parse_spec(j.dump());
    ASSERT_TRUE(first.ok()) << first.error().text() << "\n" << j.dump();
    const std::string text = bpx::spec_to_json(first.value());
    auto second = bpx::parse_spec(text);
    ASSERT_TRUE(second.ok()) << second.error().text() << "\n" << text;
    ExpectSameSpec(first.value(), second.value());
    EXPECT_EQ(bpx::spec_to_json(second.value()), text);
  }
}

TEST(GoodSpec, DefaultsAreFilledIn) {
  auto r = bpx::parse_spec(R"({"layers": [2, 1], "activations": ["sigmoid"], "loss": "mse",
                               "data": {"inputs": [[0, 1]], "targets": [[0.5]]}})");
  ASSERT_TRUE(r.ok()) << r.error().text();
  const bpx::Spec& s = r.value();
  EXPECT_EQ(s.optimizer.type, bpx::OptimizerType::Sgd);
  EXPECT_EQ(s.optimizer.learning_rate, 0.1);
  EXPECT_EQ(s.batch_size, 0);  // the whole training set
  EXPECT_FALSE(s.init.explicit_values);
  EXPECT_EQ(s.init.scheme, "xavier");
}

// Random corruptions: truncation, byte flips, deletions, insertions of JSON punctuation.
std::string Mutate(const std::string& good, bpx::Pcg32& rng) {
  std::string s = good;
  const uint32_t kind = rng.below(5);
  const size_t at = rng.below(static_cast<uint32_t>(s.size()));
  switch (kind) {
    case 0:
      s.resize(at);
      break;
    case 1:
      s[at] = static_cast<char>(s[at] ^ static_cast<char>(1 + rng.below(255)));
      break;
    case 2:
      s.erase(at, 1 + rng.below(8));
      break;
    case 3: {
      const char* kInserts[] = {"[",  "]",        "{",  "}",     ",",    ":",
                                "\"", "-",        "0",  "1e308", "null", "9",
                                "[[", "\"x\":1,", "-1", "true",  "65",   "1e999"};
      s.insert(at, kInserts[rng.below(sizeof kInserts / sizeof kInserts[0])]);
      break;
    }
    default: {
      // Swap two digits or change one: still JSON, often a semantic error.
      for (size_t k = 0; k < s.size(); ++k) {
        size_t i = (at + k) % s.size();
        if (s[i] >= '0' && s[i] <= '9') {
          s[i] = static_cast<char>('0' + rng.below(10));
          break;
        }
      }
    }
  }
  return s;
}

TEST(Fuzz, CorruptedSpecsFailCleanlyOrRun) {
  bpx::Pcg32 rng(2024, 5);
  int failed = 0, passed = 0;
  for (const json& base : {ExplicitBase(), DatasetBase()}) {
    const std::string good = base.dump(2);
    for (int i = 0; i < 100; ++i) {
      const std::string text = Mutate(good, rng);
      auto r = bpx::parse_spec(text);
      if (!r.ok()) {
        ++failed;
        EXPECT_FALSE(r.error().message.empty()) << text;
        continue;
      }
      ++passed;
      // A spec that validates must give a session that runs.
      auto s = bpx::Session::create(text);
      ASSERT_TRUE(s.ok()) << text;
      s.value().step();
      EXPECT_EQ(s.value().step_count(), 1);
    }
  }
  EXPECT_EQ(failed + passed, 200);
  EXPECT_GT(failed, 100);  // most corruptions break the spec
}

}  // namespace
