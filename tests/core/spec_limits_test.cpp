// The spec's text is bounded before and while it is parsed (bytes, values, nesting), keys
// given twice are errors naming them, and messages quote only a short excerpt of the input.
// The largest spec the other limits allow still fits every one of these bounds.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/spec.hpp"

namespace {

using nlohmann::json;

const char* const kGood = R"({"layers": [2, 2, 1], "activations": ["sigmoid", "sigmoid"],
  "loss": "bce", "data": {"inputs": [[1.0, 2.0]], "targets": [[1.0]]}})";

bpx::Error Rejected(const std::string& text) {
  auto r = bpx::parse_spec(text);
  EXPECT_FALSE(r.ok()) << text.substr(0, 200);
  return r.ok() ? bpx::Error{} : r.error();
}

TEST(SpecLimits, TheLargestValidSpecIsAccepted) {
  // 8 explicit 64 x 64 layers and 2000 explicit examples of 64 inputs and 64 targets, every
  // number with 17 significant digits: the longest text the other limits allow.
  const double x = -0.12345678901234567;
  json layers = json::array(), acts = json::array(), W = json::array(), b = json::array();
  layers.push_back(64);
  for (int l = 0; l < bpx::kMaxLayers; ++l) {
    layers.push_back(64);
    acts.push_back("tanh");
    W.push_back(json(std::vector<std::vector<double>>(64, std::vector<double>(64, x))));
    b.push_back(std::vector<double>(64, x));
  }
  json rows(std::vector<std::vector<double>>(bpx::kMaxExamples, std::vector<double>(64, x)));
  json spec = {{"layers", layers},
               {"activations", acts},
               {"loss", "mse"},
               {"init", {{"weights", W}, {"biases", b}}},
               {"data", {{"inputs", rows}, {"targets", rows}}}};
  const std::string text = spec.dump(2);  // indented: longer still
  ASSERT_LT(text.size(), bpx::kMaxSpecBytes);
  auto r = bpx::parse_spec(text);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().text());
}

TEST(SpecLimits, TextLongerThanTheLimitIsRejectedBeforeParsing) {
  // Not even JSON: the length alone decides.
  const std::string text(bpx::kMaxSpecBytes + 1, '[');
  const bpx::Error e = Rejected(text);
  EXPECT_EQ(e.path, "");
  EXPECT_NE(e.message.find(std::to_string(bpx::kMaxSpecBytes + 1) + " bytes"), std::string::npos)
      << e.message;
  EXPECT_NE(e.message.find("limit is " + std::to_string(bpx::kMaxSpecBytes)), std::string::npos)
      << e.message;
}

TEST(SpecLimits, TooManyValuesStopTheParser) {
  std::string list = "[0";
  for (size_t i = 0; i < bpx::kMaxSpecValues; ++i) list += ",0";
  const bpx::Error e = Rejected(R"({"data": {"inputs": [)" + list + "]]}}");
  EXPECT_NE(e.message.find("more than " + std::to_string(bpx::kMaxSpecValues) + " values"),
            std::string::npos)
      << e.message;
}

TEST(SpecLimits, DeepNestingStopsTheParser) {
  const std::string text = "{\"data\": " + std::string(100, '[') + std::string(100, ']') + "}";
  const bpx::Error e = Rejected(text);
  EXPECT_NE(e.message.find("nested more than " + std::to_string(bpx::kMaxSpecDepth)),
            std::string::npos)
      << e.message;
  EXPECT_EQ(e.path, "");
  EXPECT_NE(e.message.find("(at data[0][0]"), std::string::npos) << e.message;
}

TEST(SpecLimits, DuplicateKeysAreRejectedNamingThem) {
  std::string twice_at_root = kGood;
  twice_at_root.insert(1, R"("loss": "mse", )");
  bpx::Error e = Rejected(twice_at_root);
  EXPECT_EQ(e.path, "loss");
  EXPECT_NE(e.message.find("given twice"), std::string::npos) << e.message;

  const std::string nested = R"({"layers": [2, 1], "activations": ["sigmoid"], "loss": "bce",
    "data": {"inputs": [[1, 2]], "targets": [[1]]},
    "init": {"weights": [[[1, 2]]], "biases": [[0]], "weights": [[[3, 4]]]}})";
  e = Rejected(nested);
  EXPECT_EQ(e.path, "init.weights");
  // Inside a list: the path gives the index.
  e = Rejected(R"({"data": {"inputs": [{"a": 1}, {"a": 1, "a": 2}]}})");
  EXPECT_EQ(e.path, "data.inputs[1].a");
}

TEST(SpecLimits, MessagesQuoteAShortExcerptOfTheInput) {
  const std::string huge(1 << 20, 'k');
  // An unknown key.
  bpx::Error e = Rejected(std::string(kGood).insert(1, "\"" + huge + "\": 1, "));
  EXPECT_LT(e.text().size(), 300u) << e.text().substr(0, 300);
  EXPECT_NE(e.path.find("kkkk..."), std::string::npos) << e.path.substr(0, 80);
  // An unknown name.
  auto set_loss = json::parse(kGood);
  set_loss["loss"] = huge;
  e = Rejected(set_loss.dump());
  EXPECT_LT(e.text().size(), 300u) << e.text().substr(0, 300);
  // A string where a number belongs.
  auto set_input = json::parse(kGood);
  set_input["data"]["inputs"][0][0] = huge;
  e = Rejected(set_input.dump());
  EXPECT_EQ(e.path, "data.inputs[0][0]");
  EXPECT_LT(e.text().size(), 200u) << e.text().substr(0, 300);
  // A syntax error in a long token.
  e = Rejected("{\"layers\": tru" + huge);
  EXPECT_LT(e.text().size(), 200u) << e.text().substr(0, 300);
}

}  // namespace
