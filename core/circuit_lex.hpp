// Tokens of one line of a circuit program (see circuit_parse.hpp), with their columns.
#pragma once
#include <string>
#include <vector>

#include "core/circuit_parse.hpp"

namespace bpx::circuit {

struct Token {
  enum class Kind { Number, Name, Symbol, End };
  Kind kind = Kind::End;
  std::string text;  // the source text; for Symbol one of + - * / ** ^ ( ) [ ] , . = += -= *= /=
  double number = 0;
  int column = 0;  // 1-based
};

// The tokens of `line` (comments after '#' dropped), ending with an End token; or the
// first lexical error (unknown character, malformed or out-of-range number, name too long).
Outcome<std::vector<Token>> lex_line(const std::string& line, int line_number);

// How a token reads in an error message: 'x', '(', the number 2, end of line.
std::string describe(const Token& t);

}  // namespace bpx::circuit
