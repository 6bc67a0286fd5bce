// Lexer of the circuit language: one line at a time, so that every token knows its column.
#include "core/circuit_lex.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace bpx::circuit {
namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

SourceError at(int line, int column, std::string message) {
  return SourceError{line, column, std::move(message)};
}

// Scans a number starting at i (digits, optional fraction, optional exponent).
bool scan_number(const std::string& s, std::size_t& i, std::string& error) {
  std::size_t start = i;
  while (i < s.size() && digit(s[i])) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && digit(s[i])) ++i;
  }
  if (i == start + 1 && s[start] == '.') {
    error = "expected a digit after '.'";
    return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    if (j >= s.size() || !digit(s[j])) {
      error = "expected the exponent's digits after '" + s.substr(start, j - start) + "'";
      return false;
    }
    while (j < s.size() && digit(s[j])) ++j;
    i = j;
  }
  return true;
}

}  // namespace

std::string describe(const Token& t) {
  switch (t.kind) {
    case Token::Kind::End:
      return "end of line";
    case Token::Kind::Number:
      return "the number " + t.text;
    default:
      return "'" + t.text + "'";
  }
}

Outcome<std::vector<Token>> lex_line(const std::string& line, int n) {
  Outcome<std::vector<Token>> out;
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    int column = static_cast<int>(i) + 1;
    if (c == '#') break;
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    Token t;
    t.column = column;
    if (digit(c) || (c == '.' && i + 1 < line.size() && digit(line[i + 1]))) {
      std::size_t start = i;
      std::string error;
      if (!scan_number(line, i, error)) {
        out.error = at(n, column, error);
        return out;
      }
      t.kind = Token::Kind::Number;
      t.text = line.substr(start, i - start);
      t.number = std::strtod(t.text.c_str(), nullptr);
      if (!std::isfinite(t.number)) {
        out.error = at(n, column, "the number " + t.text + " is too large for a double");
        return out;
      }
      if (i < line.size() && name_start(line[i])) {
        out.error = at(n, static_cast<int>(i) + 1,
                       "expected an operator after the number " + t.text + ", got '" +
                           std::string(1, line[i]) + "' (write " + t.text + " * " + line[i] +
                           " to multiply)");
        return out;
      }
    } else if (name_start(c)) {
      std::size_t start = i;
      while (i < line.size() && name_char(line[i])) ++i;
      t.kind = Token::Kind::Name;
      t.text = line.substr(start, i - start);
      if (static_cast<int>(t.text.size()) > kMaxNameLength) {
        out.error = at(n, column,
                       "a name is at most " + std::to_string(kMaxNameLength) +
                           " characters long, this one " + std::to_string(t.text.size()));
        return out;
      }
    } else {
      static const char* kTwo[] = {"**", "+=", "-=", "*=", "/="};
      t.kind = Token::Kind::Symbol;
      for (const char* two : kTwo)
        if (line.compare(i, 2, two) == 0) t.text = two;
      if (t.text.empty()) {
        if (std::string("+-*/^()[],.=").find(c) == std::string::npos) {
          std::string shown = "'" + std::string(1, c) + "'";
          if (static_cast<unsigned char>(c) < 32 || c == 127) shown = "control character";
          if (static_cast<unsigned char>(c) >= 128)
            shown = "non-ASCII character (write * to multiply and - to subtract)";
          out.error = at(n, column, "unexpected " + shown);
          return out;
        }
        t.text = std::string(1, c);
      }
      i += t.text.size();
    }
    tokens.push_back(t);
  }
  Token end;
  end.column = static_cast<int>(i) + 1;  // at a '#' comment, or just past the line
  tokens.push_back(end);
  out.value = std::move(tokens);
  return out;
}

}  // namespace bpx::circuit
