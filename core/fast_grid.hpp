// Every unit's output over a grid of (x1, x2) in single precision, for heatmaps: plain
// loops over contiguous cells that the compiler vectorises (SSE2 natively, wasm SIMD
// with -msimd128), and a rational tanh. The exact double path (Session::predict_all)
// stays the source of every number shown as a number; this one only colours pixels.
#pragma once
#include <vector>

#include "core/session.hpp"

namespace bpx {

struct GridSpec {
  int nx = 100, ny = 100;
  double xmin = -6, xmax = 6, ymin = -6, ymax = 6;
  bool all_units = true;  // false: only the output layer
};

class FastGrid {
 public:
  // Fills out with, for each layer (1..L, or only L), each unit, ny rows of nx values
  // (row 0 at ymin). Buffers are reused between calls: no allocation once warm.
  void run(const Session& session, const std::vector<Feature>& features, const GridSpec& grid,
           std::vector<float>& out);

 private:
  std::vector<float> a_prev_, a_next_;
  Matrix points_, features_;
};

// |tanh_fast(x) - tanh(x)| < 1e-6 for every float x (rational minimax, clamped at +-7.9).
float tanh_fast(float x);

}  // namespace bpx
