// A printable worksheet of seeded exercises: each network with blanks for every quantity of
// one training step, and with answers, the worked solution (the walkthrough) as the key.
// Exercise k of seed N is exercise N + k - 1, the one the page opens with that seed.
#pragma once
#include <cstdint>
#include <string>

#include "core/status.hpp"
#include "core/walkthrough.hpp"

namespace bpx {

constexpr int kMaxWorksheetExercises = 50;

struct WorksheetOptions {
  uint64_t seed = 1;
  int count = 4;
  WalkthroughFormat format = WalkthroughFormat::Markdown;
  bool answers = false;
};

// Markdown, or a complete LaTeX document (article, amsmath) that pdflatex compiles.
Result<std::string> worksheet(const WorksheetOptions& options);

}  // namespace bpx
