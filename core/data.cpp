#include "core/data.hpp"

#include <algorithm>
#include <cmath>

#include "core/detmath.hpp"

namespace bpx {

namespace {

constexpr double kRadius = 5.0;  // data extent, as in TensorFlow Playground

void put(LabelledPoints& out, int i, double x, double y, double label) {
  out.points(0, i) = x;
  out.points(1, i) = y;
  out.labels(i) = label;
}

int class_of(int i, int n, int classes) {
  // Equal blocks of points per class, earlier classes take the remainder.
  int base = n / classes, extra = n % classes;
  int c = 0, start = 0;
  while (true) {
    int size = base + (c < extra ? 1 : 0);
    if (i < start + size) return c;
    start += size;
    ++c;
  }
}

void circle(LabelledPoints& out, int n, double noise, Pcg32& rng) {
  for (int i = 0; i < n; ++i) {
    bool inside = class_of(i, n, 2) == 0;
    double r = inside ? rng.uniform(0, kRadius * 0.5) : rng.uniform(kRadius * 0.7, kRadius);
    double angle = rng.uniform(0, 2 * kPi);
    double x = r * det_sin(angle), y = r * det_cos(angle);
    // As in Playground: the point is stored clean and labelled where the noise moves it,
    // so noise flips labels near the boundary and every point stays inside radius 5.
    const double nx = x + rng.uniform(-kRadius, kRadius) * noise;
    const double ny = y + rng.uniform(-kRadius, kRadius) * noise;
    put(out, i, x, y, std::sqrt(nx * nx + ny * ny) < kRadius * 0.5 ? 1.0 : 0.0);
  }
}

void xor_set(LabelledPoints& out, int n, double noise, Pcg32& rng) {
  const double padding = 0.3;
  for (int i = 0; i < n; ++i) {
    double x = rng.uniform(-kRadius, kRadius);
    x += x > 0 ? padding : -padding;
    double y = rng.uniform(-kRadius, kRadius);
    y += y > 0 ? padding : -padding;
    const double nx = x + rng.uniform(-kRadius, kRadius) * noise;
    const double ny = y + rng.uniform(-kRadius, kRadius) * noise;
    put(out, i, x, y, nx * ny >= 0 ? 1.0 : 0.0);  // clean point, noisy label (Playground)
  }
}

void gaussian(LabelledPoints& out, int n, double noise, int classes, Pcg32& rng) {
  double variance = 0.5 + (4.0 - 0.5) * (noise / kMaxNoise);
  double sd = std::sqrt(variance);
  for (int i = 0; i < n; ++i) {
    int c = class_of(i, n, classes);
    double cx, cy;
    if (classes == 2) {  // Playground's two clusters at (2, 2) and (-2, -2); class 1 first
      cx = cy = c == 0 ? 2.0 : -2.0;
    } else {
      double angle = 2 * kPi * c / classes;
      cx = 3.0 * det_cos(angle);
      cy = 3.0 * det_sin(angle);
    }
    double x = rng.normal(cx, sd), y = rng.normal(cy, sd);
    double label = classes == 2 ? (c == 0 ? 1.0 : 0.0) : static_cast<double>(c);
    put(out, i, x, y, label);
  }
}

void spiral(LabelledPoints& out, int n, double noise, int classes, Pcg32& rng) {
  int start = 0;
  for (int c = 0; c < classes; ++c) {
    int size = n / classes + (c < n % classes ? 1 : 0);
    double delta = 2 * kPi * c / classes;
    for (int j = 0; j < size; ++j) {
      double r = static_cast<double>(j) / size * kRadius;
      double t = 1.75 * j / size * 2 * kPi + delta;
      double x = r * det_sin(t) + rng.uniform(-1, 1) * noise;
      double y = r * det_cos(t) + rng.uniform(-1, 1) * noise;
      double label = classes == 2 ? (c == 0 ? 1.0 : 0.0) : static_cast<double>(c);
      put(out, start + j, x, y, label);
    }
    start += size;
  }
}

double plane_label(double x, double y) {
  return std::clamp((x + y) / 10.0, -1.0, 1.0);  // Playground: [-10, 10] -> [-1, 1]
}

double multi_gaussian_label(double x, double y) {
  static const double kCentres[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                        {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double label = 0;
  for (const auto& g : kCentres) {
    double d = std::sqrt((x - g[0]) * (x - g[0]) + (y - g[1]) * (y - g[1]));
    double v = g[2] * std::clamp(1.0 - d / 2.0, 0.0, 1.0);  // [0, 2] -> [1, 0]
    if (std::fabs(v) > std::fabs(label)) label = v;
  }
  return label;
}

void regression(LabelledPoints& out, int n, double noise, bool plane, Pcg32& rng) {
  const double extent = 6.0;
  for (int i = 0; i < n; ++i) {
    double x = rng.uniform(-extent, extent), y = rng.uniform(-extent, extent);
    double nx = rng.uniform(-extent, extent) * noise, ny = rng.uniform(-extent, extent) * noise;
    // The point is stored clean; the noise moves where its value is read.
    double label = plane ? plane_label(x + nx, y + ny) : multi_gaussian_label(x + nx, y + ny);
    put(out, i, x, y, label);
  }
}

}  // namespace

LabelledPoints generate_points(const std::string& dataset, int n, double noise, int classes,
                               Pcg32& rng) {
  LabelledPoints out{Matrix(2, n), Eigen::RowVectorXd(n)};
  if (dataset == "circle")
    circle(out, n, noise, rng);
  else if (dataset == "xor")
    xor_set(out, n, noise, rng);
  else if (dataset == "gaussian")
    gaussian(out, n, noise, classes, rng);
  else if (dataset == "spiral")
    spiral(out, n, noise, classes, rng);
  else
    regression(out, n, noise, dataset == "plane", rng);
  return out;
}

void grid_points(int nx, int ny, double xmin, double xmax, double ymin, double ymax,
                 Eigen::Index start, Eigen::Index count, Matrix& points) {
  points.resize(2, count);
  for (Eigen::Index k = 0; k < count; ++k) {
    const Eigen::Index cell = start + k, r = cell / nx, c = cell % nx;
    points(0, k) = nx == 1 ? xmin : xmin + (xmax - xmin) * static_cast<double>(c) / (nx - 1);
    points(1, k) = ny == 1 ? ymin : ymin + (ymax - ymin) * static_cast<double>(r) / (ny - 1);
  }
}

Matrix make_features(const std::vector<Feature>& features, const Matrix& points) {
  Matrix X;
  make_features_into(features, points, X);
  return X;
}

void make_features_into(const std::vector<Feature>& features, const Matrix& points, Matrix& X) {
  X.resize(static_cast<Eigen::Index>(features.size()), points.cols());
  for (Eigen::Index k = 0; k < points.cols(); ++k) {
    double x1 = points(0, k), x2 = points(1, k);
    for (size_t f = 0; f < features.size(); ++f) {
      double v = 0;
      switch (features[f]) {
        case Feature::X1:
          v = x1;
          break;
        case Feature::X2:
          v = x2;
          break;
        case Feature::X1Sq:
          v = x1 * x1;
          break;
        case Feature::X2Sq:
          v = x2 * x2;
          break;
        case Feature::X1X2:
          v = x1 * x2;
          break;
        case Feature::SinX1:
          v = det_sin(x1);
          break;
        case Feature::SinX2:
          v = det_sin(x2);
          break;
      }
      X(static_cast<Eigen::Index>(f), k) = v;
    }
  }
}

Matrix encode_targets(const Spec& spec, const Eigen::RowVectorXd& labels) {
  const TargetCoding coding = activation_info(spec.activations.back()).targets;
  const int nL = spec.layers.back();
  Matrix Y = Matrix::Zero(nL, labels.size());
  for (Eigen::Index k = 0; k < labels.size(); ++k) {
    if (spec.data.regression || is_regression_dataset(spec.data.dataset)) {
      Y(0, k) = labels(k);
    } else if (coding == TargetCoding::OneHot) {
      Y(static_cast<Eigen::Index>(labels(k)), k) = 1.0;
    } else if (coding == TargetCoding::Sign) {
      Y(0, k) = labels(k) > 0.5 ? 1.0 : -1.0;
    } else {
      Y(0, k) = labels(k);
    }
  }
  return Y;
}

DecodedLabels decode_targets(const Matrix& Y) {
  DecodedLabels out;
  out.labels.resize(Y.cols());
  if (Y.rows() > 1) {
    out.classes = static_cast<int>(Y.rows());
    for (Eigen::Index k = 0; k < Y.cols(); ++k) {
      Eigen::Index best = 0;
      Y.col(k).maxCoeff(&best);  // the first of equal largest entries
      out.labels(k) = static_cast<double>(best);
    }
    return out;
  }
  bool two_classes = true;
  for (Eigen::Index k = 0; k < Y.cols(); ++k) {
    const double y = Y(0, k);
    if (y != 0.0 && y != 1.0 && y != -1.0) two_classes = false;
  }
  out.regression = !two_classes;
  for (Eigen::Index k = 0; k < Y.cols(); ++k) {
    const double y = Y(0, k);
    out.labels(k) = two_classes ? (y > 0 ? 1.0 : 0.0) : std::min(1.0, std::max(-1.0, y));
  }
  return out;
}

namespace {

// A generated set, shuffled (Fisher-Yates with our generator) and split by train_fraction.
void generate_split(const DataSpec& ds, DataSet& d) {
  Pcg32 rng(ds.seed, 1);
  LabelledPoints all = generate_points(ds.dataset, ds.points, ds.noise, ds.classes, rng);
  std::vector<Eigen::Index> order(static_cast<size_t>(ds.points));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<Eigen::Index>(i);
  for (size_t i = order.size() - 1; i > 0; --i) {
    size_t j = rng.below(static_cast<uint32_t>(i + 1));
    std::swap(order[i], order[j]);
  }
  const Eigen::Index n_train = training_count(ds.points, ds.train_fraction);
  const Eigen::Index n_test = ds.points - n_train;
  d.points_train.resize(2, n_train);
  d.points_test.resize(2, n_test);
  d.labels_train.resize(n_train);
  d.labels_test.resize(n_test);
  for (Eigen::Index i = 0; i < ds.points; ++i) {
    Eigen::Index src = order[static_cast<size_t>(i)];
    if (i < n_train) {
      d.points_train.col(i) = all.points.col(src);
      d.labels_train(i) = all.labels(src);
    } else {
      d.points_test.col(i - n_train) = all.points.col(src);
      d.labels_test(i - n_train) = all.labels(src);
    }
  }
}

}  // namespace

DataSet make_dataset(const Spec& spec) {
  DataSet d;
  if (spec.data.explicit_values) {
    d.X_train = spec.data.inputs;
    d.Y_train = spec.data.targets;
    d.X_test.resize(spec.layers[0], 0);
    d.Y_test.resize(spec.layers.back(), 0);
    return d;
  }
  const DataSpec& ds = spec.data;
  if (ds.point_values) {
    d.points_train = ds.given_points;
    d.points_test = ds.given_test_points;
    d.labels_train = ds.given_labels;
    d.labels_test = ds.given_test_labels;
  } else {
    generate_split(ds, d);
  }
  d.X_train = make_features(ds.features, d.points_train);
  d.X_test = make_features(ds.features, d.points_test);
  d.Y_train = encode_targets(spec, d.labels_train);
  d.Y_test = encode_targets(spec, d.labels_test);
  return d;
}

}  // namespace bpx
