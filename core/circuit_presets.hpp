// The circuits the product explains, by name: the page's presets, the element's
// `preset` attribute and the CLI examples read them from here.
#pragma once
#include <string>
#include <vector>

namespace bpx::circuit {

struct CircuitPreset {
  std::string id;
  std::string title;
  std::string program;
  bool expanded = false;
  std::string compare;  // the id of a preset to show beside this one, or ""
  std::string about;    // one sentence on what to look at
};

const std::vector<CircuitPreset>& circuit_presets();

}  // namespace bpx::circuit
