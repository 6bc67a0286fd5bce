#include "core/json_read.hpp"

#include <cmath>
#include <cstdio>
#include <set>
#include <vector>

namespace bpx::json_read {

namespace {

// What an ostream at precision 17 prints, without iostreams (their locale machinery is
// most of the C++ library in the wasm module).
std::string format_number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

// SAX parser that records the first syntax error instead of throwing, and stops at the
// first duplicate key or exceeded limit (before the document grows any further).
struct QuietDomParser : nlohmann::detail::json_sax_dom_parser<json> {
  using Base = nlohmann::detail::json_sax_dom_parser<json>;
  QuietDomParser(json& root, const ParseLimits& limits)
      : json_sax_dom_parser(root, false), limits(limits) {}

  bool null() { return value() && Base::null(); }
  bool boolean(bool x) { return value() && Base::boolean(x); }
  bool number_integer(number_integer_t x) { return value() && Base::number_integer(x); }
  bool number_unsigned(number_unsigned_t x) { return value() && Base::number_unsigned(x); }
  bool number_float(number_float_t x, const string_t& s) {
    return value() && Base::number_float(x, s);
  }
  bool string(string_t& x) { return value() && Base::string(x); }
  bool start_object(std::size_t n) { return open(true) && Base::start_object(n); }
  bool start_array(std::size_t n) { return open(false) && Base::start_array(n); }
  bool end_object() {
    open_.pop_back();
    return Base::end_object();
  }
  bool end_array() {
    open_.pop_back();
    return Base::end_array();
  }
  bool key(string_t& k) {
    Container& c = open_.back();
    c.key = k;
    if (!c.keys.insert(k).second) return stop(path(), "this key is given twice");
    return Base::key(k);
  }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception&) {
    if (error) return false;  // a stop() already explained why
    failed = true;
    error_position = position;
    error_token = last_token;
    return false;
  }

  struct Container {
    bool object = false;
    size_t next_index = 0;  // lists: index of the next value
    std::string key;        // objects: the key of the current value
    std::set<std::string> keys;
  };
  // Counts a value and moves the index of the list it is in.
  bool value() {
    if (++values > limits.max_values) {
      return stop("", "the spec has more than " + std::to_string(limits.max_values) +
                          " values (numbers, strings, lists and objects); that is the limit");
    }
    if (!open_.empty() && !open_.back().object) ++open_.back().next_index;
    return true;
  }
  bool open(bool object) {
    if (!value()) return false;
    if (open_.size() >= limits.max_depth) {
      // The whole text is at fault, not one field: the path goes in the message.
      return stop("", "lists and objects are nested more than " + std::to_string(limits.max_depth) +
                          " deep (at " + path() + "); that is the limit");
    }
    open_.push_back(Container{object, 0, {}, {}});
    return true;
  }
  std::string path() const {
    std::string p;
    for (const Container& c : open_) {
      if (c.object && !c.key.empty()) p = key_path(p, excerpt(c.key));
      if (!c.object && c.next_index > 0) p = index_path(p, c.next_index - 1);
    }
    return p;
  }
  bool stop(const std::string& where, const std::string& why) {
    if (!error) error = Error{where, why};
    return false;
  }

  const ParseLimits& limits;
  std::vector<Container> open_;
  size_t values = 0;
  std::optional<Error> error;
  bool failed = false;
  std::size_t error_position = 0;
  std::string error_token;
};

}  // namespace

std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return v.get<bool>() ? "true" : "false";
    case json::value_t::string:
      return "the string \"" + excerpt(v.get<std::string>()) + "\"";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "an object";
    case json::value_t::number_integer:
      return std::to_string(v.get<long long>());
    case json::value_t::number_unsigned:
      return std::to_string(v.get<unsigned long long>());
    case json::value_t::number_float:
      return format_number(v.get<double>());
    default:
      return "an unsupported value";
  }
}

std::string index_path(const std::string& path, size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

std::string key_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string excerpt(const std::string& text) {
  if (text.size() <= kExcerpt) return text;
  size_t n = kExcerpt;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // whole UTF-8
  return text.substr(0, n) + "...";
}

Result<json> parse(const std::string& text, const ParseLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Error{"", std::string(limits.what) + " is " + std::to_string(text.size()) +
                         " bytes long; the limit is " + std::to_string(limits.max_bytes) +
                         " bytes"};
  }
  json root;
  QuietDomParser sax(root, limits);
  bool ok = json::sax_parse(text, &sax);
  if (sax.error) return *sax.error;
  if (!ok || sax.failed) {
    std::string where = "at byte " + std::to_string(sax.error_position);
    // Quote a short excerpt of the offending token (it can be the rest of the input).
    std::string token = excerpt(sax.error_token);
    std::string near = token.empty() ? "" : " near '" + token + "'";
    return Error{"", "spec is not valid JSON: syntax error " + where + near};
  }
  return root;
}

Check expect_object(const json& v, const std::string& path,
                    std::initializer_list<const char*> allowed_keys) {
  if (!v.is_object()) {
    return Error{path, "expected an object, got " + describe(v)};
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    bool known = false;
    for (const char* k : allowed_keys) known = known || it.key() == k;
    if (!known) {
      std::string list;
      for (const char* k : allowed_keys) list += std::string(list.empty() ? "" : ", ") + k;
      return Error{key_path(path, excerpt(it.key())), "unknown key; expected one of: " + list};
    }
  }
  return std::nullopt;
}

Check expect_array(const json& v, const std::string& path, size_t min_len, size_t max_len) {
  if (!v.is_array()) return Error{path, "expected a list, got " + describe(v)};
  if (v.size() < min_len || v.size() > max_len) {
    std::string range = min_len == max_len ? "exactly " + std::to_string(min_len)
                                           : "between " + std::to_string(min_len) + " and " +
                                                 std::to_string(max_len);
    return Error{path, "expected " + range + " entries, got " + std::to_string(v.size())};
  }
  return std::nullopt;
}

Check read_int(const json& v, const std::string& path, long long lo, long long hi, long long& out) {
  std::string want = "an integer between " + std::to_string(lo) + " and " + std::to_string(hi);
  if (v.is_number_integer() && !v.is_number_unsigned()) {
    out = v.get<long long>();
  } else if (v.is_number_unsigned()) {
    unsigned long long u = v.get<unsigned long long>();
    if (u > static_cast<unsigned long long>(hi)) {
      return Error{path, "expected " + want + ", got " + describe(v)};
    }
    out = static_cast<long long>(u);
  } else if (v.is_number_float() && std::isfinite(v.get<double>()) &&
             std::floor(v.get<double>()) == v.get<double>() &&
             std::fabs(v.get<double>()) < 9.0e15) {
    out = static_cast<long long>(v.get<double>());
  } else {
    return Error{path, "expected " + want + ", got " + describe(v)};
  }
  if (out < lo || out > hi) return Error{path, "expected " + want + ", got " + describe(v)};
  return std::nullopt;
}

Check read_seed(const json& v, const std::string& path, uint64_t& out) {
  long long s = 0;
  // Seeds stay exact in JavaScript numbers (URL state, embeds): at most 2^53 - 1.
  if (auto e = read_int(v, path, 0, 9007199254740991LL, s)) return e;
  out = static_cast<uint64_t>(s);
  return std::nullopt;
}

Check read_number(const json& v, const std::string& path, double lo, double hi, double& out,
                  bool lo_open, bool hi_open) {
  std::string want = std::string("a finite number in ") + (lo_open ? "(" : "[") +
                     format_number(lo) + ", " + format_number(hi) + (hi_open ? ")" : "]");
  if (!v.is_number()) return Error{path, "expected " + want + ", got " + describe(v)};
  out = v.get<double>();
  bool below = lo_open ? !(out > lo) : !(out >= lo);
  bool above = hi_open ? !(out < hi) : !(out <= hi);
  if (!std::isfinite(out) || below || above) {
    return Error{path, "expected " + want + ", got " + describe(v)};
  }
  return std::nullopt;
}

Check read_string(const json& v, const std::string& path, std::string& out) {
  if (!v.is_string()) return Error{path, "expected a string, got " + describe(v)};
  out = v.get<std::string>();
  return std::nullopt;
}

Check read_matrix(const json& v, const std::string& path, long rows, long cols, Matrix& out,
                  const std::string& what_rows, const std::string& what_cols) {
  if (!v.is_array()) return Error{path, "expected a list of rows, got " + describe(v)};
  if (static_cast<long>(v.size()) != rows) {
    return Error{path, "expected " + std::to_string(rows) + " rows (" + what_rows + "), got " +
                           std::to_string(v.size())};
  }
  out.resize(rows, cols);
  for (long i = 0; i < rows; ++i) {
    const json& row = v[static_cast<size_t>(i)];
    std::string rp = index_path(path, static_cast<size_t>(i));
    if (!row.is_array()) return Error{rp, "expected a list of numbers, got " + describe(row)};
    if (static_cast<long>(row.size()) != cols) {
      return Error{rp, "expected " + std::to_string(cols) + " numbers (" + what_cols + "), got " +
                           std::to_string(row.size())};
    }
    for (long j = 0; j < cols; ++j) {
      const json& x = row[static_cast<size_t>(j)];
      std::string xp = index_path(rp, static_cast<size_t>(j));
      if (!x.is_number() || !std::isfinite(x.get<double>())) {
        return Error{xp, "expected a finite number, got " + describe(x)};
      }
      out(i, j) = x.get<double>();
    }
  }
  return std::nullopt;
}

}  // namespace bpx::json_read
