// sin and cos from + and * only, so that data sets and features are bit-identical
// between glibc (native) and musl (wasm), whose libm sin/cos may differ in the last bit.
#pragma once

namespace bpx {

constexpr double kPi = 3.141592653589793238462643383279502884;

double det_sin(double x);
double det_cos(double x);

}  // namespace bpx
