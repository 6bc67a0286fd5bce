// PROTOTYPE (benchmark only): a bare C API over the core, compiled to wasm, to measure
// from JavaScript what the embind binding adds to two hot paths (bench/proto/js_paths.mjs):
//   - the heatmap grid: the kernel alone, then the result copied into a new Float32Array
//     (what predictGridFast's .slice() does) or into one reused Float32Array;
//   - step mode: next_phase() returning a small integer instead of a JSON string.
#include <emscripten/emscripten.h>

#include <string>
#include <vector>

#include "core/fast_grid.hpp"
#include "core/session.hpp"

namespace {

struct Handle {
  bpx::Session session;
  bpx::FastGrid grid;
  std::vector<float> out;
};

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* proto_create(const char* spec_json) {
  auto created = bpx::Session::create(std::string(spec_json));
  if (!created) return nullptr;
  return new Handle{std::move(created).value(), {}, {}};
}

EMSCRIPTEN_KEEPALIVE void proto_delete(void* h) { delete static_cast<Handle*>(h); }

// Every unit over an nx x ny grid of [lo, hi]^2 into the handle's buffer; returns its address.
EMSCRIPTEN_KEEPALIVE float* proto_grid(void* hp, int nx, int ny, double lo, double hi) {
  Handle& h = *static_cast<Handle*>(hp);
  bpx::GridSpec g{nx, ny, lo, hi, lo, hi, true};
  h.grid.run(h.session, h.session.spec().data.features, g, h.out);
  return h.out.data();
}

EMSCRIPTEN_KEEPALIVE int proto_grid_size(void* hp) {
  return static_cast<int>(static_cast<Handle*>(hp)->out.size());
}

// Runs the next phase; returns the index of the phase run, plus 1000 if it diverged.
EMSCRIPTEN_KEEPALIVE int proto_next_phase(void* hp) {
  Handle& h = *static_cast<Handle*>(hp);
  const int index = h.session.cursor();
  return index + (h.session.next_phase() ? 1000 : 0);
}
}
