#include "core/codegen_slips.hpp"

#include <optional>

namespace bpx::slips {
namespace {

std::string n(long v) { return std::to_string(v); }

// NumPy's broadcasting of two 2-D shapes: each axis equal, or one of them 1.
std::optional<Shape> broadcast(Shape a, Shape b) {
  auto axis = [](long x, long y) -> std::optional<long> {
    if (x == y || y == 1) return x;
    if (x == 1) return y;
    return std::nullopt;
  };
  auto r = axis(a.rows, b.rows), c = axis(a.cols, b.cols);
  if (!r || !c) return std::nullopt;
  return Shape{*r, *c};
}

}  // namespace

std::string shape_text(Shape s) { return "(" + n(s.rows) + ", " + n(s.cols) + ")"; }

std::string star_for_matmul(const std::string& lhs, Shape a, const std::string& rhs, Shape b) {
  const std::string written = "`" + lhs + " * " + rhs + "`";
  const Shape want{a.rows, b.cols};
  auto got = broadcast(a, b);
  if (!got) {
    return "With " + written + " instead of `@`: " + shape_text(a) + " and " + shape_text(b) +
           " do not broadcast, so NumPy stops with a ValueError. `@` is the matrix product.";
  }
  if (a.cols == 1 && got->rows == want.rows && got->cols == want.cols) {
    return "Here " + written +
           " happens to give the same numbers (one input per unit: the "
           "product is an outer product), but not once a layer has two inputs. Write `@`.";
  }
  return "With " + written + " instead of `@`: NumPy multiplies element by element, " +
         shape_text(a) + " and " + shape_text(b) + " broadcast to " + shape_text(*got) +
         " with no error, instead of the " + shape_text(want) + " of the matrix product.";
}

std::string matmul_for_star(const std::string& lhs, const std::string& rhs, Shape s) {
  const std::string both = shape_text(s);
  if (s.cols != s.rows) {
    return "Here `*` is right: element by element. `" + lhs + " @ " + rhs + "` on two " + both +
           " arrays is a ValueError.";
  }
  return "Here `*` is right: element by element. `" + lhs + " @ " + rhs + "` on two " + both +
         " arrays runs without error but mixes the examples: wrong numbers, same shape.";
}

std::string missing_transpose(const std::string& dZ, Shape dz, const std::string& A_prev,
                              Shape a_prev) {
  const std::string written = "`" + dZ + " @ " + A_prev + "`";
  if (dz.cols != a_prev.rows) {
    return "Without `.T`, " + written + " multiplies " + shape_text(dz) + " by " +
           shape_text(a_prev) + ": a ValueError. The transpose lines up the m examples.";
  }
  return "Without `.T`, " + written + " still runs (" + shape_text(dz) + " @ " +
         shape_text(a_prev) + " gives " + shape_text({dz.rows, a_prev.cols}) +
         ") but sums over the wrong axis. The transpose lines up the m examples.";
}

std::string missing_mean(const std::string& name, long m) {
  if (m == 1) {
    return "The `/ m` averages over the examples; with m = 1 it changes nothing here, but "
           "without it " +
           name + " is m times too large on a batch.";
  }
  return "Without `/ m`, " + name + " is the sum over the " + n(m) +
         " examples, not the mean: " + n(m) + " times too large, as if the learning rate were " +
         n(m) + " times larger.";
}

std::string sum_without_keepdims(const std::string& db, const std::string& b, long units) {
  const std::string flat = "(" + n(units) + ",)";
  std::string out =
      "Without `keepdims=True`, " + db + " has shape " + flat + " instead of (" + n(units) + ", 1)";
  if (units > 1) {
    out += ", and `" + b + " - lr * " + db + "` then broadcasts to (" + n(units) + ", " + n(units) +
           ") with no error";
  }
  out += ". Without `axis=1`, np.sum adds up every unit and example into one number.";
  return out;
}

std::string bias_broadcast(const std::string& b, long units, long m) {
  std::string out = b + " is (" + n(units) + ", 1): NumPy adds it to " +
                    (m == 1 ? std::string("the one column") : "each of the " + n(m) + " columns") +
                    " of the product.";
  if (units == 1) return out;
  // A flat (n,) array broadcasts as a row (1, n) against the (n, m) product.
  const std::string flat = "A flat (" + n(units) + ",) " + b + " is a row instead: ";
  if (m == 1 || m == units) {
    return out + " " + flat + "the sum silently becomes (" + n(units) + ", " + n(units) +
           ") with wrong numbers.";
  }
  return out + " " + flat + "(" + n(units) + ", " + n(m) + ") plus (" + n(units) +
         ",) is a ValueError here.";
}

std::string sigmoid_precedence(const std::string& Z, const std::string& exp_call) {
  return "Written `1 / 1 + " + exp_call + "(-" + Z +
         ")`, division goes first: that is 1 + e^(-z), "
         "always above 1. The brackets make it 1 / (1 + e^(-z)).";
}

std::string sign_convention(const std::string& dA, const std::string& A) {
  return "\"Target minus prediction\" (`Y - " + A + "`) flips the sign of " + dA +
         ": every gradient after it points the other way, and `W -= lr * dW` then climbs the "
         "loss.";
}

std::string passes_dA(int layer) {
  const std::string l = n(layer), prev = n(layer - 1);
  return "The backward box of layer " + l + " hands dA" + prev + " (not dZ" + l + ") to layer " +
         prev + ", which multiplies it by g'(Z" + prev + ") itself.";
}

std::string softmax_axis(const std::string& axis_word) {
  return "Softmax normalises each column (one example) over the units: " + axis_word +
         ". The other axis would mix the examples of the batch.";
}

}  // namespace bpx::slips
