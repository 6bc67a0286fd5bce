// predictGrid: every unit's output over a grid of (x1, x2), in double precision (copied
// into a new Float64Array, computed in chunks of cells) or in single precision through the
// vectorised kernel of core/fast_grid (a live view the wrapper copies), for heatmaps.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "bindings/wasm/raw_session.hpp"
#include "bindings/wasm/wasm_errors.hpp"
#include "core/data.hpp"

using emscripten::val;

namespace bpx_wasm {

namespace {
// Cells of a predictGrid call computed at once (bounds the engine's scratch memory).
constexpr Eigen::Index kGridChunk = 4096;
// Largest predictGrid answer, in values (64 MB of doubles).
constexpr double kMaxGridValues = 8388608;
}  // namespace

val RawSession::predictGrid(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                            bool all_units) const {
  std::vector<bpx::Feature> features;
  if (std::string e = grid_inputs(nx, ny, xmin, xmax, ymin, ymax, features); !e.empty())
    return val(e);
  const bpx::Session& x = *session_;
  const auto& spec = x.spec();
  const int L = x.L();
  const int first = all_units ? 1 : L;
  double units = 0;
  for (int l = first; l <= L; ++l) units += spec.layers[static_cast<size_t>(l)];
  const Eigen::Index cells = static_cast<Eigen::Index>(nx) * ny;
  if (units * static_cast<double>(cells) > kMaxGridValues) {
    return val(bad_argument("nx", std::to_string(nx) + " x " + std::to_string(ny) + " cells x " +
                                      std::to_string(static_cast<long>(units)) +
                                      " units is more than 8388608 values; use fewer cells"));
  }
  val out = val::global("Float64Array").new_(static_cast<double>(units * cells));
  bpx::Matrix points;
  for (Eigen::Index start = 0; start < cells; start += kGridChunk) {
    const Eigen::Index n = std::min(kGridChunk, cells - start);
    bpx::grid_points(nx, ny, xmin, xmax, ymin, ymax, start, n, points);
    std::vector<bpx::Matrix> A = x.predict_all(bpx::make_features(features, points));
    double offset = 0;  // start of this layer's first unit in `out`
    for (int l = first; l <= L; ++l) {
      // Rows of A are units: copy each row (a strided view) into a contiguous buffer.
      const bpx::Matrix& a = A[static_cast<size_t>(l - 1)];
      std::vector<double> row(static_cast<size_t>(n));
      for (Eigen::Index j = 0; j < a.rows(); ++j) {
        for (Eigen::Index k = 0; k < n; ++k) row[static_cast<size_t>(k)] = a(j, k);
        const double at = offset + static_cast<double>(j) * static_cast<double>(cells) +
                          static_cast<double>(start);
        out.call<void>("set", val(emscripten::typed_memory_view(row.size(), row.data())), at);
      }
      offset += static_cast<double>(a.rows()) * static_cast<double>(cells);
    }
  }
  return out;
}

val RawSession::predictGridFast(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                                bool all_units) {
  std::vector<bpx::Feature> features;
  if (std::string e = grid_inputs(nx, ny, xmin, xmax, ymin, ymax, features); !e.empty())
    return val(e);
  const auto& spec = session_->spec();
  // The kernel keeps whole layers over the grid: bound them and the answer, so that a
  // large request is an error and not an allocation failure (which aborts the module).
  double widest = 0, units = 0;
  for (int l = 1; l <= session_->L(); ++l) {
    const double n = spec.layers[static_cast<size_t>(l)];
    widest = std::max(widest, n);
    if (all_units || l == session_->L()) units += n;
  }
  const double cells = static_cast<double>(nx) * ny;
  if (widest * cells > 2 * kMaxGridValues || units * cells > kMaxGridValues) {
    return val(bad_argument("nx", std::to_string(nx) + " x " + std::to_string(ny) +
                                      " cells are too many for this network; use fewer"));
  }
  bpx::GridSpec g{nx, ny, xmin, xmax, ymin, ymax, all_units};
  fast_grid_.run(*session_, features, g, grid_out_);
  // A live view: the wrapper copies it at once into a Float32Array it reuses, because
  // a fresh array per frame costs a page fault per 4 KB (measured in bench/).
  return val(emscripten::typed_memory_view(grid_out_.size(), grid_out_.data()));
}

std::string RawSession::grid_inputs(int nx, int ny, double xmin, double xmax, double ymin,
                                    double ymax, std::vector<bpx::Feature>& features) const {
  if (!session_) return no_session();
  if (nx < 1 || ny < 1 || nx > 1000 || ny > 1000)
    return bad_argument("nx", "nx and ny must be integers between 1 and 1000");
  if (!std::isfinite(xmin) || !std::isfinite(xmax) || !std::isfinite(ymin) || !std::isfinite(ymax))
    return bad_argument("xmin", "the grid bounds must be finite numbers");
  const auto& spec = session_->spec();
  features = spec.data.features;
  if (spec.data.explicit_values) {
    if (spec.layers[0] != 2)
      return bad_argument("",
                          "predictGrid needs a network with 2 inputs (x1, x2) or a data set "
                          "with features; layers[0] is " +
                              std::to_string(spec.layers[0]));
    features = {bpx::Feature::X1, bpx::Feature::X2};
  }
  return "";
}

}  // namespace bpx_wasm
