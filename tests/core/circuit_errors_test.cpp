// Bad circuit programs: each gives one message naming line and column and what was
// expected; limits on size, line length, nesting, gates and arrays; bad options.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/circuit_graph.hpp"
#include "core/circuit_presets.hpp"
#include "core/rng.hpp"

namespace {

struct Bad {
  std::string program;
  std::string message;
};

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<Bad> bad_programs() {
  return {
      {"", "line 1, column 1: the program is empty: write an expression, or lines name = ..."},
      {"# only a comment\n\n",
       "line 1, column 1: the program is empty: write an expression, or lines name = ..."},
      {"x = 1\ny = sigmod(x)",
       "line 2, column 5: unknown function 'sigmod' (did you mean sigmoid?)"},
      {"y = math.expp(1)", "line 1, column 5: unknown function 'math.expp' (did you mean exp?)"},
      {"y = frobnicate(1)",
       "line 1, column 5: unknown function 'frobnicate' (known: exp, log, sqrt, tanh, sigmoid, "
       "softplus, relu, abs, max, min, pow)"},
      {"y = torch.exp(1)",
       "line 1, column 5: unknown prefix 'torch' (write exp, math.exp or np.exp)"},
      {"y = math.tau",
       "line 1, column 5: unknown constant 'math.tau' (math.pi and math.e are known)"},
      {"y = np.(1)", "line 1, column 8: expected a function name after 'np.', got '('"},
      {"x = 1\ny = 2x",
       "line 2, column 6: expected an operator after the number 2, got 'x' (write 2 "
       "* x to multiply)"},
      {"y = (1 + 2",
       "line 1, column 11: expected ')' to close the '(' at column 5, got end of line"},
      {"y = 1 + 2)", "line 1, column 10: expected an operator or end of line, got ')'"},
      {"y = 1 +", "line 1, column 8: expected an expression, got end of line"},
      {"y = * 2", "line 1, column 5: expected a number, a name or '(', got '*'"},
      {"y = 1 == 2", "line 1, column 7: unexpected '=': an assignment needs a name on its left"},
      {"y = z + 1", "line 1, column 5: 'z' has no value (give it a value first: z = 1.5)"},
      {"xx = 1\ny = x + 1", "line 2, column 5: 'x' has no value (did you mean xx?)"},
      {"y = x\nx = 1", "line 1, column 5: 'x' has no value yet: it is assigned on a later line"},
      {"y = y + 1", "line 1, column 5: 'y' has no value (give it a value first: y = 1.5)"},
      {"y = exp(1, 2)", "line 1, column 5: exp takes 1 argument, got 2"},
      {"y = max(1)", "line 1, column 5: max takes two or more arguments, got 1"},
      {"y = pow(2)", "line 1, column 5: pow takes 2 arguments, got 1"},
      {"y = exp(1 2)",
       "line 1, column 11: expected ',' or ')' in the call of exp, got the number 2"},
      {"y = exp", "line 1, column 5: 'exp' is a function: call it, as in exp(x)"},
      {"exp = 3", "line 1, column 1: 'exp' is a function name; choose another name"},
      {"w = [1, 2]\ny = w[2]", "line 2, column 5: index 2 is out of range: 'w' has 2 elements"},
      {"w = [1, 2]\ny = w[0.5]",
       "line 2, column 7: an index is a whole number like 0 or 2, got the number 0.5"},
      {"w = [1, 2]\ny = w[0", "line 2, column 8: expected ']' after the index, got end of line"},
      {"w = [1, 2]\ny = w * 2",
       "line 2, column 5: 'w' is an array: use its elements, w[0] to w[1]"},
      {"x = 1\ny = x[0]", "line 2, column 5: 'x' is not an array (give it one: x = [1, 2])"},
      {"w = [1, x]",
       "line 1, column 9: an input array holds numbers only, got 'x' (a list of expressions is not "
       "supported: write the expression without brackets)"},
      {"w = [1, 2", "line 1, column 10: expected ',' or ']' in the array, got end of line"},
      {"w = [1, 2]\nw = 3",
       "line 2, column 1: 'w' already has a value; an input is given one value"},
      {"x = 1\nx = 2", "line 2, column 1: 'x' already has a value; an input is given one value"},
      {"w = [1]\nw = exp(w[0])", "line 2, column 1: 'w' is an array; choose another name"},
      {"y += 1", "line 1, column 3: '+=' needs 'y' to have a value first"},
      {"w[0] = 3", "line 1, column 1: only a plain name can be assigned"},
      {"x = 1\nx + 1\ny = 2",
       "line 2, column 1: an expression on its own can only be the last line: assign it to a name "
       "(y = ...)"},
      {"x = log(0)", "line 1, column 5: log needs a positive argument, got 0"},
      {"x = 1 / 0", "line 1, column 7: division by zero"},
      {"x = sqrt(-1)",
       "line 1, column 5: sqrt needs a positive argument (its gradient at 0 is infinite), got -1"},
      {"x = (-2) ** 0.5", "line 1, column 10: a negative number to a fractional power (-2 ** 0.5)"},
      {"b = -2\ne = 2\ny = b ** e",
       "line 3, column 7: a power with a varying exponent needs a positive base, got -2"},
      {"x = exp(1000)",
       "line 1, column 5: exp overflows here (its value or gradient is not a finite number)"},
      {"x = 1e999", "line 1, column 5: the number 1e999 is too large for a double"},
      {"x = 1e+", "line 1, column 5: expected the exponent's digits after '1e+'"},
      {"x = 1 $ 2", "line 1, column 7: unexpected '$'"},
      {"x = 2 \xc3\x97 3",
       "line 1, column 7: unexpected non-ASCII character (write * to multiply and - to subtract)"},
      // Limits.
      {repeat("a", 65) + " = 1",
       "line 1, column 1: a name is at most 64 characters long, this one 65"},
      {"x = " + repeat("1", 300),
       "line 1, column 241: the line is 304 characters long; the limit is 240"},
      {"y = " + repeat("(", 50) + "1" + repeat(")", 50),
       "line 1, column 45: the expression nests more than 40 levels deep (parentheses, calls and "
       "signs)"},
      {"y = " + repeat("-", 60) + "1",
       "line 1, column 45: the expression nests more than 40 levels deep (parentheses, calls and "
       "signs)"},
      {repeat("x1 = 1\n", 201), "line 201, column 1: the program has more than 200 lines"},
      {"w = [" + repeat("0,", 64) + "0]",
       "line 1, column 134: an input array holds at most 64 numbers"},
      {"x = 1\n" + repeat("x = x" + repeat(" + x", 20) + "\n", 60),
       "line 51, column 83: the circuit has more than 1000 gates"},
      {repeat("# padding\n", 2001),
       "line 1, column 1: the program is 20010 bytes long; the limit is 20000"},
  };
}

TEST(CircuitErrors, EveryBadProgramNamesLineColumnAndWhatWasExpected) {
  auto table = bad_programs();
  ASSERT_GE(table.size(), 30u);
  for (const auto& bad : table) {
    auto c = bpx::circuit::circuit_from_text(bad.program, {});
    ASSERT_FALSE(c.ok()) << bad.program;
    EXPECT_EQ(c.error.text(), bad.message) << "program: " << bad.program.substr(0, 80);
  }
}

TEST(CircuitErrors, BadOptionsNameTheOption) {
  bpx::circuit::CircuitOptions o;
  o.set = {{"q", 1}};
  auto c = bpx::circuit::circuit_from_text("x = 1\nw = [1, 2]\ny = x * w[1]", o);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error.line, 0);
  EXPECT_EQ(c.error.text(), "--set: 'q' is not an input of the program (inputs: x, w[0], w[1])");
  o.set = {};
  o.output = "yy";
  c = bpx::circuit::circuit_from_text("x = 1\ny = x * 2", o);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error.text(), "--output: the program assigns no name 'yy' (did you mean y?)");
  o.output = "";
  o.set = {{"w[1]", 5}};  // an element of an array input can be set
  c = bpx::circuit::circuit_from_text("w = [1, 2]\ny = w[0] * w[1]", o);
  ASSERT_TRUE(c.ok()) << c.error.text();
  EXPECT_EQ(c.value->nodes[c.value->output].value, 5);
}

TEST(CircuitErrors, ColumnsPointAtTheOperatorOfABadGate) {
  // The error of a gate is placed at its operator: here the second '/', column 15.
  auto c = bpx::circuit::circuit_from_text("a = 1\nb = 0\ny = a / 2 + a / b", {});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error.line, 3);
  EXPECT_EQ(c.error.column, 15);
}

TEST(CircuitErrors, MangledProgramsNeverCrashAndErrorsHaveAPlace) {
  // Random edits of the presets (characters inserted, deleted, replaced; lines doubled):
  // each result builds or fails with a position inside the program.
  const std::string alphabet = "xyzw0123456789.e+-*/^()[],=# \nabcmpqstv_\t$\x01\xc3";
  bpx::Pcg32 rng(77);
  int failures = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    const auto& presets = bpx::circuit::circuit_presets();
    std::string text = presets[rng.below(presets.size())].program;
    int edits = 1 + static_cast<int>(rng.below(4));
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t at = rng.below(static_cast<uint32_t>(text.size()));
      char c = alphabet[rng.below(static_cast<uint32_t>(alphabet.size()))];
      switch (rng.below(4)) {
        case 0:
          text.insert(at, 1, c);
          break;
        case 1:
          text.erase(at, 1);
          break;
        case 2:
          text[at] = c;
          break;
        default:
          text += text.substr(0, at);
          break;
      }
    }
    bpx::circuit::CircuitOptions o;
    o.expanded = trial % 2 == 0;
    auto c = bpx::circuit::circuit_from_text(text, o);
    if (c.ok()) continue;
    ++failures;
    int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    EXPECT_GE(c.error.line, 1) << text;
    EXPECT_LE(c.error.line, lines) << text;
    EXPECT_GE(c.error.column, 1) << text;
    EXPECT_FALSE(c.error.message.empty());
  }
  EXPECT_GT(failures, 1000);  // the edits do break programs
}

}  // namespace
