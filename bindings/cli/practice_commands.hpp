// The practice commands: check (a learner's answer for one entry) and worksheet.
#pragma once

#include <vector>

#include "bindings/cli/cli.hpp"

namespace bpx::cli {
std::vector<Command> practice_commands();
}
