// The binding's conventions, shared by its files: nothing throws into JavaScript. A fallible
// call returns its error as a value, the text kErrorMark + {"code", "path", "message"} (a JS
// string where the call would otherwise return an object or a Float64Array), and the JS
// wrapper (engine-errors.js) turns it into a thrown BpxError.
//
// Why no throw into JavaScript: a JS exception raised from inside a wasm call (val::throw_)
// unwinds past the C++ frames without restoring the shadow-stack pointer or running
// destructors. Measured: about 30,000 such throws walk the stack pointer into the heap and
// the module dies with "memory access out of bounds". Errors as values keep a bad call
// harmless however often it is made.
//
// The one C++ exception: the module is built with -fexceptions so that an allocation that
// fails (Eigen and the standard library throw std::bad_alloc) unwinds properly; every bound
// call catches it (guarded.hpp) and returns OUT_OF_MEMORY. A call that was changing the
// session frees it, since its state may be half updated; the module stays usable.
#pragma once
#include <emscripten/val.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/session.hpp"
#include "core/status.hpp"
#include "core/types.hpp"

namespace bpx_wasm {

using json = nlohmann::ordered_json;

constexpr char kErrorMark = '\x01';
// nextPhase's answer when no session is loaded (phase indices are 0..17).
constexpr int kNoSession = -1000;
// The nextPhase answer for an allocation failure (the wrapper then reads lastError()).
constexpr int kOutOfMemory = -2000;

std::string dump(const json& j);
std::string error_text(const std::string& code, const std::string& path,
                       const std::string& message);
std::string error_text(const std::string& code, const bpx::Error& e);
// Worded as the core words its errors: "path: what was expected".
std::string bad_argument(const std::string& path, const std::string& message);
std::string no_session();
// Built once at start-up: an out-of-memory answer must not need much memory itself.
const std::string& out_of_memory();

json divergence_json(const std::optional<bpx::Divergence>& d);
// Copies n doubles into a new Float64Array (never a live view of the wasm heap).
emscripten::val copy_out(const double* data, size_t n);
// {rows, cols, data: Float64Array}, rows first.
emscripten::val matrix_val(const bpx::Matrix& m);

}  // namespace bpx_wasm
