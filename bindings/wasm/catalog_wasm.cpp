// What the engine says without a session: its catalogue (engine.catalog(), engine.phases(L),
// JSON text parsed once by engine.js; see core/catalog.hpp) and the pictures of the input
// features over a grid (engine.featureGrid), from the data sets' own feature map.
#include <emscripten/bind.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/catalog.hpp"
#include "core/data.hpp"
#include "core/spec.hpp"

namespace {

std::string catalogJson() { return bpx::catalog().dump(); }

// The phases of a network with L layers after the input; [] outside 1..kMaxLayers.
std::string phasesJson(int L) {
  if (L < 1 || L > bpx::kMaxLayers) return "[]";
  return bpx::phase_list(L).dump();
}

// Every catalogue feature over an nx x ny grid, feature by feature (nx * ny values each, row
// 0 at ymin), as one Float64Array; a string with the error for a bad grid.
emscripten::val featureGrid(int nx, int ny, double xmin, double xmax, double ymin, double ymax) {
  constexpr int kMaxSide = 200;  // pictures of a few dozen pixels: bounded far above that
  if (nx < 1 || ny < 1 || nx > kMaxSide || ny > kMaxSide)
    return emscripten::val(std::string("nx and ny must be integers between 1 and 200"));
  if (!std::isfinite(xmin) || !std::isfinite(xmax) || !std::isfinite(ymin) || !std::isfinite(ymax))
    return emscripten::val(std::string("the grid bounds must be finite numbers"));
  std::vector<bpx::Feature> all;
  for (const auto& f : bpx::feature_table()) all.push_back(f.id);
  bpx::Matrix points, X;
  bpx::grid_points(nx, ny, xmin, xmax, ymin, ymax, 0, static_cast<Eigen::Index>(nx) * ny, points);
  bpx::make_features_into(all, points, X);
  // X is column-major (features x cells): its transpose's storage is feature by feature.
  bpx::Matrix rows = X.transpose();
  return emscripten::val(
             emscripten::typed_memory_view(static_cast<size_t>(rows.size()), rows.data()))
      .call<emscripten::val>("slice");
}

}  // namespace

EMSCRIPTEN_BINDINGS(bpx_catalog) {
  emscripten::function("featureGrid", &featureGrid);
  emscripten::function("catalogJson", &catalogJson);
  emscripten::function("phasesJson", &phasesJson);
}
