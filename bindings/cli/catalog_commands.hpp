// bpx catalog: the engine's description of itself (core/catalog.hpp) as JSON.
#pragma once

#include <vector>

#include "bindings/cli/cli.hpp"

namespace bpx::cli {
std::vector<Command> catalog_commands();
}
