// Practice on circuits: answers checked to the digits typed, and wrong answers named by the
// mistake that reproduces them. Every expected number is worked out by hand in the comments.
#include "core/circuit_practice.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using bpx::circuit::Asked;
using bpx::circuit::Circuit;
using bpx::circuit::CircuitCheck;
using bpx::circuit::CircuitQuestion;

Circuit build(const std::string& program) {
  auto c = bpx::circuit::circuit_from_text(program, {});
  EXPECT_TRUE(c.ok()) << c.error.text();
  return c.ok() ? *c.value : Circuit{};
}

std::string id_of(const Circuit& c, const std::string& label) {
  for (const auto& n : c.nodes)
    if (n.label == label) return n.id;
  ADD_FAILURE() << "no node " << label;
  return "";
}

CircuitCheck check(const Circuit& c, const std::string& label, Asked asked, int slot,
                   const std::string& answer) {
  auto r = bpx::circuit::check_circuit_answer(c, {id_of(c, label), asked, slot}, answer);
  EXPECT_TRUE(r.ok()) << r.error().text();
  return r.ok() ? r.value() : CircuitCheck{};
}

std::string mistake(const CircuitCheck& r) { return r.diagnosis ? r.diagnosis->id : "(right)"; }

// CS231n: x = -2, y = 5, z = -4; q = x + y = 3, f = q z = -12. Backward: df/dq = z = -4,
// df/dz = q = 3, df/dx = df/dy = df/dq x 1 = -4.
const char* const kCs231n = "x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z";

TEST(CircuitPractice, RightAnswersToTheirDigits) {
  Circuit c = build(kCs231n);
  EXPECT_TRUE(check(c, "q", Asked::Value, 0, "3").correct);
  EXPECT_TRUE(check(c, "f", Asked::Value, 0, "-12").correct);
  EXPECT_TRUE(check(c, "f", Asked::Wire, 0, "-4").correct);  // into q
  EXPECT_TRUE(check(c, "f", Asked::Wire, 1, "3").correct);   // into z
  EXPECT_TRUE(check(c, "q", Asked::Wire, 0, "−4").correct);  // into x, typographic minus
  EXPECT_TRUE(check(c, "x", Asked::Grad, 0, "-4.0").correct);
  EXPECT_TRUE(check(c, "z", Asked::Grad, 0, "1*3").correct);
  CircuitCheck wrong = check(c, "q", Asked::Value, 0, "7");
  EXPECT_FALSE(wrong.correct);
  EXPECT_EQ(wrong.expected, 3);
}

TEST(CircuitPractice, MultiplyGateSwapsItsInputs) {
  Circuit c = build(kCs231n);
  // Into q through f = q z: upstream 1 x q itself = 3 instead of 1 x z = -4.
  CircuitCheck r = check(c, "f", Asked::Wire, 0, "3");
  EXPECT_FALSE(r.correct);
  EXPECT_EQ(mistake(r), "multiply_no_swap");
  EXPECT_NE(r.diagnosis->message.find("the multiply gate swaps its inputs"), std::string::npos)
      << r.diagnosis->message;
  EXPECT_NE(r.diagnosis->message.find("your 3 "), std::string::npos);
  // Into z: 1 x z itself = -4 instead of q = 3.
  EXPECT_EQ(mistake(check(c, "f", Asked::Wire, 1, "-4")), "multiply_no_swap");
  EXPECT_EQ(mistake(check(c, "z", Asked::Grad, 0, "-4")), "multiply_no_swap");
}

TEST(CircuitPractice, ChainRuleAndAddGate) {
  Circuit c = build(kCs231n);
  // Into x through q = x + y: upstream -4 x local 1. The local gradient alone is 1.
  EXPECT_EQ(mistake(check(c, "q", Asked::Wire, 0, "1")), "missing_upstream");
  EXPECT_EQ(mistake(check(c, "q", Asked::Wire, 0, "4")), "sign");
  CircuitCheck r = check(c, "q", Asked::Wire, 0, "2.5");
  EXPECT_EQ(mistake(r), "unknown");
  EXPECT_NE(r.diagnosis->message.find("(-4) x 1 = -4"), std::string::npos) << r.diagnosis->message;
  // Into z through f = q z, a multiply: passing upstream 1 unchanged gives 1, not q = 3.
  EXPECT_EQ(mistake(check(c, "f", Asked::Wire, 1, "1")), "local_gradient_one");
}

TEST(CircuitPractice, ForksAddUp) {
  // x = 3 feeds a = 2x and b = x + 1; y = a + b = 3x + 1: dy/dx = 2 + 1 = 3, wires 2 and 1.
  Circuit c = build("x = 3\na = 2 * x\nb = x + 1\ny = a + b");
  EXPECT_TRUE(check(c, "x", Asked::Grad, 0, "3").correct);
  CircuitCheck r = check(c, "x", Asked::Grad, 0, "2.0");
  EXPECT_EQ(mistake(r), "missing_fork_sum");
  EXPECT_NE(r.diagnosis->message.find("gradients add up at forks"), std::string::npos);
  EXPECT_EQ(mistake(check(c, "x", Asked::Grad, 0, "1.0")), "missing_fork_sum");
}

TEST(CircuitPractice, SigmoidDerivativeAtTheWrongPoint) {
  // y = sigmoid(x) at x = 0: y = 0.5, dy/dx = 0.5 x 0.5 = 0.25. At the output instead:
  // sigma(0.5) = 1 / (1 + e^-0.5) = 0.6224593, times 1 - 0.6224593: 0.2350037.
  Circuit c = build("x = 0\ny = sigmoid(x)");
  EXPECT_TRUE(check(c, "y", Asked::Wire, 0, "0.25").correct);
  EXPECT_TRUE(check(c, "y", Asked::Value, 0, "0.5").correct);
  CircuitCheck r = check(c, "y", Asked::Wire, 0, "0.2350");
  EXPECT_EQ(mistake(r), "derivative_point");
  EXPECT_NE(r.diagnosis->message.find("output"), std::string::npos);
  // x = 2: y = 0.8807971, y(1 - y) = 0.1049936; the input put in: 2 (1 - 2) = -2.
  Circuit d = build("x = 2\ny = sigmoid(x)");
  EXPECT_TRUE(check(d, "y", Asked::Wire, 0, "0.10499").correct);
  EXPECT_EQ(mistake(check(d, "y", Asked::Wire, 0, "-2.0")), "derivative_point");
}

TEST(CircuitPractice, DivisionMaxAndOperandOrder) {
  // q = a / b at a = 6, b = 2: dq/db = -a/b^2 = -1.5; -1/b^2 = -0.25.
  Circuit c = build("a = 6\nb = 2\nq = a / b");
  EXPECT_TRUE(check(c, "q", Asked::Wire, 1, "-1.5").correct);
  EXPECT_EQ(mistake(check(c, "q", Asked::Wire, 1, "-0.25")), "quotient_rule");
  // The value: 6 / 2 = 3; swapped, 2 / 6 = 0.3333.
  EXPECT_EQ(mistake(check(c, "q", Asked::Value, 0, "0.333")), "swapped_operands");
  // d = a - b = 4, swapped -4: the order is named before the sign.
  Circuit s = build("a = 6\nb = 2\nd = a - b");
  EXPECT_EQ(mistake(check(s, "d", Asked::Value, 0, "-4.0")), "swapped_operands");
  // m = max(a, b) at a = 3, b = 5 routes everything to b: a gets 0, not 1.
  Circuit m = build("a = 3\nb = 5\nm = max(a, b)");
  EXPECT_TRUE(check(m, "m", Asked::Wire, 0, "0").correct);
  CircuitCheck r = check(m, "m", Asked::Wire, 0, "1");
  EXPECT_EQ(mistake(r), "local_gradient_one");
  EXPECT_NE(r.diagnosis->message.find("max routes"), std::string::npos) << r.diagnosis->message;
}

TEST(CircuitPractice, BadQuestionsAndAnswersAreErrorsNamingTheField) {
  Circuit c = build(kCs231n);
  auto no_node = bpx::circuit::check_circuit_answer(c, {"n99", Asked::Value, 0}, "1");
  ASSERT_FALSE(no_node.ok());
  EXPECT_EQ(no_node.error().path, "node");
  auto slot = bpx::circuit::check_circuit_answer(c, {id_of(c, "f"), Asked::Wire, 2}, "1");
  ASSERT_FALSE(slot.ok());
  EXPECT_EQ(slot.error().message, "slot: expected an input of 'f' from 0 to 1");
  auto input = bpx::circuit::check_circuit_answer(c, {id_of(c, "x"), Asked::Wire, 0}, "1");
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(input.error().message, "slot: 'x' is not a gate: it has no inputs");
  auto answer = bpx::circuit::check_circuit_answer(c, {id_of(c, "q"), Asked::Value, 0}, "1 +");
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().path, "answer");
}

}  // namespace
