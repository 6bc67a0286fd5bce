// "a, b or c": the names of a catalogue table (any rows with a `name`), for error messages.
#pragma once
#include <string>

namespace bpx {

template <typename Table>
std::string names_sentence(const Table& rows) {
  std::string s;
  for (size_t i = 0; i < rows.size(); ++i)
    s += std::string(i == 0 ? "" : i + 1 == rows.size() ? " or " : ", ") + rows[i].name;
  return s;
}

}  // namespace bpx
