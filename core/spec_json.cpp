// The spec back as JSON text, every default written out: parse_spec(spec_to_json(s))
// gives s back (doubles with 17 digits, so parameters survive bit for bit).
#include "core/spec_parts.hpp"

namespace bpx {

using json_read::json;

namespace {

json matrix_rows(const Matrix& M) {
  json rows = json::array();
  for (Eigen::Index i = 0; i < M.rows(); ++i) {
    json row = json::array();
    for (Eigen::Index j = 0; j < M.cols(); ++j) row.push_back(M(i, j));
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

std::string spec_to_json(const Spec& s) {
  json j;
  j["layers"] = s.layers;
  json acts = json::array();
  for (Activation g : s.activations) acts.push_back(activation_name(g));
  j["activations"] = acts;
  j["loss"] = loss_name(s.loss);
  json o;
  o["type"] = optimizer_name(s.optimizer.type);
  o["learning_rate"] = s.optimizer.learning_rate;
  if (s.optimizer.weight_decay != 0) o["weight_decay"] = s.optimizer.weight_decay;
  if (s.optimizer.type == OptimizerType::Momentum) o["momentum"] = s.optimizer.momentum;
  if (s.optimizer.type == OptimizerType::Adam) {
    o["beta1"] = s.optimizer.beta1;
    o["beta2"] = s.optimizer.beta2;
    o["epsilon"] = s.optimizer.epsilon;
  }
  j["optimizer"] = o;
  if (s.batch_size > 0) j["batch_size"] = s.batch_size;
  j["seed"] = s.seed;
  if (!s.update_biases) j["update_biases"] = false;
  if (s.init.explicit_values) {
    json w = json::array(), b = json::array();
    for (const Matrix& W : s.init.weights) w.push_back(matrix_rows(W));
    for (const Matrix& B : s.init.biases) {
      json col = json::array();
      for (Eigen::Index i = 0; i < B.rows(); ++i) col.push_back(B(i, 0));
      b.push_back(col);
    }
    j["init"] = {{"weights", w}, {"biases", b}};
  } else {
    j["init"] = {{"scheme", s.init.scheme}, {"seed", s.init.seed}, {"bias", s.init.bias}};
  }
  if (s.data.explicit_values) {
    j["data"] = {{"inputs", matrix_rows(s.data.inputs.transpose())},
                 {"targets", matrix_rows(s.data.targets.transpose())}};
  } else if (s.data.point_values) {
    j["data"] = point_data_json(s.data);
  } else {
    json f = json::array();
    for (Feature x : s.data.features) f.push_back(feature_name(x));
    j["data"] = {{"dataset", s.data.dataset},
                 {"points", s.data.points},
                 {"noise", s.data.noise},
                 {"train_fraction", s.data.train_fraction},
                 {"seed", s.data.seed},
                 {"classes", s.data.classes},
                 {"features", f}};
  }
  return j.dump();
}

}  // namespace bpx
