// bpx code: the spec's network as NumPy or PyTorch (a runnable script, or the lines of
// each phase with shapes and slip notes).
#pragma once

#include <vector>

#include "bindings/cli/cli.hpp"

namespace bpx::cli {
std::vector<Command> code_commands();
}
