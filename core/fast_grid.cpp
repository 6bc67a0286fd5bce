#include "core/fast_grid.hpp"

#include <algorithm>
#include <cmath>

#include "core/data.hpp"

namespace bpx {

namespace {

// Rational approximation of tanh on [-7.9, 7.9] (the one Eigen uses for float).
inline float tanh_rational(float x) {
  x = std::min(7.90531110763549805f, std::max(-7.90531110763549805f, x));
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

void activate_row(Activation g, float* z, size_t n) {
  switch (g) {
    case Activation::Tanh:
      for (size_t c = 0; c < n; ++c) z[c] = tanh_rational(z[c]);
      break;
    case Activation::Sigmoid:  // sigma(x) = (1 + tanh(x / 2)) / 2
      for (size_t c = 0; c < n; ++c) z[c] = 0.5f + 0.5f * tanh_rational(0.5f * z[c]);
      break;
    case Activation::Relu:
      for (size_t c = 0; c < n; ++c) z[c] = std::max(z[c], 0.0f);
      break;
    case Activation::LeakyRelu:
      for (size_t c = 0; c < n; ++c)
        z[c] = z[c] > 0 ? z[c] : static_cast<float>(kLeakySlope) * z[c];
      break;
    case Activation::Linear:
    case Activation::Softmax:  // whole columns; done by the caller
      break;
    default:  // no float kernel of its own: the exact scalar form, rounded to float
      for (size_t c = 0; c < n; ++c) z[c] = static_cast<float>(activate_scalar(g, z[c]));
      break;
  }
}

}  // namespace

float tanh_fast(float x) { return tanh_rational(x); }

void FastGrid::run(const Session& s, const std::vector<Feature>& features, const GridSpec& g,
                   std::vector<float>& out) {
  const size_t cells = static_cast<size_t>(g.nx) * static_cast<size_t>(g.ny);
  const auto& layers = s.spec().layers;
  // Input features, one contiguous row per feature (the data sets' own feature map).
  grid_points(g.nx, g.ny, g.xmin, g.xmax, g.ymin, g.ymax, 0, static_cast<Eigen::Index>(cells),
              points_);
  make_features_into(features, points_, features_);
  a_prev_.resize(features.size() * cells);
  for (size_t f = 0; f < features.size(); ++f)
    for (size_t k = 0; k < cells; ++k)
      a_prev_[f * cells + k] =
          static_cast<float>(features_(static_cast<Eigen::Index>(f), static_cast<Eigen::Index>(k)));
  size_t total = 0;
  for (int l = g.all_units ? 1 : s.L(); l <= s.L(); ++l) total += static_cast<size_t>(layers[l]);
  out.resize(total * cells);
  size_t written = 0;
  for (int l = 1; l <= s.L(); ++l) {
    const Matrix& W = s.W(l);
    const Matrix& b = s.b(l);
    const size_t n_in = static_cast<size_t>(layers[l - 1]), n_out = static_cast<size_t>(layers[l]);
    a_next_.resize(n_out * cells);
    for (size_t j = 0; j < n_out; ++j) {
      float* z = a_next_.data() + j * cells;
      const float bj = static_cast<float>(b(static_cast<Eigen::Index>(j), 0));
      std::fill(z, z + cells, bj);
      for (size_t i = 0; i < n_in; ++i) {
        const float w =
            static_cast<float>(W(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)));
        const float* a = a_prev_.data() + i * cells;
        for (size_t c = 0; c < cells; ++c) z[c] += w * a[c];
      }
      activate_row(s.spec().activations[static_cast<size_t>(l - 1)], z, cells);
    }
    if (s.spec().activations[static_cast<size_t>(l - 1)] == Activation::Softmax) {
      for (size_t c = 0; c < cells; ++c) {
        float zmax = a_next_[c];
        for (size_t j = 1; j < n_out; ++j) zmax = std::max(zmax, a_next_[j * cells + c]);
        float sum = 0;
        for (size_t j = 0; j < n_out; ++j) {
          float e = std::exp(a_next_[j * cells + c] - zmax);
          a_next_[j * cells + c] = e;
          sum += e;
        }
        for (size_t j = 0; j < n_out; ++j) a_next_[j * cells + c] /= sum;
      }
    }
    if (g.all_units || l == s.L()) {
      std::copy(a_next_.begin(), a_next_.end(), out.begin() + static_cast<long>(written));
      written += a_next_.size();
    }
    std::swap(a_prev_, a_next_);
  }
}

}  // namespace bpx
