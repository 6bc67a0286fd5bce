// A learner's typed answer: a number (decimal point or comma, optional exponent), a fraction,
// or arithmetic of numbers (+ - * / ^, parentheses, exp log ln sqrt). A small recursive-descent
// parser: no eval, bounded length and nesting, errors that name the column.
//
// Digits an answer carries (what "correct to the digits typed" means):
//  - a number carries its significant digits as typed: leading zeros do not count, trailing
//    zeros do ("0.81480" carries 5, "0.8148" 4, "100" 3, "1.5e-3" 2); a zero carries 1, and
//    is judged at its last typed place like any number ("0.00" is right for 0.004);
//  - arithmetic carries the most digits of any of its decimal numbers (the numbers a learner
//    rounded), since it is judged as precise as its most precise number; integers written
//    without a decimal point or exponent (1, 2, 3/8) are exact and carry kExactDigits, so
//    an expression of integers only, such as 3/8, is judged as an exact value.
#pragma once
#include <string>
#include <vector>

#include "core/status.hpp"

namespace bpx {

constexpr int kMaxAnswerLength = 200;  // characters
constexpr int kMaxAnswerNesting = 16;  // parentheses and function calls inside each other
constexpr int kMaxAnswerDigits = 30;   // digits in one number
constexpr int kExactDigits = 12;       // the digits of an exact (integer-only) answer

struct AnswerLiteral {
  double value = 0;
  int digits = 0;      // significant digits typed (kExactDigits for an integer in arithmetic)
  int column = 0;      // 1-based character column where the number starts
  bool exact = false;  // an integer without a decimal point or exponent
  int last_place = 0;  // power of ten of the last digit typed ("0.8148": -4, "100": 0)
};

struct ParsedAnswer {
  double value = 0;
  int digits = 0;                       // the digits the whole answer carries (see above)
  bool arithmetic = false;              // anything beyond one number with an optional sign
  int last_place = 0;                   // for a plain number: its literal's last_place
  std::vector<AnswerLiteral> literals;  // in the order typed
};

// Parses text; an error's path is "answer" and its message names the column.
Result<ParsedAnswer> parse_answer(const std::string& text);

// Half a unit in the last digit the answer carries, measured where it counts: at the typed
// value's own last digit for a plain number, at the reference's magnitude for arithmetic.
double answer_tolerance(const ParsedAnswer& answer, double reference);

// True when the answer equals target to the digits it carries.
bool answer_agrees(const ParsedAnswer& answer, double target);

}  // namespace bpx
