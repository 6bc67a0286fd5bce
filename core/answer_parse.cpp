#include "core/answer_parse.hpp"

#include <cmath>
#include <cstdint>

namespace bpx {
namespace {

// Decodes UTF-8 into code points so that columns count characters, not bytes.
bool decode_utf8(const std::string& s, std::vector<uint32_t>& out, int& bad_column) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + static_cast<size_t>(extra) >= s.size() + (extra == 0 ? 1 : 0)) {
      bad_column = static_cast<int>(out.size()) + 1;
      return false;
    }
    uint32_t cp = extra == 0 ? c : c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
      if ((d >> 6) != 2) {
        bad_column = static_cast<int>(out.size()) + 1;
        return false;
      }
      cp = (cp << 6) | (d & 0x3F);
    }
    out.push_back(cp);
    i += static_cast<size_t>(extra) + 1;
  }
  return true;
}

bool is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == 0xA0 || c == 0x2009 || c == 0x202F;
}
bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
bool is_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_minus(uint32_t c) { return c == '-' || c == 0x2212; }
bool is_times(uint32_t c) { return c == '*' || c == 0xD7 || c == 0xB7 || c == 0x22C5; }
bool is_divide(uint32_t c) { return c == '/' || c == 0xF7; }

std::string show(uint32_t c) {
  if (c < 0x80) return std::string("\"") + static_cast<char>(c) + "\"";
  return "U+" + std::to_string(c);
}

class Parser {
 public:
  explicit Parser(std::vector<uint32_t> text) : t_(std::move(text)) {}

  Result<ParsedAnswer> run() {
    skip();
    if (pos_ == t_.size()) return fail(1, "the answer is empty; type a number");
    double v = 0;
    if (!expr(v)) return error_;
    skip();
    if (pos_ != t_.size())
      return fail(col(), "unexpected " + show(t_[pos_]) + "; expected an operator");
    if (!std::isfinite(v)) return fail(1, "the value is not a finite number");
    ParsedAnswer a;
    a.value = v;
    a.literals = literals_;
    a.arithmetic = operators_ > 0 || literals_.size() != 1;
    if (!a.arithmetic) {
      a.digits = literals_[0].digits;
      a.last_place = literals_[0].last_place;
    } else {
      a.digits = 0;
      bool any_decimal = false;
      for (const auto& l : literals_) {
        if (l.exact) continue;
        any_decimal = true;
        if (l.digits > a.digits) a.digits = l.digits;
      }
      if (!any_decimal) a.digits = kExactDigits;
    }
    return a;
  }

 private:
  int col() const { return static_cast<int>(pos_) + 1; }
  void skip() {
    while (pos_ < t_.size() && is_space(t_[pos_])) ++pos_;
  }
  bool at(bool (*pred)(uint32_t)) {
    skip();
    return pos_ < t_.size() && pred(t_[pos_]);
  }
  bool at(uint32_t c) {
    skip();
    return pos_ < t_.size() && t_[pos_] == c;
  }
  Error fail(int column, const std::string& why) {
    return Error{"answer", "column " + std::to_string(column) + ": " + why};
  }
  bool set_error(int column, const std::string& why) {
    error_ = fail(column, why);
    return false;
  }

  bool expr(double& v) {
    if (!term(v)) return false;
    while (at('+') || at(is_minus)) {
      const bool plus = t_[pos_] == '+';
      ++pos_;
      ++operators_;
      double r = 0;
      if (!term(r)) return false;
      v = plus ? v + r : v - r;
    }
    return true;
  }

  bool term(double& v) {
    if (!factor(v)) return false;
    while (at(is_times) || at(is_divide)) {
      const bool times = is_times(t_[pos_]);
      const int c = col();
      ++pos_;
      ++operators_;
      double r = 0;
      if (!factor(r)) return false;
      if (!times && r == 0) return set_error(c, "division by zero");
      v = times ? v * r : v / r;
    }
    return true;
  }

  // Unary signs bind looser than ^, so -2^2 is -4 as in written mathematics.
  bool factor(double& v) {
    if (at('+') || at(is_minus)) {
      const bool minus = t_[pos_] != '+';
      if (!enter()) return false;  // the column of the sign that goes too deep
      ++pos_;
      bool ok = factor(v);
      --depth_;
      if (minus) v = -v;
      return ok;
    }
    return power(v);
  }

  bool power(double& v) {
    if (!primary(v)) return false;
    if (at('^')) {
      const int c = col();
      ++pos_;
      ++operators_;
      if (!enter()) return false;
      double e = 0;
      bool ok = factor(e);
      --depth_;
      if (!ok) return false;
      v = std::pow(v, e);
      if (!std::isfinite(v)) return set_error(c, "the power is not a finite number");
    }
    return true;
  }

  bool enter() {
    if (++depth_ > kMaxAnswerNesting)
      return set_error(col(),
                       "nested deeper than " + std::to_string(kMaxAnswerNesting) + " levels");
    return true;
  }

  bool primary(double& v) {
    skip();
    if (pos_ == t_.size()) return set_error(col(), "expected a number, ( or a function");
    const uint32_t c = t_[pos_];
    if (is_digit(c) || c == '.' || c == ',') return number(v);
    if (c == '(') {
      const int open = col();
      if (!enter()) return false;
      ++pos_;
      bool ok = expr(v);
      --depth_;
      if (!ok) return false;
      if (!at(')'))
        return set_error(col(), "missing ) for the ( at column " + std::to_string(open));
      ++pos_;
      ++operators_;  // parentheses make it arithmetic, even around one number
      return true;
    }
    if (is_letter(c)) return function(v);
    return set_error(col(), "unexpected " + show(c) + "; expected a number, ( or a function");
  }

  bool function(double& v) {
    const int start = col();
    std::string name;
    while (pos_ < t_.size() && is_letter(t_[pos_])) name += static_cast<char>(t_[pos_++]);
    if (name != "exp" && name != "log" && name != "ln" && name != "sqrt")
      return set_error(start, "unknown name \"" + name + "\"; expected exp, log, ln or sqrt");
    if (!at('(')) return set_error(col(), "expected ( after " + name);
    ++pos_;
    if (!enter()) return false;
    double x = 0;
    bool ok = expr(x);
    --depth_;
    if (!ok) return false;
    if (!at(')')) return set_error(col(), "missing ) after the argument of " + name);
    ++pos_;
    ++operators_;
    if (name == "exp") {
      v = std::exp(x);
      if (!std::isfinite(v)) return set_error(start, "exp of " + std::to_string(x) + " overflows");
    } else if (name == "sqrt") {
      if (x < 0) return set_error(start, "sqrt of a negative number");
      v = std::sqrt(x);
    } else {
      if (x <= 0) return set_error(start, name + " of a number that is not positive");
      v = std::log(x);
    }
    return true;
  }

  // digits [(. or ,) digits] [e [sign] digits]; the value comes from the digit string
  // (strtod on an ASCII copy), the digits and last place from what was typed.
  bool number(double& v) {
    AnswerLiteral lit;
    lit.column = col();
    std::string ascii;
    int sig = 0, frac = 0, all_digits = 0;
    bool point = false, seen_nonzero = false;
    while (pos_ < t_.size()) {
      const uint32_t c = t_[pos_];
      if (is_digit(c)) {
        ascii += static_cast<char>(c);
        ++all_digits;
        if (c != '0') seen_nonzero = true;
        if (seen_nonzero) ++sig;
        if (point) ++frac;
      } else if ((c == '.' || c == ',') && !point) {
        point = true;
        ascii += '.';
      } else {
        break;
      }
      ++pos_;
    }
    if (all_digits == 0) return set_error(lit.column, "a number needs at least one digit");
    if (all_digits > kMaxAnswerDigits)
      return set_error(lit.column, "more than " + std::to_string(kMaxAnswerDigits) + " digits");
    long exponent = 0;
    bool has_exponent = false;
    if (pos_ < t_.size() && (t_[pos_] == 'e' || t_[pos_] == 'E')) {
      size_t p = pos_ + 1;
      bool neg = false;
      if (p < t_.size() && (t_[p] == '+' || is_minus(t_[p]))) neg = t_[p++] != '+';
      if (p < t_.size() && is_digit(t_[p])) {
        has_exponent = true;
        int n = 0;
        while (p < t_.size() && is_digit(t_[p])) {
          if (++n > 3) return set_error(lit.column, "the exponent has more than 3 digits");
          exponent = exponent * 10 + static_cast<long>(t_[p++] - '0');
        }
        if (neg) exponent = -exponent;
        pos_ = p;
      }
    }
    ascii += "e" + std::to_string(exponent);
    v = std::strtod(ascii.c_str(), nullptr);
    if (!std::isfinite(v)) return set_error(lit.column, "the number is too large");
    lit.value = v;
    lit.exact = !point && !has_exponent;
    lit.digits = seen_nonzero ? sig : 1;
    lit.last_place = static_cast<int>(exponent) - frac;
    literals_.push_back(lit);
    return true;
  }

  std::vector<uint32_t> t_;
  size_t pos_ = 0;
  int depth_ = 0;
  int operators_ = 0;
  std::vector<AnswerLiteral> literals_;
  Error error_;
};

}  // namespace

Result<ParsedAnswer> parse_answer(const std::string& text) {
  if (text.size() > static_cast<size_t>(4 * kMaxAnswerLength))
    return Error{"answer", "longer than " + std::to_string(kMaxAnswerLength) + " characters"};
  std::vector<uint32_t> cps;
  int bad = 0;
  if (!decode_utf8(text, cps, bad))
    return Error{"answer", "column " + std::to_string(bad) + ": not valid UTF-8 text"};
  if (cps.size() > static_cast<size_t>(kMaxAnswerLength))
    return Error{"answer", "longer than " + std::to_string(kMaxAnswerLength) + " characters"};
  return Parser(std::move(cps)).run();
}

double answer_tolerance(const ParsedAnswer& a, double reference) {
  double unit;
  if (!a.arithmetic) {
    unit = std::pow(10.0, a.last_place);
  } else {
    const double mag = reference != 0 ? std::fabs(reference) : std::fabs(a.value);
    if (mag == 0) return 0;
    unit = std::pow(10.0, std::floor(std::log10(mag)) - a.digits + 1);
  }
  // The slack covers the binary representation of the typed decimals, nothing more.
  return 0.5 * unit * (1 + 1e-9);
}

bool answer_agrees(const ParsedAnswer& a, double target) {
  if (!std::isfinite(target)) return false;
  return std::fabs(a.value - target) <= answer_tolerance(a, target);
}

}  // namespace bpx
