// Shared helpers of the practice tests: sessions of the seed specs and one-line checks.
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "core/practice_check.hpp"

namespace practice_test {

// Seed document 002's 2-2-1 example (examples/seed002.json).
inline const char* const kSeed002 = R"({
  "layers": [2, 2, 1], "activations": ["sigmoid", "sigmoid"], "loss": "bce",
  "optimizer": {"type": "sgd", "learning_rate": 0.1}, "batch_size": 1,
  "init": {"weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]], "biases": [[0.01, 0.02], [0.05]]},
  "data": {"inputs": [[1.0, 2.0]], "targets": [[1.0]]}})";

// Seed document 003's sigmoid neuron (examples/seed003_neuron.json).
inline const char* const kSeed003 = R"({
  "layers": [2, 1], "activations": ["sigmoid"], "loss": "mse",
  "optimizer": {"type": "sgd", "learning_rate": 0.1},
  "init": {"weights": [[[2.0, -3.0]]], "biases": [[-3.0]]},
  "data": {"inputs": [[-1.0, -2.0]], "targets": [[1.0]]}})";

// Matt Mazur's 2-2-2 example (examples/mazur.json).
inline const char* const kMazur = R"({
  "layers": [2, 2, 2], "activations": ["sigmoid", "sigmoid"], "loss": "mse",
  "optimizer": {"type": "sgd", "learning_rate": 0.5}, "update_biases": false,
  "init": {"weights": [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]],
           "biases": [[0.35, 0.35], [0.60, 0.60]]},
  "data": {"inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]]}})";

// A batched softmax case: 2 inputs, 2 classes, two examples in one batch.
inline const char* const kSoftmaxBatch = R"({
  "layers": [2, 2], "activations": ["softmax"], "loss": "cross_entropy",
  "optimizer": {"type": "sgd", "learning_rate": 0.5},
  "init": {"weights": [[[0.2, -0.4], [0.1, 0.3]]], "biases": [[0.0, 0.1]]},
  "data": {"inputs": [[1.0, 2.0], [-1.0, 0.5]], "targets": [[1.0, 0.0], [0.0, 1.0]]}})";

inline bpx::Session Make(const std::string& spec) {
  auto s = bpx::Session::create(spec);
  if (!s.ok()) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

inline bpx::CheckResult Check(const std::string& spec, const std::string& quantity, int row,
                              int col, const std::string& answer, long step = 1) {
  auto q = bpx::parse_quantity(quantity);
  if (!q.ok()) throw std::runtime_error(q.error().text());
  bpx::QuantityRef ref = q.value();
  ref.row = row;
  ref.col = col;
  auto frames = bpx::practice_frames_at_step(Make(spec), ref, step);
  auto r = bpx::check_answer(frames, ref, answer);
  if (!r.ok()) throw std::runtime_error(r.error().text());
  return r.value();
}

inline std::string IdOf(const bpx::CheckResult& r) {
  return r.diagnosis ? r.diagnosis->id : std::string("(correct)");
}

// The answer a learner types for a value: 4 significant digits.
inline std::string Typed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

inline double Sig(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace practice_test
