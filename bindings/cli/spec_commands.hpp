// The commands that take a network spec: trace, walkthrough, graph, train, validate.
#pragma once

#include <vector>

#include "bindings/cli/cli.hpp"

namespace bpx::cli {
std::vector<Command> spec_commands();
}
