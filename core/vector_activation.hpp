// exp, sigmoid, tanh and their derivatives over arrays, two doubles at a time (SSE2 natively,
// wasm SIMD in the browser), with exactly the bits of the scalar forms in activation.hpp:
// the same +, -, *, / in the same order, lane by lane. Only the branches become selects,
// and exact scaling by 2^k becomes a multiplication by 2^k built from its bits (exact
// while 2^k and the result are normal doubles). Lanes outside that range (|x| near the
// overflow of exp, NaN) are recomputed with the scalar forms.
#pragma once
#include <cstddef>

namespace bpx {

// y[i] = det_exp(x[i])
void exp_array(const double* x, double* y, std::size_t n);
// a[i] = sigmoid(z[i])
void sigmoid_array(const double* z, double* a, std::size_t n);
// a[i] = tanh_exact(z[i])
void tanh_array(const double* z, double* a, std::size_t n);
// g[i] = sigmoid'(z[i]) given a[i] = sigmoid(z[i]): a * sigmoid(-z)
void sigmoid_prime_array(const double* z, const double* a, double* g, std::size_t n);
// g[i] = tanh'(z[i]) given a[i] = tanh(z[i]): 1 - a^2 for |z| < 1, else tanh_prime(z)
void tanh_prime_array(const double* z, const double* a, double* g, std::size_t n);

}  // namespace bpx
