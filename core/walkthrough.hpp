// A worked example in the style of the seed documents (forward pass, loss, backward
// pass, update, forward pass again) with the engine's exact values: what a teacher
// pastes into a handout or an answer key.
#pragma once
#include <string>

#include "core/spec.hpp"
#include "core/status.hpp"

namespace bpx {

enum class WalkthroughFormat { Markdown, Tex };

struct WalkthroughOptions {
  WalkthroughFormat format = WalkthroughFormat::Markdown;
  int digits = 6;  // significant digits shown (1..17); the values themselves are exact
};

// Runs one step of a fresh session of the spec and writes it out.
Result<std::string> walkthrough(const Spec& spec, const WalkthroughOptions& options = {});

}  // namespace bpx
