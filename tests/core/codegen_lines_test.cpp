// The code view's lines: each names a quantity the session really has after its phase,
// with that quantity's shape, for every activation, loss, optimizer and batch size; and
// the slip notes quote the shapes of the network at hand (worked out here by hand).
#include "core/codegen_lines.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/session.hpp"

namespace {

using bpx::CodeLang;
using bpx::CodeLine;

const char* kSeed002 = R"({"layers": [2, 2, 1], "activations": ["sigmoid", "sigmoid"],
  "loss": "bce", "init": {"weights": [[[0.1, 0.2], [0.3, 0.4]], [[0.5, 0.6]]],
  "biases": [[0.01, 0.02], [0.05]]}, "data": {"inputs": [[1.0, 2.0]], "targets": [[1.0]]}})";

bpx::Spec Parse(const std::string& json) {
  auto s = bpx::parse_spec(json);
  if (!s) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

std::string Spec(const std::string& acts, const std::string& loss, int out,
                 const std::string& optimizer, int batch) {
  std::string targets =
      out == 1 ? "[[1.0], [0.0], [1.0], [0.0]]" : "[[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]";
  return R"({"layers": [2, 3, )" + std::to_string(out) + R"(], "activations": )" + acts +
         R"(, "loss": ")" + loss + R"(", "optimizer": )" + optimizer + R"(, "batch_size": )" +
         std::to_string(batch) +
         R"(, "data": {"inputs": [[0.5, -1.2], [1.5, 0.3], [-0.7, 0.8], [0.2, 2.1]],
         "targets": )" +
         targets + "}}";
}

const bpx::Matrix* Quantity(const bpx::Session& s, const CodeLine& line) {
  const int l = line.layer;
  const std::string& q = line.quantity;
  if (q == "Y") return &s.Y();
  if (q == "A") return &s.A(l);
  if (q == "dA") return &s.dA(l);
  if (q == "Z") return &s.Z(l);
  if (q == "dZ") return &s.dZ(l);
  if (q == "dW") return &s.dW(l);
  if (q == "db") return &s.db(l);
  if (q == "W") return &s.W(l);
  if (q == "b") return &s.b(l);
  if (q == "mW") return &s.optimizer_slots(l).mW;
  if (q == "mb") return &s.optimizer_slots(l).mb;
  if (q == "vW") return &s.optimizer_slots(l).vW;
  if (q == "vb") return &s.optimizer_slots(l).vb;
  return nullptr;
}

// Runs one step phase by phase; after each phase, every line's quantity exists in the
// session with the shape the line declares.
void ExpectShapesMatch(const std::string& json, CodeLang lang) {
  const bpx::Spec spec = Parse(json);
  auto created = bpx::Session::create(spec);
  ASSERT_TRUE(created.ok());
  bpx::Session& s = created.value();
  const bool minibatch = s.batch_size() < s.data().X_train.cols();
  for (int i = 0; i < s.phases_per_step(); ++i) {
    const bpx::Phase p = s.next_phase_kind();
    s.next_phase();
    const long m = static_cast<long>(s.batch().size());
    auto lines = bpx::phase_lines(lang, spec, p, m, minibatch);
    ASSERT_FALSE(lines.empty()) << p.label();
    for (const CodeLine& line : lines) {
      SCOPED_TRACE(p.label() + ": " + line.text);
      if (line.quantity == "loss") {
        EXPECT_TRUE(line.shape.empty());
        continue;
      }
      if (line.quantity.empty()) continue;
      const bpx::Matrix* M = Quantity(s, line);
      ASSERT_NE(M, nullptr) << "unknown quantity " << line.quantity;
      ASSERT_EQ(line.shape.size(), 2u);
      EXPECT_EQ(line.shape[0], M->rows());
      EXPECT_EQ(line.shape[1], M->cols());
    }
  }
}

TEST(CodegenLines, EveryQuantityExistsWithItsShape) {
  const std::string sgd = R"({"type": "sgd", "learning_rate": 0.1})";
  const std::string mom = R"({"type": "momentum", "learning_rate": 0.1, "weight_decay": 0.01})";
  const std::string adam = R"({"type": "adam", "learning_rate": 0.01, "weight_decay": 0.01})";
  const std::string cases[] = {
      Spec(R"(["tanh", "sigmoid"])", "bce", 1, sgd, 4),
      Spec(R"(["relu", "tanh"])", "mse", 1, mom, 2),
      Spec(R"(["leaky_relu", "linear"])", "mse", 1, adam, 3),
      Spec(R"(["sigmoid", "relu"])", "mse", 1, sgd, 4),
      Spec(R"(["linear", "leaky_relu"])", "mse", 1, sgd, 1),
      Spec(R"(["tanh", "softmax"])", "cross_entropy", 3, adam, 4),
      Spec(R"(["relu", "softmax"])", "mse", 3, mom, 2),
      Spec(R"(["softplus", "softplus"])", "mse", 1, sgd, 4),
  };
  for (const auto& json : cases) {
    for (CodeLang lang : {CodeLang::Numpy, CodeLang::Pytorch}) {
      SCOPED_TRACE(bpx::code_lang_name(lang) + " " + json);
      ExpectShapesMatch(json, lang);
    }
  }
}

std::vector<CodeLine> Lines(CodeLang lang, const bpx::Phase& p, long m = 1) {
  return bpx::phase_lines(lang, Parse(kSeed002), p, m, false);
}

const CodeLine& Find(const std::vector<CodeLine>& lines, const std::string& text) {
  auto it =
      std::find_if(lines.begin(), lines.end(), [&](const CodeLine& l) { return l.text == text; });
  if (it == lines.end()) throw std::runtime_error("no line " + text);
  return *it;
}

bool AnyNoteHas(const CodeLine& line, const std::string& part) {
  for (const auto& n : line.notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

TEST(CodegenLines, Seed002NumpyLinesInCourseStyle) {
  auto f1 = Lines(CodeLang::Numpy, {bpx::Phase::Forward, 1});
  const CodeLine& z1 = Find(f1, "Z1 = W1 @ A0 + b1");
  EXPECT_EQ(z1.quantity, "Z");
  EXPECT_EQ(z1.shape, (std::vector<long>{2, 1}));
  // W1 is (2, 2) and A0 (2, 1): element-wise they broadcast to (2, 2), not Z1's (2, 1).
  EXPECT_TRUE(AnyNoteHas(z1, "broadcast to (2, 2)"));
  // A flat (2,) b1 is a row (1, 2); added to the (2, 1) product it broadcasts to (2, 2).
  EXPECT_TRUE(AnyNoteHas(z1, "silently becomes (2, 2)"));
  const CodeLine& a1 = Find(f1, "A1 = sigmoid(Z1)");
  EXPECT_TRUE(AnyNoteHas(a1, "1 / 1 + np.exp(-Z1)"));

  auto loss = Lines(CodeLang::Numpy, {bpx::Phase::Loss, 0});
  EXPECT_EQ(loss.front().quantity, "loss");

  auto b2 = Lines(CodeLang::Numpy, {bpx::Phase::Backward, 2});
  EXPECT_EQ(b2[0].text, "dZ2 = A2 - Y");  // the fused sigmoid + bce gradient
  const CodeLine& dw2 = Find(b2, "dW2 = dZ2 @ A1.T / m");
  // Without .T: (1, 1) @ (2, 1) has inner sizes 1 and 2: a ValueError.
  EXPECT_TRUE(AnyNoteHas(dw2, "ValueError"));
  EXPECT_EQ(Find(b2, "dA1 = W2.T @ dZ2").layer, 1);

  auto b1 = Lines(CodeLang::Numpy, {bpx::Phase::Backward, 1});
  EXPECT_EQ(b1[0].text, "dZ1 = dA1 * A1 * (1 - A1)");
  // Two units: db1 without keepdims is (2,), and b1 - lr * db1 broadcasts to (2, 2).
  EXPECT_TRUE(AnyNoteHas(Find(b1, "db1 = np.sum(dZ1, axis=1, keepdims=True) / m"), "(2, 2)"));

  auto up = Lines(CodeLang::Numpy, {bpx::Phase::Update, 0});
  EXPECT_EQ(up.size(), 4u);
  EXPECT_EQ(up[0].text, "W1 -= lr * dW1");
}

TEST(CodegenLines, WithOneInputTheStarSlipHappensToAgree) {
  // A 1-2-1 network: W1 is (2, 1), A0 (1, m): W1 * A0 is the outer product W1 @ A0.
  auto lines = bpx::phase_lines(CodeLang::Numpy,
                                Parse(R"({"layers": [1, 2, 1], "activations": ["tanh", "linear"],
    "loss": "mse", "data": {"inputs": [[1.0], [2.0]], "targets": [[0.5], [0.1]]}})"),
                                {bpx::Phase::Forward, 1}, 2, false);
  EXPECT_TRUE(AnyNoteHas(Find(lines, "Z1 = W1 @ A0 + b1"), "happens to give the same numbers"));
}

TEST(CodegenLines, FlatBiasOfThreeUnitsOnFourExamplesIsAValueError) {
  // (3, 4) + (3,): the last axes are 4 and 3, neither 1: NumPy refuses.
  auto lines = bpx::phase_lines(CodeLang::Numpy,
                                Parse(R"({"layers": [2, 3, 1], "activations": ["tanh", "linear"],
    "loss": "mse", "data": {"inputs": [[1, 2], [3, 4], [5, 6], [7, 8]],
    "targets": [[1], [2], [3], [4]]}})"),
                                {bpx::Phase::Forward, 1}, 4, false);
  EXPECT_TRUE(AnyNoteHas(Find(lines, "Z1 = W1 @ A0 + b1"), "(3, 4) plus (3,) is a ValueError"));
}

TEST(CodegenLines, PytorchReadsGradientsAfterBackward) {
  auto b2 = Lines(CodeLang::Pytorch, {bpx::Phase::Backward, 2});
  EXPECT_EQ(b2[0].text, "L.backward()");
  EXPECT_EQ(Find(b2, "dW2 = W2.grad.clone()").quantity, "dW");
  EXPECT_EQ(Find(b2, "dZ2 = Z2.grad * m").quantity, "dZ");
  auto loss = Lines(CodeLang::Pytorch, {bpx::Phase::Loss, 0});
  EXPECT_EQ(loss[0].text, "L = F.binary_cross_entropy_with_logits(Z2, Y, reduction=\"sum\") / m");
  auto up = Lines(CodeLang::Pytorch, {bpx::Phase::Update, 0});
  EXPECT_EQ(up[0].text, "optimizer.step()");
  EXPECT_TRUE(AnyNoteHas(Find(up, "optimizer.zero_grad()"), "accumulate"));
}

TEST(CodegenLines, MinibatchPicksColumns) {
  auto lines =
      bpx::phase_lines(CodeLang::Numpy, Parse(kSeed002), {bpx::Phase::Forward, 1}, 1, true);
  EXPECT_EQ(lines[0].text, "A0 = X_train[:, batch]");
  EXPECT_EQ(lines[1].text, "Y = Y_train[:, batch]");
}

}  // namespace
