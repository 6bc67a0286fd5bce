// PROTOTYPE, see blocked_grid.hpp. Build with -O3 (and -fno-trapping-math for GCC, which
// otherwise refuses to vectorise the clamped tanh; it changes no result) and -msimd128
// under emscripten.
#include "bench/proto/blocked_grid.hpp"

#include <algorithm>
#include <cmath>

#include "core/detmath.hpp"

namespace bpx_proto {

namespace {

constexpr size_t kBlock = 256;  // cells per block: 64 units x 256 x 4 B = 64 KB at most

inline float tanh_rational(float x) {
  const float c = 7.90531110763549805f;
  x = x < -c ? -c : x;
  x = x > c ? c : x;
  const float x2 = x * x;
  float p = -2.76076847742355e-16f;
  p = p * x2 + 2.00018790482477e-13f;
  p = p * x2 + -8.60467152213735e-11f;
  p = p * x2 + 5.12229709037114e-08f;
  p = p * x2 + 1.48572235717979e-05f;
  p = p * x2 + 6.37261928875436e-04f;
  p = p * x2 + 4.89352455891786e-03f;
  p = p * x;
  float q = 1.19825839466702e-06f;
  q = q * x2 + 1.18534705686654e-04f;
  q = q * x2 + 2.26843463243900e-03f;
  q = q * x2 + 4.89352518554385e-03f;
  return p / q;
}

void activate(bpx::Activation g, float* __restrict z, size_t n) {
  switch (g) {
    case bpx::Activation::Tanh:
      for (size_t c = 0; c < n; ++c) z[c] = tanh_rational(z[c]);
      break;
    case bpx::Activation::Sigmoid:
      for (size_t c = 0; c < n; ++c) z[c] = 0.5f + 0.5f * tanh_rational(0.5f * z[c]);
      break;
    case bpx::Activation::Relu:
      for (size_t c = 0; c < n; ++c) z[c] = z[c] > 0.0f ? z[c] : 0.0f;
      break;
    case bpx::Activation::LeakyRelu:
      for (size_t c = 0; c < n; ++c)
        z[c] = z[c] > 0 ? z[c] : static_cast<float>(bpx::kLeakySlope) * z[c];
      break;
    case bpx::Activation::Linear:
    case bpx::Activation::Softmax:
      break;
  }
}

void multiply_add(float* __restrict z, const float* __restrict a, float w, size_t n) {
  for (size_t c = 0; c < n; ++c) z[c] += w * a[c];
}

double feature(bpx::Feature f, double x, double y) {
  switch (f) {
    case bpx::Feature::X1:
      return x;
    case bpx::Feature::X2:
      return y;
    case bpx::Feature::X1Sq:
      return x * x;
    case bpx::Feature::X2Sq:
      return y * y;
    case bpx::Feature::X1X2:
      return x * y;
    case bpx::Feature::SinX1:
      return bpx::det_sin(x);
    case bpx::Feature::SinX2:
      return bpx::det_sin(y);
  }
  return 0;
}

}  // namespace

void BlockedGrid::run(const bpx::Session& s, const std::vector<bpx::Feature>& features,
                      const bpx::GridSpec& g, std::vector<float>& out) {
  const size_t cells = static_cast<size_t>(g.nx) * static_cast<size_t>(g.ny);
  const auto& layers = s.spec().layers;
  const int L = s.L();
  const int first = g.all_units ? 1 : L;
  size_t widest = features.size(), total = 0;
  for (int l = 1; l <= L; ++l) widest = std::max(widest, static_cast<size_t>(layers[l]));
  for (int l = first; l <= L; ++l) total += static_cast<size_t>(layers[l]);
  out.resize(total * cells);
  a_.resize(widest * kBlock);
  b_.resize(widest * kBlock);
  // Parameters in float, rows first, once per call.
  std::vector<std::vector<float>> W(static_cast<size_t>(L + 1)), B(static_cast<size_t>(L + 1));
  for (int l = 1; l <= L; ++l) {
    const bpx::Matrix& w = s.W(l);
    for (Eigen::Index j = 0; j < w.rows(); ++j) {
      B[l].push_back(static_cast<float>(s.b(l)(j, 0)));
      for (Eigen::Index i = 0; i < w.cols(); ++i) W[l].push_back(static_cast<float>(w(j, i)));
    }
  }
  for (size_t start = 0; start < cells; start += kBlock) {
    const size_t n = std::min(kBlock, cells - start);
    float* prev = a_.data();
    float* next = b_.data();
    for (size_t k = 0; k < n; ++k) {
      const size_t cell = start + k;
      const int r = static_cast<int>(cell / static_cast<size_t>(g.nx));
      const int c = static_cast<int>(cell % static_cast<size_t>(g.nx));
      const double y = g.ny == 1 ? g.ymin : g.ymin + (g.ymax - g.ymin) * r / (g.ny - 1);
      const double x = g.nx == 1 ? g.xmin : g.xmin + (g.xmax - g.xmin) * c / (g.nx - 1);
      for (size_t f = 0; f < features.size(); ++f)
        prev[f * kBlock + k] = static_cast<float>(feature(features[f], x, y));
    }
    size_t offset = 0;  // first unit of layer l in `out`
    for (int l = 1; l <= L; ++l) {
      const size_t n_in = static_cast<size_t>(layers[l - 1]),
                   n_out = static_cast<size_t>(layers[l]);
      const bpx::Activation act = s.spec().activations[static_cast<size_t>(l - 1)];
      for (size_t j = 0; j < n_out; ++j) {
        float* z = next + j * kBlock;
        std::fill(z, z + n, B[l][j]);
        for (size_t i = 0; i < n_in; ++i) multiply_add(z, prev + i * kBlock, W[l][j * n_in + i], n);
        activate(act, z, n);
      }
      if (act == bpx::Activation::Softmax) {
        for (size_t k = 0; k < n; ++k) {
          float zmax = next[k];
          for (size_t j = 1; j < n_out; ++j) zmax = std::max(zmax, next[j * kBlock + k]);
          float sum = 0;
          for (size_t j = 0; j < n_out; ++j) {
            float e = std::exp(next[j * kBlock + k] - zmax);
            next[j * kBlock + k] = e;
            sum += e;
          }
          for (size_t j = 0; j < n_out; ++j) next[j * kBlock + k] /= sum;
        }
      }
      if (l >= first) {
        for (size_t j = 0; j < n_out; ++j)
          std::copy(next + j * kBlock, next + j * kBlock + n,
                    out.data() + offset + j * cells + start);
        offset += n_out * cells;
      }
      std::swap(prev, next);
    }
  }
}

}  // namespace bpx_proto
