// Errors as values and the copies out of the heap (wasm_errors.hpp), and the answer of a
// guarded call that ran out of memory (guarded.hpp: failed_value).
#include "bindings/wasm/wasm_errors.hpp"

#include <type_traits>
#include <vector>

#include "bindings/wasm/guarded.hpp"

using emscripten::val;

namespace bpx_wasm {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string error_text(const std::string& code, const std::string& path,
                       const std::string& message) {
  return kErrorMark + dump(json{{"code", code}, {"path", path}, {"message", message}});
}
std::string error_text(const std::string& code, const bpx::Error& e) {
  return error_text(code, e.path, e.text());
}
std::string bad_argument(const std::string& path, const std::string& message) {
  return error_text("INVALID_ARGUMENT", bpx::Error{path, message});
}
std::string no_session() { return error_text("DELETED", "", "no session is loaded"); }

const std::string& out_of_memory() {
  static const std::string text = error_text(
      "OUT_OF_MEMORY", "",
      "the engine ran out of memory (WebAssembly allows 2 GB in all); delete other sessions "
      "or use a smaller network or data set");
  return text;
}
// Built at start-up, not at the first failure.
const std::string& kOutOfMemoryAtStart = out_of_memory();

template <typename T>
T failed_value() {
  if constexpr (std::is_same_v<T, std::string>) return out_of_memory();
  if constexpr (std::is_same_v<T, val>) return val(out_of_memory());
  if constexpr (std::is_same_v<T, int>) return kOutOfMemory;
  if constexpr (std::is_same_v<T, bool>) return false;
}
template std::string failed_value<std::string>();
template val failed_value<val>();
template int failed_value<int>();
template bool failed_value<bool>();

json divergence_json(const std::optional<bpx::Divergence>& d) {
  if (!d) return nullptr;
  return {{"step", d->step},
          {"phase", d->phase},
          {"layer", d->layer},
          {"quantity", d->quantity},
          {"message", d->message()}};
}

val copy_out(const double* data, size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}

val matrix_val(const bpx::Matrix& m) {
  std::vector<double> rows_first(static_cast<size_t>(m.size()));
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      rows_first[static_cast<size_t>(i * m.cols() + j)] = m(i, j);
  val out = val::object();
  out.set("rows", static_cast<int>(m.rows()));
  out.set("cols", static_cast<int>(m.cols()));
  out.set("data", copy_out(rows_first.data(), rows_first.size()));
  return out;
}

}  // namespace bpx_wasm
