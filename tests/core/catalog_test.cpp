// The catalogue (core/catalog.hpp) says what the validator does: every activation, loss,
// optimizer range, data set and feature it lists is accepted by parse_spec, and what it
// excludes is rejected. Softplus, the activation added through the catalogue, is checked
// against values derived by hand.
#include "core/catalog.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <string>

#include "core/activation.hpp"
#include "core/neuron_graph.hpp"
#include "core/session.hpp"
#include "core/spec.hpp"

namespace {

using nlohmann::json;

json base_spec() {
  return json::parse(R"({"layers": [2, 2, 1], "activations": ["tanh", "sigmoid"], "loss": "mse",
    "data": {"inputs": [[1, 2]], "targets": [[1]]}})");
}

bool accepts(const json& spec) { return bpx::parse_spec(spec.dump()).ok(); }

// One catalogue for the whole file: a range-for over a member of a temporary would dangle.
const json& cat() {
  static const json c = bpx::catalog();
  return c;
}

TEST(Catalog, ListsEveryActivationTheValidatorAcceptsOnTheHiddenLayer) {
  for (const auto& a : cat()["activations"]) {
    json s = base_spec();
    s["activations"][0] = a["name"];
    EXPECT_EQ(accepts(s), !a["outputOnly"].get<bool>()) << a["name"];
  }
  json s = base_spec();
  s["activations"][0] = "softsign";
  auto r = bpx::parse_spec(s.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().text().find("softplus"), std::string::npos) << r.error().text();
}

TEST(Catalog, LossOutputsAreExactlyTheOutputsTheValidatorAccepts) {
  for (const auto& loss : cat()["losses"]) {
    for (const auto& a : cat()["activations"]) {
      json s = base_spec();
      s["layers"] = {2, 2, 2};
      s["data"]["targets"] = {{1, 0}};
      s["activations"][1] = a["name"];
      s["loss"] = loss["name"];
      bool listed = false;
      for (const auto& o : loss["outputs"]) listed = listed || o == a["name"];
      EXPECT_EQ(accepts(s), listed) << loss["name"] << " after " << a["name"];
    }
  }
}

TEST(Catalog, MinUnitsIsTheFewestOutputUnitsTheValidatorAccepts) {
  for (const auto& a : cat()["activations"]) {
    const int need = a["minUnits"].get<int>();
    ASSERT_GE(need, 1) << a["name"];
    for (int units = std::max(1, need - 1); units <= need; ++units) {
      json s = base_spec();
      s["layers"] = {2, 2, units};
      s["activations"][1] = a["name"];
      s["data"]["targets"] = {json::array()};
      for (int i = 0; i < units; ++i) s["data"]["targets"][0].push_back(i == 0 ? 1 : 0);
      EXPECT_EQ(accepts(s), units >= need) << a["name"] << " with " << units << " units";
    }
  }
  // By the rule of softmax (one unit would always be 1): it alone needs two.
  for (const auto& a : cat()["activations"])
    EXPECT_EQ(a["minUnits"].get<int>(), a["name"] == "softmax" ? 2 : 1) << a["name"];
}

TEST(Catalog, FusedRulesAreSigmoidBceAndSoftmaxCrossEntropy) {
  for (const auto& loss : cat()["losses"]) {
    const std::string name = loss["name"];
    // The page shows the chained dA[L] of each loss from here (web/src/explorer/mathpanel.ts).
    EXPECT_EQ(loss["texDA"].get<std::string>().rfind("dA^{[L]}", 0), 0u) << name;
    if (name == "mse") {
      EXPECT_TRUE(loss["fused"].is_null());
    } else if (name == "bce") {
      EXPECT_EQ(loss["fused"]["activation"], "sigmoid");
    } else {
      EXPECT_EQ(name, "cross_entropy");
      EXPECT_EQ(loss["fused"]["activation"], "softmax");
    }
  }
}

// The placeholders ($name or $(name)) a template of the catalogue uses.
std::set<std::string> placeholders(const std::string& tex) {
  static const std::regex kSlot(R"(\$\((\w+)\)|\$([a-z]+))");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(tex.begin(), tex.end(), kSlot); it != std::sregex_iterator();
       ++it)
    out.insert((*it)[1].matched ? (*it)[1].str() : (*it)[2].str());
  return out;
}

TEST(Catalog, LossTemplatesTakeThePredictionAndTheTarget) {
  // A loss of one example and its derivative depend on both y^ and y, and on nothing else.
  const std::set<std::string> both = {"yhat", "y"};
  for (const auto& loss : cat()["losses"]) {
    EXPECT_EQ(placeholders(loss["texExample"]), both) << loss["name"];
    EXPECT_EQ(placeholders(loss["texDAExample"]), both) << loss["name"];
    // The batch forms are TeX without slots: the page shows them as they are.
    EXPECT_TRUE(placeholders(loss["tex"]).empty()) << loss["name"];
    EXPECT_TRUE(placeholders(loss["texDA"]).empty()) << loss["name"];
  }
}

TEST(Catalog, ActivationLinksInTheOutputAreFunctionsOfAAlone) {
  for (const auto& a : cat()["activations"]) {
    const std::string values = a["texLinkValues"];
    EXPECT_FALSE(a["symbol"].get<std::string>().empty()) << a["name"];
    EXPECT_FALSE(a["texLink"].get<std::string>().empty()) << a["name"];
    EXPECT_TRUE(placeholders(a["texLink"]).empty()) << a["name"];
    if (values.empty()) continue;
    EXPECT_EQ(placeholders(values), std::set<std::string>{"a"}) << a["name"];
    EXPECT_EQ(values.find('z'), std::string::npos) << a["name"] << ": " << values;
  }
  // By hand: sigma' = sigma (1 - sigma) and tanh' = 1 - tanh^2 are functions of a; relu' is
  // [z > 0], which a = 0 does not decide at z = 0 (a one-sided question, left to z).
  auto values_of = [](const char* name) {
    for (const auto& a : cat()["activations"])
      if (a["name"] == name) return a["texLinkValues"].get<std::string>();
    return std::string("missing");
  };
  EXPECT_FALSE(values_of("sigmoid").empty());
  EXPECT_FALSE(values_of("tanh").empty());
  EXPECT_TRUE(values_of("relu").empty());
}

TEST(Catalog, ExpandableIsWhatTheNeuronGraphExpands) {
  for (const auto& a : cat()["activations"]) {
    const std::string name = a["name"];
    json s = base_spec();
    s["layers"] = {2, 2, 2};
    s["activations"] = {"tanh", name};
    s["data"]["targets"] = {{1, 0}};
    if (name == "softmax") s["loss"] = "cross_entropy";
    auto session = bpx::Session::create(s.dump());
    ASSERT_TRUE(session.ok()) << name << ": " << session.error().text();
    bpx::GraphOptions expanded, grouped;
    grouped.expanded = false;
    auto e = bpx::neuron_graph(session.value(), 2, 0, 0, expanded);
    auto g = bpx::neuron_graph(session.value(), 2, 0, 0, grouped);
    ASSERT_TRUE(e.ok() && g.ok()) << name;
    EXPECT_EQ(e.value().nodes.size() > g.value().nodes.size(), a["expandable"].get<bool>()) << name;
  }
}

TEST(Catalog, TargetsAreHowTheEngineEncodesTwoClasses) {
  // Points of classes 0 and 1 become 0/1 ("binary"), -1/+1 ("sign") or one unit per class
  // ("one_hot", two rows) as the data set's targets.
  for (const auto& a : cat()["activations"]) {
    const std::string name = a["name"], coding = a["targets"];
    const bool one_hot = coding == "one_hot";
    json s = base_spec();
    s["layers"] = {2, 2, one_hot ? 2 : 1};
    s["activations"] = {"tanh", name};
    s["loss"] = one_hot ? "cross_entropy" : "mse";
    s["data"] = {{"points", {{0.1, 0.2}, {0.3, 0.4}}}, {"labels", {0, 1}}};
    if (one_hot) s["data"]["classes"] = 2;
    auto session = bpx::Session::create(s.dump());
    ASSERT_TRUE(session.ok()) << name << ": " << session.error().text();
    const bpx::Matrix& Y = session.value().data().Y_train;
    ASSERT_EQ(Y.cols(), 2) << name;
    // Column k is the example of label k (both are training examples, in order).
    bpx::Matrix want(one_hot ? 2 : 1, 2);
    if (coding == "binary") want << 0, 1;
    if (coding == "sign") want << -1, 1;
    if (one_hot) want << 1, 0, 0, 1;
    ASSERT_TRUE(coding == "binary" || coding == "sign" || one_hot) << name << ": " << coding;
    EXPECT_EQ(Y, want) << name;
  }
}

TEST(Catalog, RegressionLossesAreThoseARegressionSetAccepts) {
  for (const auto& loss : cat()["losses"]) {
    json s = base_spec();
    s["layers"] = {2, 2, 1};
    s["activations"] = {"tanh", loss["outputs"][0]};
    s["loss"] = loss["name"];
    s["data"] = {{"dataset", "plane"}};
    EXPECT_EQ(accepts(s), loss["regression"].get<bool>()) << loss["name"];
  }
}

TEST(Catalog, ElementwiseIsWhatTheBackwardPassTreatsUnitByUnit) {
  // dZ = dA * g'(Z) unit by unit for an element-wise g; softmax mixes the units: with dA
  // non-zero on the first unit only, its dZ is non-zero on the second unit too.
  for (const auto& a : cat()["activations"]) {
    const auto id = bpx::activation_from_name(a["name"]);
    ASSERT_TRUE(id.has_value());
    bpx::Matrix Z(2, 1), dA(2, 1);
    Z << 0.3, -0.2;
    dA << 1.0, 0.0;
    const bpx::Matrix A = bpx::activate(*id, Z);
    const bpx::Matrix dZ = bpx::backward_activation(*id, Z, A, dA);
    EXPECT_EQ(dZ(1, 0) == 0.0, a["elementwise"].get<bool>()) << a["name"];
  }
}

TEST(Catalog, AnOptimizerWithoutStateTakesThePlainStep) {
  // W <- W - eta dW on every step exactly when the optimizer keeps no state: two steps, since
  // momentum's first step (v = dW) is the plain one.
  for (const auto& opt : cat()["optimizers"]) {
    json s = base_spec();
    s["data"] = {{"inputs", {{1, 2}, {-1, 0.5}}}, {"targets", {{1}, {0}}}};
    s["optimizer"] = {{"type", opt["name"]}, {"learning_rate", 0.5}};
    auto session = bpx::Session::create(s.dump());
    ASSERT_TRUE(session.ok()) << session.error().text();
    bool plain = true;
    for (int k = 0; k < 2; ++k) {
      const bpx::Matrix before = session.value().W(1);
      session.value().step();
      const bpx::Matrix expected = before - 0.5 * session.value().dW(1);
      plain = plain && (session.value().W(1) - expected).cwiseAbs().maxCoeff() < 1e-12;
    }
    EXPECT_EQ(plain, opt["state"].empty()) << opt["name"];
    EXPECT_FALSE(opt["tex"].get<std::string>().empty()) << opt["name"];
  }
}

TEST(Catalog, OptimizerRangesAreTheValidatorsBounds) {
  for (const auto& opt : cat()["optimizers"]) {
    for (const auto& p : opt["params"]) {
      auto with = [&](double x) {
        json s = base_spec();
        s["optimizer"] = {{"type", opt["name"]}, {p["name"].get<std::string>(), x}};
        return accepts(s);
      };
      const double lo = p["min"], hi = p["max"];
      EXPECT_EQ(with(lo), !p["minExclusive"].get<bool>()) << opt["name"] << "." << p["name"];
      EXPECT_EQ(with(hi), !p["maxExclusive"].get<bool>()) << opt["name"] << "." << p["name"];
      EXPECT_FALSE(with(hi * 1.5 + 1)) << opt["name"] << "." << p["name"];
      EXPECT_TRUE(with(p["default"])) << opt["name"] << "." << p["name"];
    }
  }
}

TEST(Catalog, DatasetsAndFeaturesAreAccepted) {
  const json cat = bpx::catalog();
  for (const auto& d : cat["datasets"]) {
    const bool regression = d["kind"] == "regression";
    const int max_classes = d["classes"][1];
    json s = base_spec();
    s["data"] = {{"dataset", d["name"]}, {"classes", max_classes}};
    if (max_classes > 2) {
      s["layers"] = {2, 3, max_classes};
      s["activations"][1] = "softmax";
      s["loss"] = "cross_entropy";
    }
    EXPECT_TRUE(accepts(s)) << d["name"];
    s["data"]["classes"] = max_classes + 1;
    EXPECT_FALSE(accepts(s)) << d["name"] << " with one class too many";
    EXPECT_EQ(regression, bpx::is_regression_dataset(d["name"]));
  }
  json features = json::array();
  for (const auto& f : cat["features"]) features.push_back(f["name"]);
  json s = base_spec();
  s["layers"] = {static_cast<int>(features.size()), 2, 1};
  s["data"] = {{"dataset", "circle"}, {"features", features}};
  EXPECT_TRUE(accepts(s));
  EXPECT_EQ(cat["limits"]["maxFeatures"].get<size_t>(), features.size());
}

TEST(Catalog, PhasesOfATwoLayerNetwork) {
  // By hand: forward 1, forward 2, loss, backward 2, backward 1, update.
  const json p = bpx::phase_list(2);
  ASSERT_EQ(p.size(), 6u);
  const char* kinds[] = {"forward", "forward", "loss", "backward", "backward", "update"};
  const int layers[] = {1, 2, 0, 2, 1, 0};
  const char* labels[] = {"Forward 1", "Forward 2", "Loss", "Backward 2", "Backward 1", "Update"};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(p[i]["kind"], kinds[i]);
    EXPECT_EQ(p[i]["layer"], layers[i]);
    EXPECT_EQ(p[i]["label"], labels[i]);
  }
}

TEST(Softplus, KnownValuesAndDerivative) {
  using bpx::Activation;
  // softplus(0) = log 2; softplus'(0) = sigma(0) = 1/2.
  EXPECT_NEAR(bpx::activate_scalar(Activation::Softplus, 0.0), std::log(2.0), 1e-16);
  // softplus(1) = log(1 + e) = 1.3132616875182228...
  EXPECT_NEAR(bpx::activate_scalar(Activation::Softplus, 1.0), 1.3132616875182228, 1e-15);
  // softplus(-1) = log(1 + 1/e) = 0.31326168751822286...
  EXPECT_NEAR(bpx::activate_scalar(Activation::Softplus, -1.0), 0.31326168751822286, 1e-15);
  // Large |z|: softplus(z) -> z and -> e^z, with no overflow.
  EXPECT_EQ(bpx::activate_scalar(Activation::Softplus, 1000.0), 1000.0);
  EXPECT_EQ(bpx::activate_scalar(Activation::Softplus, -1000.0), 0.0);
  // log(1 + x) = x - x^2/2 + ...: at z = -30 the second term (4.4e-27) still shows.
  EXPECT_NEAR(bpx::activate_scalar(Activation::Softplus, -30.0),
              std::exp(-30.0) - std::exp(-60.0) / 2, 1e-28);
  for (double z : {-3.0, -0.5, 0.0, 0.7, 4.0}) {
    const double a = bpx::activate_scalar(Activation::Softplus, z);
    const double h = 1e-6;
    const double fd = (bpx::activate_scalar(Activation::Softplus, z + h) -
                       bpx::activate_scalar(Activation::Softplus, z - h)) /
                      (2 * h);
    EXPECT_NEAR(bpx::activation_prime_scalar(Activation::Softplus, z, a), fd, 1e-9) << z;
  }
}

}  // namespace

TEST(Catalog, TrainDefaultsIsACompleteSpecTheValidatorAccepts) {
  // The page takes every default of its settings from here, so every field is written out.
  const json& d = cat()["trainDefaults"];
  for (const char* k :
       {"layers", "activations", "loss", "optimizer", "batch_size", "seed", "init", "data"})
    EXPECT_TRUE(d.contains(k)) << k;
  for (const char* k : {"type", "learning_rate", "weight_decay"})
    EXPECT_TRUE(d["optimizer"].contains(k)) << k;
  for (const char* k : {"scheme", "seed"}) EXPECT_TRUE(d["init"].contains(k)) << k;
  for (const char* k :
       {"dataset", "points", "noise", "train_fraction", "seed", "classes", "features"})
    EXPECT_TRUE(d["data"].contains(k)) << k;
  auto s = bpx::Session::create(d.dump());
  ASSERT_TRUE(s.ok()) << s.error().text();
  // By hand: 500 points, half of them for training; batches of 10 give 25 steps an epoch.
  EXPECT_EQ(s.value().data().X_train.cols(), 250);
  EXPECT_EQ(s.value().data().X_test.cols(), 250);
  EXPECT_EQ(s.value().batch_size(), 10);
  EXPECT_EQ(s.value().L(), 3);
}
