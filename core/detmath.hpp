// exp, log, expm1, log1p, sin and cos built from +, -, *, / and exact scaling only, so
// that every result is bit-identical between glibc (native) and musl (wasm): their libm
// functions differ in the last bit (different algorithms, and glibc switches to FMA
// variants on CPUs that have FMA). Each is within a couple of ulps of the true value.
#pragma once

namespace bpx {

constexpr double kPi = 3.141592653589793238462643383279502884;

double det_exp(double x);
double det_expm1(double x);  // e^x - 1, accurate near 0
double det_log(double x);
double det_log1p(double x);  // log(1 + x), accurate near 0
double det_sin(double x);
double det_cos(double x);

}  // namespace bpx
