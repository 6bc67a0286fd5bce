// Seeded 2-D data sets in [-6, 6]^2 in the manner of TensorFlow Playground, the input
// features built from them, and target encoding for the chosen output layer.
#pragma once
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/spec.hpp"
#include "core/types.hpp"

namespace bpx {

struct LabelledPoints {
  Matrix points;              // 2 x n: (x1, x2) per column
  Eigen::RowVectorXd labels;  // class index 0..C-1, or the regression value in [-1, 1]
};

// Generates the named set (already validated). Classification sets hold n/C points per class.
LabelledPoints generate_points(const std::string& dataset, int n, double noise, int classes,
                               Pcg32& rng);

// Feature rows (x1, x2, x1^2, ...) for every column of points.
Matrix make_features(const std::vector<Feature>& features, const Matrix& points);
// The same into X (resized only when its shape changes: no allocation once warm).
void make_features_into(const std::vector<Feature>& features, const Matrix& points, Matrix& X);

// Cells start .. start + count - 1 of an nx x ny grid over [xmin, xmax] x [ymin, ymax] as
// the columns of points (2 x count): cell k is column k % nx of row k / nx, row 0 at ymin.
// Heatmaps and feature pictures all place their cells with this.
void grid_points(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                 Eigen::Index start, Eigen::Index count, Matrix& points);

// Targets for the output layer: one-hot for softmax, -1/+1 for a tanh output on two
// classes, 0/1 otherwise; regression values unchanged.
Matrix encode_targets(const Spec& spec, const Eigen::RowVectorXd& labels);

// Labels back from targets (the inverse of encode_targets, for explicit examples shown as
// points): with several outputs, the row of each column's largest entry (one-hot or
// probabilities); with one output, targets that are all 0, 1 or -1 are two classes (label
// 1 where the target is positive), and any other values are regression values, clipped to
// [-1, 1] as the point form requires.
struct DecodedLabels {
  Eigen::RowVectorXd labels;
  bool regression = false;
  int classes = 2;  // the number of outputs when there are several
};
DecodedLabels decode_targets(const Matrix& Y);

// The explicit examples of a validated spec as points of the plane with labels (the point
// form of the data, core/spec_points.cpp): for views that show 2-D data. An error unless
// the data is explicit with 2 inputs; a spec already in the point form gives its own data.
Result<DataSpec> as_point_data(const Spec& spec);

struct DataSet {
  Matrix X_train, Y_train, X_test, Y_test;  // features x n, outputs x n
  Matrix points_train, points_test;         // raw 2-D points (empty for explicit data)
  Eigen::RowVectorXd labels_train, labels_test;
};

// The data of a validated spec: explicit examples are all training data; a data set is
// generated, shuffled and split by train_fraction.
DataSet make_dataset(const Spec& spec);

}  // namespace bpx
