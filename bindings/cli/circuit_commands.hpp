// The circuit command: a program of scalar operations as a graph of gates.
#pragma once

#include <vector>

#include "bindings/cli/cli.hpp"

namespace bpx::cli {
std::vector<Command> circuit_commands();
}
