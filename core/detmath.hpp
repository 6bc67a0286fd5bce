// exp, log, expm1, log1p, sin and cos built from +, -, *, / and exact scaling only, so
// that every result is bit-identical between glibc (native) and musl (wasm): their libm
// functions differ in the last bit (different algorithms, and glibc switches to FMA
// variants on CPUs that have FMA). Each is within a couple of ulps of the true value.
#pragma once

namespace bpx {

constexpr double kPi = 3.141592653589793238462643383279502884;

// The constants of det_exp, shared with its array form (vector_activation.cpp), which must
// repeat its operations exactly: e^x = 2^k (1 + (r + r^2 P(r))), k = nearest(x / ln 2),
// r = (x - k ln2Hi) - k ln2Lo.
// 1/k! for k = 2..13: with |r| <= ln2/2 the first omitted term is below 1e-17 relative.
constexpr double kExpTail[] = {0.5,
                               0.16666666666666666,
                               0.041666666666666664,
                               0.008333333333333333,
                               0.001388888888888889,
                               0.0001984126984126984,
                               2.48015873015873e-05,
                               2.7557319223985893e-06,
                               2.755731922398589e-07,
                               2.505210838544172e-08,
                               2.08767569878681e-09,
                               1.6059043836821613e-10};
constexpr double kInvLn2 = 1.4426950408889634;
// ln 2 split so that k * kLn2Hi is exact for |k| < 2^11 (fdlibm's constants).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
// det_expm1 uses the series x + x^2 P(x) below this |x|.
constexpr double kExpm1Series = 0.34657359027997264;

double det_exp(double x);
double det_expm1(double x);  // e^x - 1, accurate near 0
double det_log(double x);
double det_log1p(double x);  // log(1 + x), accurate near 0
double det_sin(double x);
double det_cos(double x);

}  // namespace bpx
