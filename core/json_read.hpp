// Small typed readers over nlohmann::json that return errors naming the JSON path.
// Internal to the core (spec parsing); nothing here throws.
#pragma once
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "core/types.hpp"

namespace bpx::json_read {

using json = nlohmann::json;
using Check = std::optional<Error>;

std::string describe(const json& v);  // "a string", "-3", "null", ...
std::string index_path(const std::string& path, size_t i);
std::string key_path(const std::string& path, const std::string& key);

// At most kExcerpt characters of user input are quoted in a message (then "...").
constexpr size_t kExcerpt = 40;
std::string excerpt(const std::string& text);

// Bounds on a JSON text, checked before (bytes) and while (values, depth) it is parsed,
// so that no input can make the parser allocate more than a fixed multiple of them.
struct ParseLimits {
  size_t max_bytes;
  size_t max_values;              // numbers, strings, literals, lists and objects
  size_t max_depth;               // nesting of lists and objects
  const char* what = "the spec";  // what the text is, for the size error
};

// Parses text; on failure the error says where (byte offset) and why. A key given twice
// in one object is an error naming it.
Result<json> parse(const std::string& text, const ParseLimits& limits);

Check expect_object(const json& v, const std::string& path,
                    std::initializer_list<const char*> allowed_keys);
Check expect_array(const json& v, const std::string& path, size_t min_len, size_t max_len);
Check read_int(const json& v, const std::string& path, long long lo, long long hi, long long& out);
Check read_seed(const json& v, const std::string& path, uint64_t& out);
// Finite number in [lo, hi]; lo_open/hi_open exclude the bound.
Check read_number(const json& v, const std::string& path, double lo, double hi, double& out,
                  bool lo_open = false, bool hi_open = false);
Check read_string(const json& v, const std::string& path, std::string& out);
// A rows x cols matrix given as a list of rows; what_rows/what_cols explain the sizes.
Check read_matrix(const json& v, const std::string& path, long rows, long cols, Matrix& out,
                  const std::string& what_rows, const std::string& what_cols);

}  // namespace bpx::json_read
