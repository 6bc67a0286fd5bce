// Errors as values: the core never throws and never aborts.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace bpx {

struct Error {
  std::string path;     // JSON path of the offending field, e.g. "layers[2]"; empty if none
  std::string message;  // what was expected, in words
  std::string text() const { return path.empty() ? message : path + ": " + message; }
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Error error) : error_(std::move(error)) {}
  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const Error& error() const { return error_; }

 private:
  std::optional<T> value_;
  Error error_;
};

}  // namespace bpx
