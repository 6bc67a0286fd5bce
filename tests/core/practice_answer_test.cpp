// The answer parser and "correct to the digits typed". Expected values are written out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "core/answer_parse.hpp"

namespace {

using bpx::parse_answer;

double Value(const char* text) {
  auto a = parse_answer(text);
  EXPECT_TRUE(a.ok()) << text << ": " << a.error().text();
  return a.ok() ? a.value().value : std::nan("");
}

int Digits(const char* text) { return parse_answer(text).value().digits; }

bool Agrees(const char* text, double target) {
  auto a = parse_answer(text);
  EXPECT_TRUE(a.ok()) << text;
  return a.ok() && bpx::answer_agrees(a.value(), target);
}

std::string ErrorOf(const std::string& text) {
  auto a = parse_answer(text);
  EXPECT_FALSE(a.ok()) << text;
  return a.ok() ? "" : a.error().text();
}

TEST(AnswerParse, NumbersFractionsAndArithmetic) {
  EXPECT_DOUBLE_EQ(Value("0.8148"), 0.8148);
  EXPECT_DOUBLE_EQ(Value("0,8148"), 0.8148);
  EXPECT_DOUBLE_EQ(Value(".5"), 0.5);
  EXPECT_DOUBLE_EQ(Value("-1.5e-3"), -0.0015);
  EXPECT_DOUBLE_EQ(Value("\u22120.25"), -0.25);  // the typographic minus
  EXPECT_DOUBLE_EQ(Value("3/8"), 0.375);
  EXPECT_DOUBLE_EQ(Value("0.5*0.625 + 0.6*0.754 + 0.05"), 0.3125 + 0.4524 + 0.05);
  EXPECT_DOUBLE_EQ(Value("2 \u00d7 3"), 6.0);
  EXPECT_DOUBLE_EQ(Value("1 - 2 - 3"), -4.0);  // left to right
  EXPECT_DOUBLE_EQ(Value("2^3^2"), 512.0);     // right to left
  EXPECT_DOUBLE_EQ(Value("-2^2"), -4.0);       // the sign binds looser than ^
  EXPECT_DOUBLE_EQ(Value("(1 + 2) * 3"), 9.0);
  EXPECT_DOUBLE_EQ(Value("1 / (1 + exp(0))"), 0.5);
  EXPECT_DOUBLE_EQ(Value("sqrt(16) + ln(1) + log(1)"), 4.0);
}

TEST(AnswerParse, DigitsTyped) {
  EXPECT_EQ(Digits("0.8148"), 4);
  EXPECT_EQ(Digits("0.81480"), 5);
  EXPECT_EQ(Digits("-0.0012"), 2);
  EXPECT_EQ(Digits("100"), 3);
  EXPECT_EQ(Digits("1.5e-3"), 2);
  EXPECT_EQ(Digits("0.5*0.625 + 0.05"), 3);  // the most precise decimal number
  EXPECT_EQ(Digits("3/8"), bpx::kExactDigits);
  EXPECT_FALSE(parse_answer("0.8148").value().arithmetic);
  EXPECT_FALSE(parse_answer("-0.8148").value().arithmetic);
  EXPECT_TRUE(parse_answer("(0.8148)").value().arithmetic);
}

TEST(AnswerParse, CorrectToTheDigitsTyped) {
  const double z = 0.8147964671035836;  // seed 002's Z[2], 0.5 s(0.51) + 0.6 s(1.12) + 0.05
  for (const char* right : {"0.8148", "0.81480", "0,8148", "0.815", "0.81", "8.148e-1", "0.814796",
                            "0.5*0.6248 + 0.6*0.7540 + 0.05", "0.5*0.625 + 0.6*0.754 + 0.05"})
    EXPECT_TRUE(Agrees(right, z)) << right;
  // Outside the typed digits: off by more than half a unit in the last digit.
  for (const char* wrong : {"0.854", "0.8147", "0.81479", "0.8149", "0.814797", "0.82",
                            "0.5*0.6248 + 0.6*0.7541 + 0.05", "0.8"})
    EXPECT_EQ(Agrees(wrong, z), std::string(wrong) == "0.8") << wrong;  // 0.8 is right to 1 digit
  EXPECT_TRUE(Agrees("3/8", 0.375));
  EXPECT_FALSE(Agrees("3/8", 0.3751));  // an exact answer is judged as exact
  EXPECT_TRUE(Agrees("0.00", 0.004));
  EXPECT_FALSE(Agrees("0.00", 0.006));
  EXPECT_TRUE(Agrees("-0.1534", -0.1534346702654617));
  EXPECT_FALSE(Agrees("0.1534", -0.1534346702654617));
}

TEST(AnswerParse, ErrorsNameTheColumn) {
  EXPECT_EQ(ErrorOf(""), "answer: column 1: the answer is empty; type a number");
  EXPECT_EQ(ErrorOf("0.5 +"), "answer: column 6: expected a number, ( or a function");
  EXPECT_EQ(ErrorOf("0.5 x 2"), "answer: column 5: unexpected \"x\"; expected an operator");
  EXPECT_EQ(ErrorOf("foo(1)"),
            "answer: column 1: unknown name \"foo\"; expected exp, log, ln or sqrt");
  EXPECT_EQ(ErrorOf("(1 + 2"), "answer: column 7: missing ) for the ( at column 1");
  EXPECT_EQ(ErrorOf("1 / (2 - 2)"), "answer: column 3: division by zero");
  EXPECT_EQ(ErrorOf("log(0)"), "answer: column 1: log of a number that is not positive");
  EXPECT_EQ(ErrorOf("1..2"), "answer: column 3: unexpected \".\"; expected an operator");
  EXPECT_EQ(ErrorOf("\xff"), "answer: column 1: not valid UTF-8 text");
  EXPECT_EQ(ErrorOf("exp(1000)"), "answer: column 1: exp of 1000.000000 overflows");
}

TEST(AnswerParse, BoundsOnLengthNestingAndDigits) {
  EXPECT_EQ(ErrorOf(std::string(201, '1')), "answer: longer than 200 characters");
  std::string deep = std::string(17, '(') + "1" + std::string(17, ')');
  EXPECT_EQ(ErrorOf(deep), "answer: column 17: nested deeper than 16 levels");
  std::string ok = std::string(16, '(') + "1" + std::string(16, ')');
  EXPECT_DOUBLE_EQ(Value(ok.c_str()), 1.0);
  EXPECT_EQ(ErrorOf(std::string(31, '1')), "answer: column 1: more than 30 digits");
  EXPECT_EQ(ErrorOf("1e1000"), "answer: column 1: the exponent has more than 3 digits");
  EXPECT_EQ(ErrorOf("1e400"), "answer: column 1: the number is too large");
  EXPECT_EQ(ErrorOf(std::string(100, '-') + "1"),
            "answer: column 17: nested deeper than 16 levels");
}

}  // namespace
