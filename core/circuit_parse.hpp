// The circuit language: lines `name = expression` (also += -= *= /=), inputs given as
// numbers or arrays of numbers, or one bare expression as the last line. Parsed by a
// lexer and a recursive-descent parser (no eval); every error names line and column.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace bpx::circuit {

// Bounds on what user input may make the engine build (each error names its limit).
constexpr std::size_t kMaxProgramBytes = 20000;
constexpr int kMaxLines = 200;
constexpr int kMaxLineLength = 240;
constexpr int kMaxNesting = 40;      // parentheses, calls and unary operators, combined
constexpr int kMaxNodes = 1000;      // gates of the graph, expanded or grouped
constexpr int kMaxArrayLength = 64;  // elements of an input array `w = [...]`
constexpr int kMaxNameLength = 64;

// A position in the program, 1-based; an error's place.
struct SourceError {
  int line = 0;
  int column = 0;
  std::string message;
  std::string text() const;  // "line 2, column 15: unknown function ..."
};

template <typename T>
struct Outcome {
  std::optional<T> value;
  SourceError error;
  bool ok() const { return value.has_value(); }
  explicit operator bool() const { return ok(); }
};

struct Expr {
  enum class Kind { Number, Name, Index, Unary, Binary, Call, Constant };
  Kind kind = Kind::Number;
  double number = 0;         // Number, Constant (math.pi, math.e)
  std::string name;          // Name, Index (the array), Call (the function, prefix dropped)
  int index = 0;             // Index
  std::string op;            // Unary: "-" "+"; Binary: "+" "-" "*" "/" "**"
  std::vector<Expr> args;    // operands or call arguments
  std::string text;          // the source text of a Number or Constant
  int line = 0, column = 0;  // where the operator, name or number starts
};

struct Statement {
  std::string target;     // empty: a bare expression (the last line only)
  std::string op = "=";   // "=", "+=", "-=", "*=", "/="
  bool is_input = false;  // `name = number` or `name = [numbers]`
  bool is_array = false;
  std::vector<double> numbers;  // the input's value(s)
  Expr value;                   // when not an input
  int line = 0, column = 0;     // of the target (or the expression)
  int op_column = 0;            // of the assignment operator
};

struct Program {
  std::vector<Statement> statements;
};

// The functions of the language, each with its argument count (-1: two or more).
struct FunctionInfo {
  const char* name;
  int arity;
};
const std::vector<FunctionInfo>& functions();

Outcome<Program> parse_program(const std::string& text);

// The closest of `candidates` to `word` within a small edit distance, or "".
std::string closest_name(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace bpx::circuit
