// Recursive-descent parser of the circuit language. Precedence, lowest first:
// + -, then * /, then unary - +, then ** ^ (right-associative, as in Python: -x**2 is
// -(x**2) and 2**-1 is 0.5), then calls, indexing, names, numbers and parentheses.
#include "core/circuit_parse.hpp"

#include <algorithm>
#include <cmath>

#include "core/circuit_lex.hpp"

namespace bpx::circuit {

namespace {

const FunctionInfo* find_function(const std::string& name) {
  for (const auto& f : functions())
    if (name == f.name) return &f;
  return nullptr;
}

std::vector<std::string> function_names() {
  std::vector<std::string> out;
  for (const auto& f : functions()) out.push_back(f.name);
  return out;
}

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, int line) : t_(tokens), line_(line) {}

  bool statement(Statement& s) {
    const Token& first = peek();
    s.line = line_;
    s.column = first.column;
    bool assigns = first.kind == Token::Kind::Name && is_assignment(peek(1));
    if (!assigns) {
      if (peek(1).text == "[" || peek().text == "[") {
        // `w[0] = 3` or `[1, 2] = ...`: find a following '=' to give the clearer message.
        for (std::size_t k = pos_; k < t_.size(); ++k)
          if (is_assignment(t_[k])) return fail(first, "only a plain name can be assigned");
      }
      if (!expression(s.value)) return false;
      return expect_end();
    }
    s.target = first.text;
    if (find_function(s.target) || s.target == "math" || s.target == "np")
      return fail(first, "'" + s.target + "' is a function name; choose another name");
    ++pos_;
    s.op = peek().text;
    s.op_column = peek().column;
    ++pos_;
    if (s.op == "=" && input_literal(s)) return expect_end();
    if (failed_) return false;
    if (!expression(s.value)) return false;
    return expect_end();
  }

  SourceError error;

 private:
  static bool is_assignment(const Token& t) {
    return t.kind == Token::Kind::Symbol &&
           (t.text == "=" || t.text == "+=" || t.text == "-=" || t.text == "*=" || t.text == "/=");
  }
  const Token& peek(std::size_t ahead = 0) const {
    return t_[std::min(pos_ + ahead, t_.size() - 1)];
  }
  bool is(const char* symbol) const {
    return peek().kind == Token::Kind::Symbol && peek().text == symbol;
  }
  bool fail(const Token& t, std::string message) {
    if (!failed_) error = SourceError{line_, t.column, std::move(message)};
    failed_ = true;
    return false;
  }
  bool expect_end() {
    if (peek().kind == Token::Kind::End) return true;
    if (is("=")) return fail(peek(), "unexpected '=': an assignment needs a name on its left");
    return fail(peek(), "expected an operator or end of line, got " + describe(peek()));
  }

  // `name = 1.5`, `name = -2` or `name = [2, -3, -3]`: an input. False (no error) otherwise.
  bool input_literal(Statement& s) {
    std::size_t save = pos_;
    double value = 0;
    if (signed_number(value) && peek().kind == Token::Kind::End) {
      s.is_input = true;
      s.numbers = {value};
      return true;
    }
    pos_ = save;
    if (!is("[")) return false;
    const Token& open = peek();
    ++pos_;
    s.is_input = s.is_array = true;
    while (true) {
      const Token& element = peek();
      if (!signed_number(value)) {
        if (peek().kind == Token::Kind::End)
          return fail(peek(), "expected ']' to close the '[' at column " +
                                  std::to_string(open.column) + ", got end of line");
        return fail(peek(), "an input array holds numbers only, got " + describe(peek()) +
                                " (a list of expressions is not supported: write the "
                                "expression without brackets)");
      }
      if (static_cast<int>(s.numbers.size()) == kMaxArrayLength)
        return fail(element,
                    "an input array holds at most " + std::to_string(kMaxArrayLength) + " numbers");
      s.numbers.push_back(value);
      if (is("]")) break;
      if (!is(","))
        return fail(peek(), "expected ',' or ']' in the array, got " + describe(peek()));
      ++pos_;
    }
    ++pos_;
    return true;
  }
  bool signed_number(double& value) {
    double sign = 1;
    std::size_t save = pos_;
    if (is("-") || is("+")) {
      sign = is("-") ? -1 : 1;
      ++pos_;
    }
    if (peek().kind != Token::Kind::Number) {
      pos_ = save;
      return false;
    }
    value = sign * peek().number;
    ++pos_;
    return true;
  }

  bool deeper(const Token& t) {
    if (++depth_ > kMaxNesting)
      return fail(t, "the expression nests more than " + std::to_string(kMaxNesting) +
                         " levels deep (parentheses, calls and signs)");
    return true;
  }

  bool expression(Expr& e) { return additive(e); }

  bool binary_chain(Expr& e, bool (Parser::*operand)(Expr&), const char* a, const char* b) {
    if (!(this->*operand)(e)) return false;
    while (is(a) || is(b)) {
      Expr node;
      node.kind = Expr::Kind::Binary;
      node.op = peek().text;
      node.line = line_;
      node.column = peek().column;
      ++pos_;
      Expr right;
      if (!(this->*operand)(right)) return false;
      node.args.push_back(std::move(e));
      node.args.push_back(std::move(right));
      e = std::move(node);
    }
    return true;
  }
  bool additive(Expr& e) { return binary_chain(e, &Parser::multiplicative, "+", "-"); }
  bool multiplicative(Expr& e) { return binary_chain(e, &Parser::unary, "*", "/"); }

  bool unary(Expr& e) {
    if (!is("-") && !is("+")) return power(e);
    if (!deeper(peek())) return false;
    Expr node;
    node.kind = Expr::Kind::Unary;
    node.op = peek().text;
    node.line = line_;
    node.column = peek().column;
    ++pos_;
    Expr operand;
    if (!unary(operand)) return false;
    --depth_;
    if (node.op == "+") {
      e = std::move(operand);
      return true;
    }
    node.args.push_back(std::move(operand));
    e = std::move(node);
    return true;
  }

  bool power(Expr& e) {
    if (!primary(e)) return false;
    if (!is("**") && !is("^")) return true;
    Expr node;
    node.kind = Expr::Kind::Binary;
    node.op = "**";
    node.line = line_;
    node.column = peek().column;
    if (!deeper(peek())) return false;
    ++pos_;
    Expr exponent;
    if (!unary(exponent)) return false;  // right-associative, and 2**-1 is allowed
    --depth_;
    node.args.push_back(std::move(e));
    node.args.push_back(std::move(exponent));
    e = std::move(node);
    return true;
  }

  bool primary(Expr& e) {
    const Token& t = peek();
    e.line = line_;
    e.column = t.column;
    if (t.kind == Token::Kind::Number) {
      e.kind = Expr::Kind::Number;
      e.number = t.number;
      e.text = t.text;
      ++pos_;
      return true;
    }
    if (is("(")) {
      if (!deeper(t)) return false;
      ++pos_;
      if (!expression(e)) return false;
      if (!is(")"))
        return fail(peek(), "expected ')' to close the '(' at column " + std::to_string(t.column) +
                                ", got " + describe(peek()));
      ++pos_;
      --depth_;
      return true;
    }
    if (t.kind != Token::Kind::Name) {
      if (t.kind == Token::Kind::End) return fail(t, "expected an expression, got end of line");
      return fail(t, "expected a number, a name or '(', got " + describe(t));
    }
    ++pos_;
    std::string name = t.text;
    bool prefixed = false;
    if (is(".")) {
      ++pos_;
      if (name != "math" && name != "np" && name != "numpy")
        return fail(t, "unknown prefix '" + name + "' (write exp, math.exp or np.exp)");
      if (peek().kind != Token::Kind::Name)
        return fail(peek(),
                    "expected a function name after '" + name + ".', got " + describe(peek()));
      std::string member = peek().text;
      ++pos_;
      if (!is("(")) {
        if (member == "pi" || member == "e") {
          e.kind = Expr::Kind::Constant;
          e.number = member == "pi" ? 3.141592653589793 : 2.718281828459045;
          e.text = name + "." + member;
          return true;
        }
        return fail(t, "unknown constant '" + name + "." + member + "' (" + name + ".pi and " +
                           name + ".e are known)");
      }
      prefixed = true;
      name = member;
    }
    if (is("(")) return call(e, t, name, prefixed);
    if (is("[")) {
      ++pos_;
      const Token& index = peek();
      if (index.kind != Token::Kind::Number || index.number != std::floor(index.number) ||
          index.text.find_first_of(".eE") != std::string::npos)
        return fail(index, "an index is a whole number like 0 or 2, got " + describe(index));
      ++pos_;
      if (!is("]")) return fail(peek(), "expected ']' after the index, got " + describe(peek()));
      ++pos_;
      if (index.number > kMaxArrayLength)
        return fail(index, "index " + index.text + " is beyond any array (at most " +
                               std::to_string(kMaxArrayLength) + " elements)");
      e.kind = Expr::Kind::Index;
      e.name = name;
      e.index = static_cast<int>(index.number);
      return true;
    }
    if (find_function(name))
      return fail(t, "'" + name + "' is a function: call it, as in " + name + "(x)");
    e.kind = Expr::Kind::Name;
    e.name = name;
    return true;
  }

  bool call(Expr& e, const Token& t, const std::string& name, bool prefixed) {
    const FunctionInfo* f = find_function(name);
    if (!f) {
      std::string guess = closest_name(name, function_names());
      std::string shown = prefixed ? t.text + "." + name : name;
      std::string known;
      for (const auto& name : function_names()) known += (known.empty() ? "" : ", ") + name;
      return fail(
          t, "unknown function '" + shown + "'" +
                 (guess.empty() ? " (known: " + known + ")" : " (did you mean " + guess + "?)"));
    }
    const Token& open = peek();
    if (!deeper(open)) return false;
    ++pos_;
    e.kind = Expr::Kind::Call;
    e.name = name;
    if (!is(")")) {
      while (true) {
        Expr arg;
        if (!expression(arg)) return false;
        e.args.push_back(std::move(arg));
        if (is(")")) break;
        if (!is(","))
          return fail(peek(),
                      "expected ',' or ')' in the call of " + name + ", got " + describe(peek()));
        ++pos_;
      }
    }
    ++pos_;
    --depth_;
    int n = static_cast<int>(e.args.size());
    if (f->arity >= 0 && n != f->arity)
      return fail(t, name + " takes " + std::to_string(f->arity) +
                         (f->arity == 1 ? " argument" : " arguments") + ", got " +
                         std::to_string(n));
    if (f->arity < 0 && n < 2)
      return fail(t, name + " takes two or more arguments, got " + std::to_string(n));
    return true;
  }

  const std::vector<Token>& t_;
  int line_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  bool failed_ = false;
};

}  // namespace

Outcome<Program> parse_program(const std::string& text) {
  Outcome<Program> out;
  if (text.size() > kMaxProgramBytes) {
    out.error = SourceError{1, 1,
                            "the program is " + std::to_string(text.size()) +
                                " bytes long; the limit is " + std::to_string(kMaxProgramBytes)};
    return out;
  }
  Program program;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line_number > kMaxLines) {
      out.error = SourceError{line_number, 1,
                              "the program has more than " + std::to_string(kMaxLines) + " lines"};
      return out;
    }
    if (static_cast<int>(line.size()) > kMaxLineLength) {
      out.error =
          SourceError{line_number, kMaxLineLength + 1,
                      "the line is " + std::to_string(line.size()) +
                          " characters long; the limit is " + std::to_string(kMaxLineLength)};
      return out;
    }
    auto tokens = lex_line(line, line_number);
    if (!tokens) {
      out.error = tokens.error;
      return out;
    }
    if (tokens.value->size() == 1) continue;  // blank or comment only
    if (!program.statements.empty() && program.statements.back().target.empty()) {
      const auto& last = program.statements.back();
      out.error = SourceError{last.line, last.column,
                              "an expression on its own can only be the last line: assign it "
                              "to a name (y = ...)"};
      return out;
    }
    Parser parser(*tokens.value, line_number);
    Statement s;
    if (!parser.statement(s)) {
      out.error = parser.error;
      return out;
    }
    program.statements.push_back(std::move(s));
  }
  if (program.statements.empty()) {
    out.error = SourceError{1, 1, "the program is empty: write an expression, or lines name = ..."};
    return out;
  }
  out.value = std::move(program);
  return out;
}

}  // namespace bpx::circuit
