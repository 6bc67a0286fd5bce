// Runnable Python scripts of a spec: the network with its exact initial parameters and
// data, N steps written with the code view's lines, and every quantity of the trace
// printed in one machine-readable format (see codegen_common.hpp). NumPy alone, or
// PyTorch float64 through autograd and torch.optim.
#pragma once
#include <string>

#include "core/codegen_lines.hpp"
#include "core/spec.hpp"
#include "core/status.hpp"

namespace bpx {

constexpr long kMaxCodeSteps = 1000;
// Minibatch columns listed in a script (steps x batch size): bounds the script's size.
constexpr long kMaxCodeBatchColumns = 1000000;

Result<std::string> code_script(CodeLang lang, const Spec& spec, long steps);

}  // namespace bpx
