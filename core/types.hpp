// Shared numeric types: double precision everywhere, examples are columns.
#pragma once
#include <Eigen/Dense>

namespace bpx {
using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
}  // namespace bpx
