// The pieces of the validator (core/spec*.cpp) that more than one of its files uses. Internal
// to the core: everyone else calls parse_spec.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_read.hpp"
#include "core/spec.hpp"

namespace bpx {

using json_read::Check;

// The steps of parse_spec after layers, activations and loss (spec.cpp): optimizer and init
// (spec_training.cpp), then data (spec_data.cpp). Each reads its key of the root object.
Check parse_optimizer(const nlohmann::json& root, Spec& s);
Check parse_init(const nlohmann::json& root, Spec& s);
Check parse_data(const nlohmann::json& root, Spec& s);

// read_number over a named range.
inline Check read_range(const nlohmann::json& v, const std::string& path, const NumberRange& r,
                        double& out) {
  return json_read::read_number(v, path, r.lo, r.hi, out, r.lo_open, r.hi_open);
}

// "a, b, c": a list of names for error messages.
inline std::string one_of(const std::vector<std::string>& names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i) s += std::string(i ? ", " : "") + names[i];
  return s;
}

inline bool contains(const std::vector<std::string>& names, const std::string& x) {
  for (const auto& n : names)
    if (x == n) return true;
  return false;
}

// data.features (default x1, x2) into s.data.features; layers[0] must match their count.
Check parse_features(const nlohmann::json& data, Spec& s);

// The output layer fits the task: one unit for regression (with mse), one unit per class
// for softmax, one unit for two classes otherwise. `what` names the data in messages.
Check check_output_layer(const Spec& s, bool regression, int classes, const std::string& what);

// {"points": [[x1, x2], ...], "labels": [...], "test_points", "test_labels", "features",
// "task": "classification" | "regression", "classes"}.
Check parse_point_data(const nlohmann::json& data, Spec& s);
// The point data back as JSON (parse_point_data(point_data_json(d)) gives d back).
nlohmann::json point_data_json(const DataSpec& d);

}  // namespace bpx
