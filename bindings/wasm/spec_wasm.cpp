// What the module answers without a session: the spec normalised, explicit 2-D examples in
// the point form, the engine's limits for the wrapper, and the allocator's figures.
#include <emscripten/bind.h>
#include <malloc.h>

#include <cstdlib>
#include <new>
#include <string>

#include "bindings/wasm/wasm_errors.hpp"
#include "core/data.hpp"
#include "core/spec.hpp"
#include "core/spec_parts.hpp"

namespace {

using bpx_wasm::error_text;
using bpx_wasm::json;
using bpx_wasm::out_of_memory;

// Bytes handed out by malloc and not yet freed: a leak check far finer than the size of
// wasm memory (which only grows when the allocator runs out).
double heapUsedBytes() { return static_cast<double>(mallinfo().uordblks); }

// The spec with every default filled in (JSON), or the error.
std::string normalizeSpec(const std::string& spec_json) {
  try {
    auto spec = bpx::parse_spec(spec_json);
    return spec ? bpx::spec_to_json(spec.value()) : error_text("INVALID_SPEC", spec.error());
  } catch (const std::bad_alloc&) {
    return out_of_memory();
  }
}

// The spec's data in the point form {points, labels, task, classes, features} (JSON): its
// explicit 2-D examples with their targets decoded (core/data.hpp: as_point_data), or the
// error.
std::string pointDataJson(const std::string& spec_json) {
  try {
    auto spec = bpx::parse_spec(spec_json);
    if (!spec) return error_text("INVALID_SPEC", spec.error());
    auto points = bpx::as_point_data(spec.value());
    if (!points) return error_text("INVALID_ARGUMENT", points.error());
    return bpx::point_data_json(points.value()).dump();
  } catch (const std::bad_alloc&) {
    return out_of_memory();
  }
}

// Whether malloc can give n bytes now (given back at once): the wrapper asks before it
// hands embind a long string, whose copy into the heap does not check its malloc.
bool canAllocate(double n) {
  if (!(n >= 0 && n < 4294967296.0)) return false;
  void* p = std::malloc(static_cast<size_t>(n));
  std::free(p);
  return p != nullptr;
}

// The engine's own bounds that the wrapper checks before handing text to embind (whose
// string conversion cannot report a failed allocation), as JSON.
std::string limits() {
  return bpx_wasm::dump(
      json{{"maxSpecBytes", bpx::kMaxSpecBytes}, {"maxTrainSteps", bpx::kMaxTrainStepsPerCall}});
}

}  // namespace

EMSCRIPTEN_BINDINGS(bpx_spec) {
  emscripten::function("normalizeSpec", &normalizeSpec);
  emscripten::function("pointDataJson", &pointDataJson);
  emscripten::function("heapUsedBytes", &heapUsedBytes);
  emscripten::function("limits", &limits);
  emscripten::function("canAllocate", &canAllocate);
}
