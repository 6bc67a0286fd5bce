#include "core/neuron_graph.hpp"

#include <cmath>

#include "core/detmath.hpp"
#include "core/layer_math.hpp"
#include "core/loss.hpp"

namespace bpx {

namespace {

class Builder {
 public:
  explicit Builder(NeuronGraph& g) : g_(g) {}
  int leaf(const std::string& label, const std::string& op, const std::string& kind, double value) {
    return add({label, op, kind, {}, {}, value, 0});
  }
  int node(const std::string& label, const std::string& op, std::vector<int> inputs,
           std::vector<double> local, double value) {
    return add({label, op, "intermediate", std::move(inputs), std::move(local), value, 0});
  }
  double value(int i) const { return g_.nodes[static_cast<size_t>(i)].value; }
  // Reverse-mode sweep: nodes are in topological order, so walk them backwards.
  void backprop(int root, double seed) {
    g_.nodes[static_cast<size_t>(root)].grad = seed;
    for (int i = root; i >= 0; --i) {
      const GraphNode& n = g_.nodes[static_cast<size_t>(i)];
      for (size_t k = 0; k < n.inputs.size(); ++k) {
        g_.nodes[static_cast<size_t>(n.inputs[k])].grad += n.grad * n.local[k];
      }
    }
  }

 private:
  int add(GraphNode n) {
    g_.nodes.push_back(std::move(n));
    return static_cast<int>(g_.nodes.size()) - 1;
  }
  NeuronGraph& g_;
};

// The activation's gates from z to a; returns the index of a.
int activation_gates(Builder& b, Activation act, int z, bool expanded, double softmax_a,
                     double softmax_da_dz) {
  const double zv = b.value(z);
  switch (act) {
    case Activation::Sigmoid:
      if (expanded) {
        int n1 = b.node("-z", "neg", {z}, {-1.0}, -zv);
        double e = det_exp(-zv);
        int n2 = b.node("exp(-z)", "exp", {n1}, {e}, e);
        int n3 = b.node("1+exp(-z)", "add_const", {n2}, {1.0}, 1.0 + e);
        double d = 1.0 + e;
        return b.node("a", "inv", {n3}, {-1.0 / (d * d)}, 1.0 / d);
      }
      return b.node("a", "sigmoid", {z}, {sigmoid_prime(zv)}, sigmoid(zv));
    case Activation::Tanh:
      if (expanded) {
        int t1 = b.node("2z", "mul_const", {z}, {2.0}, 2.0 * zv);
        double e = det_exp(2.0 * zv);
        int t2 = b.node("exp(2z)", "exp", {t1}, {e}, e);
        int t3 = b.node("exp(2z)-1", "add_const", {t2}, {1.0}, e - 1.0);
        int t4 = b.node("exp(2z)+1", "add_const", {t2}, {1.0}, e + 1.0);
        double num = e - 1.0, den = e + 1.0;
        return b.node("a", "div", {t3, t4}, {1.0 / den, -num / (den * den)}, num / den);
      }
      return b.node("a", "tanh", {z}, {tanh_prime(zv)}, tanh_exact(zv));
    case Activation::Softmax:
      return b.node("a", "softmax", {z}, {softmax_da_dz}, softmax_a);
    default: {  // an element-wise activation as one gate: its local gradient is g'(z)
      const double a = activate_scalar(act, zv);
      return b.node("a", activation_name(act), {z}, {activation_prime_scalar(act, zv, a)}, a);
    }
  }
  return z;
}

}  // namespace

Result<NeuronGraph> neuron_graph(const Session& s, int layer, int unit, int example,
                                 const GraphOptions& options) {
  const int L = s.L();
  if (layer < 1 || layer > L) {
    return Error{"layer", "expected a layer between 1 and " + std::to_string(L) + ", got " +
                              std::to_string(layer)};
  }
  const int n = s.spec().layers[layer];
  if (unit < 0 || unit >= n) {
    return Error{"unit", "expected a unit between 0 and " + std::to_string(n - 1) + ", got " +
                             std::to_string(unit)};
  }
  const long n_train = s.data().X_train.cols();
  if (example < 0 || example >= n_train) {
    return Error{"example", "expected an example between 0 and " + std::to_string(n_train - 1) +
                                ", got " + std::to_string(example)};
  }
  if (options.root != "loss" && options.root != "activation") {
    return Error{"root", "expected \"loss\" or \"activation\", got \"" + options.root + "\""};
  }

  // Forward and backward for this one example with the current parameters.
  const Matrix x = s.data().X_train.col(example);
  const Matrix y = s.data().Y_train.col(example);
  std::vector<Matrix> Z(static_cast<size_t>(L + 1)), A(static_cast<size_t>(L + 1));
  A[0] = x;
  for (int l = 1; l <= L; ++l) {
    forward_layer(s.W(l), s.b(l), s.spec().activations[l - 1], A[l - 1], Z[l], A[l]);
  }
  const Activation out_act = s.spec().activations.back();
  const bool fused = is_fused(s.spec().loss, out_act);
  std::vector<Matrix> dA(static_cast<size_t>(L + 1)), dZ(static_cast<size_t>(L + 1));
  dA[L] = loss_dA(s.spec().loss, Z[L], A[L], y);
  for (int l = L; l >= layer; --l) {
    Matrix gprime, dW, db, Wt;
    backward_layer(s.W(l), s.spec().activations[l - 1], Z[l], A[l], A[l - 1], dA[l],
                   l == L && fused ? &y : nullptr, {dZ[l], gprime, dW, db, dA[l - 1], Wt});
  }

  NeuronGraph g;
  g.layer = layer;
  g.unit = unit;
  g.example = example;
  g.options = options;
  g.is_output = layer == L;
  Builder b(g);
  const Activation act = s.spec().activations[layer - 1];
  const int n_in = s.spec().layers[layer - 1];
  const std::string in_kind = layer == 1 ? "input" : "intermediate";

  std::vector<int> products;
  for (int i = 0; i < n_in; ++i) {
    const std::string k = std::to_string(i + 1);
    int xi = b.leaf("x" + k, "input", in_kind, A[layer - 1](i, 0));
    int wi = b.leaf("w" + k, "param", "parameter", s.W(layer)(unit, i));
    products.push_back(b.node("w" + k + "*x" + k, "mul", {wi, xi}, {b.value(xi), b.value(wi)},
                              b.value(wi) * b.value(xi)));
  }
  int sum = products[0];
  for (int i = 1; i < n_in; ++i) {
    const std::string label = i + 1 == n_in ? "w.x" : "s" + std::to_string(i + 1);
    sum = b.node(label, "add", {sum, products[static_cast<size_t>(i)]}, {1.0, 1.0},
                 b.value(sum) + b.value(products[static_cast<size_t>(i)]));
  }
  int bias = b.leaf("b", "param", "parameter", s.b(layer)(unit, 0));
  g.z_node = b.node("z", "add", {sum, bias}, {1.0, 1.0}, b.value(sum) + b.value(bias));

  // Softmax couples the units of a layer: it stays one gate whose local derivative is
  // d a_j / d z_j, and dL/dz_j comes from the layer's Jacobian-vector product.
  const bool softmax = act == Activation::Softmax;
  const double sa = softmax ? A[layer](unit, 0) : 0.0;
  g.a_node = activation_gates(b, act, g.z_node, options.expanded && !softmax, sa, sa * (1 - sa));
  if (softmax) g.note = "softmax couples all units of the layer: dL/dz uses every a_i";

  if (options.root == "activation") {
    g.root_node = g.a_node;
    g.nodes[static_cast<size_t>(g.a_node)].kind = "output";
    b.backprop(g.a_node, 1.0);
  } else {
    g.root_node = g.a_node;
    if (g.is_output) {
      int yj = b.leaf("y", "target", "target", y(unit, 0));
      double Lk = loss_per_example(s.spec().loss, Z[L], A[L], y)(0);
      g.root_node = b.node("L", "loss:" + loss_name(s.spec().loss), {g.a_node, yj},
                           {dA[L](unit, 0), 0.0}, Lk);
      g.nodes[static_cast<size_t>(g.root_node)].kind = "output";
    }
    if (softmax) {
      // dL/dz_j is the layer's Jacobian-vector product, not dL/da_j times one local slope.
      g.nodes[static_cast<size_t>(g.root_node)].grad = 1.0;
      g.nodes[static_cast<size_t>(g.a_node)].grad = dA[layer](unit, 0);
      b.backprop(g.z_node, dZ[layer](unit, 0));
    } else if (g.is_output) {
      b.backprop(g.root_node, 1.0);
    } else {
      b.backprop(g.a_node, dA[layer](unit, 0));  // dA[l] arrives from layer l+1
    }
  }

  ChainLinks& c = g.links;
  c.dL_da = g.nodes[static_cast<size_t>(g.a_node)].grad;
  c.delta = g.nodes[static_cast<size_t>(g.z_node)].grad;
  c.da_dz =
      softmax ? sa * (1 - sa) : activation_prime(act, Z[layer].row(unit), A[layer].row(unit))(0, 0);
  c.learning_rate = s.spec().optimizer.learning_rate;
  for (const GraphNode& nd : g.nodes) {
    if (nd.op != "param") continue;
    if (nd.label == "b") {
      c.b = nd.value;
      c.b_new = nd.value - c.learning_rate * nd.grad;
      continue;
    }
    ChainLinks::Input in;
    in.label = nd.label;
    in.w = nd.value;
    in.dL_dw = nd.grad;
    in.w_new = nd.value - c.learning_rate * nd.grad;
    in.x = A[layer - 1](std::stoi(nd.label.substr(1)) - 1, 0);
    c.inputs.push_back(in);
  }
  return g;
}

}  // namespace bpx
