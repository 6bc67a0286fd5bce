// Whether every value of a matrix is finite: the divergence check after every phase, on
// every matrix the phase wrote, so it runs without a branch per element.
#pragma once
#include "core/types.hpp"

namespace bpx {

bool all_finite(const Matrix& M);

}  // namespace bpx
