// The exported scripts carry the engine's exact initial parameters and minibatches, use the
// optimizer the spec names, and refuse step counts outside the documented limits. (That the
// scripts reproduce the trace is checked by running them: tests/cli/code.sh.)
#include "core/codegen_script.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/session.hpp"

namespace {

bpx::Spec Parse(const std::string& json) {
  auto s = bpx::parse_spec(json);
  if (!s) throw std::runtime_error("spec rejected: " + s.error().text());
  return s.value();
}

const char* kGenerated = R"({"layers": [2, 4, 1], "activations": ["tanh", "sigmoid"],
  "loss": "bce", "batch_size": 5, "seed": 3, "init": {"scheme": "xavier", "seed": 7},
  "optimizer": {"type": "adam", "learning_rate": 0.01, "epsilon": 1e-7, "weight_decay": 0.001},
  "data": {"dataset": "circle", "points": 20, "noise": 0.1, "seed": 5}})";

// The nested list after `prefix` in the script, read as JSON (the literals are JSON too).
nlohmann::json Literal(const std::string& script, const std::string& prefix) {
  size_t at = script.find(prefix);
  if (at == std::string::npos) throw std::runtime_error("no " + prefix);
  at += prefix.size();
  int depth = 0;
  size_t end = at;
  do {
    if (script[end] == '[') ++depth;
    if (script[end] == ']') --depth;
    ++end;
  } while (depth > 0);
  return nlohmann::json::parse(script.substr(at, end - at));
}

TEST(CodegenScript, InitialParametersAreExact) {
  const bpx::Spec spec = Parse(kGenerated);
  auto s = bpx::Session::create(spec).value();
  for (auto lang : {bpx::CodeLang::Numpy, bpx::CodeLang::Pytorch}) {
    auto script = bpx::code_script(lang, spec, 3);
    ASSERT_TRUE(script.ok()) << script.error().text();
    const std::string ctor = lang == bpx::CodeLang::Numpy ? "np.array(" : "torch.tensor(";
    for (int l = 1; l <= 2; ++l) {
      auto W = Literal(script.value(), "W" + std::to_string(l) + " = " + ctor);
      ASSERT_EQ(W.size(), static_cast<size_t>(s.W(l).rows()));
      for (Eigen::Index i = 0; i < s.W(l).rows(); ++i)
        for (Eigen::Index j = 0; j < s.W(l).cols(); ++j)
          EXPECT_EQ(W[i][j].get<double>(), s.W(l)(i, j));  // bit for bit: shortest round trip
    }
  }
}

TEST(CodegenScript, MinibatchesAreTheEnginesShuffle) {
  const bpx::Spec spec = Parse(kGenerated);
  auto s = bpx::Session::create(spec).value();
  auto script = bpx::code_script(bpx::CodeLang::Numpy, spec, 6).value();
  auto batches = Literal(script, "batches = ");
  ASSERT_EQ(batches.size(), 6u);
  for (size_t k = 0; k < 6; ++k) {
    s.step();
    ASSERT_EQ(batches[k].size(), s.batch().size());
    for (size_t i = 0; i < s.batch().size(); ++i)
      EXPECT_EQ(batches[k][i].get<long>(), s.batch()[i]);
  }
}

TEST(CodegenScript, OptimizerAndHyperParameters) {
  const bpx::Spec spec = Parse(kGenerated);
  auto torch = bpx::code_script(bpx::CodeLang::Pytorch, spec, 1).value();
  EXPECT_NE(torch.find("torch.optim.Adam(groups, lr=lr, betas=(0.9, 0.999), eps=1e-07"),
            std::string::npos);
  EXPECT_NE(torch.find("\"weight_decay\": 0.001"), std::string::npos);
  EXPECT_NE(torch.find("\"weight_decay\": 0.0}"), std::string::npos);  // biases
  auto np = bpx::code_script(bpx::CodeLang::Numpy, spec, 1).value();
  EXPECT_EQ(np.find("torch"), std::string::npos);
  EXPECT_NE(np.find("eps = 1e-07"), std::string::npos);
  EXPECT_NE(np.find("gW1 = dW1 + wd * W1"), std::string::npos);
}

TEST(CodegenScript, StepsAreBounded) {
  const bpx::Spec spec = Parse(kGenerated);
  for (long steps : {0L, bpx::kMaxCodeSteps + 1}) {
    auto script = bpx::code_script(bpx::CodeLang::Numpy, spec, steps);
    ASSERT_FALSE(script.ok());
    EXPECT_EQ(script.error().path, "steps");
    EXPECT_NE(script.error().message.find(std::to_string(bpx::kMaxCodeSteps)), std::string::npos);
  }
  EXPECT_TRUE(bpx::code_script(bpx::CodeLang::Numpy, spec, bpx::kMaxCodeSteps).ok());
}

}  // namespace
