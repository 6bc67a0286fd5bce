// The vocabulary of the circuit language (its functions), the "did you mean" suggestions
// and the wording of a source position.
#include <algorithm>

#include "core/circuit_parse.hpp"

namespace bpx::circuit {

std::string SourceError::text() const {
  if (line == 0) return message;  // about the options, not a place in the program
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

const std::vector<FunctionInfo>& functions() {
  static const std::vector<FunctionInfo> all = {
      {"exp", 1},  {"log", 1}, {"sqrt", 1}, {"tanh", 1}, {"sigmoid", 1}, {"softplus", 1},
      {"relu", 1}, {"abs", 1}, {"max", -1}, {"min", -1}, {"pow", 2}};
  return all;
}

std::string closest_name(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 3;  // suggest only within two edits
  for (const auto& c : candidates) {
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(c.size() + 1);
    for (std::size_t j = 0; j <= c.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= c.size(); ++j) {
        std::size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (word[i - 1] != c[j - 1])});
        diagonal = up;
      }
    }
    if (row[c.size()] < best_distance && row[c.size()] < std::max(word.size(), c.size())) {
      best_distance = row[c.size()];
      best = c;
    }
  }
  return best;
}

}  // namespace bpx::circuit
