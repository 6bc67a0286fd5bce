// Live edits of a session between steps: new points for the same network (the page's added
// or removed points) and one weight or bias set by hand. Both keep what has been learnt.
#include <cmath>

#include "core/data.hpp"
#include "core/json_read.hpp"
#include "core/session.hpp"
#include "core/spec_parts.hpp"

namespace bpx {

using namespace json_read;

namespace {

Error between_steps(const char* what) {
  return Error{"", std::string(what) + " between steps only: finish the current step first"};
}

}  // namespace

void Session::forget_batch() {
  for (int l = 0; l <= L(); ++l) {
    LayerState& ls = layers_[l];
    ls.Z.resize(ls.Z.rows(), 0);
    ls.A.resize(ls.A.rows(), 0);
    ls.dA.resize(ls.dA.rows(), 0);
    ls.dZ.resize(ls.dZ.rows(), 0);
    ls.gprime.resize(ls.gprime.rows(), 0);
  }
  Y_.resize(Y_.rows(), 0);
  losses_.resize(1, 0);
  batch_.clear();
  c_.last.reset();
  undo_.clear();
}

std::optional<Error> Session::replace_data(const std::string& data_json) {
  if (c_.cursor != 0) return between_steps("new data is taken");
  if (spec_.data.explicit_values)
    return Error{"data",
                 "this session trains on explicit inputs and targets; new data comes "
                 "as points of the plane only for sessions of points or a data set"};
  auto parsed = parse(data_json, {kMaxSpecBytes, kMaxSpecValues, kMaxSpecDepth, "the data"});
  if (!parsed) return parsed.error();
  json v = std::move(parsed).value();
  if (!v.is_object() || !v.contains("points"))
    return Error{"data",
                 "expected the point form {\"points\", \"labels\", \"test_points\", "
                 "\"test_labels\"}, got " +
                     describe(v)};
  const DataSpec& now = spec_.data;
  // What the network's shape depends on stays the session's: given or not, it must match.
  json features = json::array();
  for (Feature x : now.features) features.push_back(feature_name(x));
  const json task = now.regression ? "regression" : "classification";
  if (v.contains("features") && v["features"] != features)
    return Error{"data.features",
                 "the network's inputs stay as they are: expected " + features.dump()};
  if (v.contains("task") && v["task"] != task)
    return Error{"data.task", "the network's task stays as it is: expected " + task.dump()};
  if (v.contains("classes") && (now.regression || v["classes"] != now.classes))
    return Error{"data.classes", now.regression ? std::string("regression points have no classes")
                                                : "the network's classes stay as they are: "
                                                  "expected " +
                                                      std::to_string(now.classes)};
  v["features"] = features;
  v["task"] = task;
  if (!now.regression) v["classes"] = now.classes;
  Spec next = spec_;
  next.data = DataSpec{};
  if (auto e = parse_point_data(v, next)) return e;
  const DataSpec& d = next.data;
  // Everything is valid: from here on nothing fails.
  spec_.data = d;
  data_ = make_dataset(spec_);
  const int n = static_cast<int>(data_.X_train.cols());
  if (spec_.batch_size > n) spec_.batch_size = n;
  batch_size_ = spec_.batch_size > 0 ? spec_.batch_size : n;
  c_.epoch_pos = 0;
  c_.batch_ends_epoch = false;
  order_.clear();
  forget_batch();
  return std::nullopt;
}

std::optional<Error> Session::set_parameter(const std::string& name, int layer, int row, int col,
                                            double value) {
  if (name != "W" && name != "b")
    return Error{"name", "expected W or b, got \"" + excerpt(name) + "\""};
  if (layer < 1 || layer > L())
    return Error{"layer", "expected a layer between 1 and " + std::to_string(L()) + ", got " +
                              std::to_string(layer)};
  Matrix& M = name == "W" ? layers_[layer].W : layers_[layer].b;
  const std::string what = name + "[" + std::to_string(layer) + "]";
  if (row < 0 || row >= M.rows())
    return Error{"row", "expected a row of " + what + " between 0 and " +
                            std::to_string(M.rows() - 1) + ", got " + std::to_string(row)};
  if (col < 0 || col >= M.cols())
    return Error{"col", "expected a column of " + what + " between 0 and " +
                            std::to_string(M.cols() - 1) + ", got " + std::to_string(col)};
  if (!std::isfinite(value)) return Error{"value", "expected a finite number"};
  if (c_.cursor != 0) return between_steps("a parameter is set");
  M(row, col) = value;
  undo_.clear();
  return std::nullopt;
}

}  // namespace bpx
