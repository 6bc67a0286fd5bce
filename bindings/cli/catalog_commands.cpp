#include "bindings/cli/catalog_commands.hpp"

#include <iostream>

#include "core/catalog.hpp"

namespace bpx::cli {
namespace {

int run_catalog(const Args& a) {
  nlohmann::json out = bpx::catalog();
  long layers = 0;
  std::string error;
  if (has_option(a, "--layers")) {
    if (!int_option(a, "--layers", 1, bpx::kMaxLayers, 1, layers, error)) return fail(error);
    out["phases"] = bpx::phase_list(static_cast<int>(layers));
  }
  std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> catalog_commands() {
  return {{"catalog",
           R"(  bpx catalog [--layers L]
      The engine's catalogue as JSON: activations, losses, optimizers with their
      parameters and ranges, init schemes, data sets, features and limits (with
      --layers, also the phases of a network with L layers after the input).
)",
           {{"--layers", true}},
           0,
           run_catalog}};
}

}  // namespace bpx::cli
