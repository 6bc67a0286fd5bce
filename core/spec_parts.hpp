// The pieces of the validator (core/spec.cpp) that more than one data form uses. Internal
// to the core: everyone else calls parse_spec.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "core/json_read.hpp"
#include "core/spec.hpp"

namespace bpx {

using json_read::Check;

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
