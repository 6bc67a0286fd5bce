// The code view's lines as JSON, shared by `bpx code --lines` and the wasm module:
// [{"phase": {"kind", "layer", "label"}, "lines": [{"text", "quantity", "layer", "shape",
// "notes"}]}], phases as the catalogue writes them.
#pragma once
#include <nlohmann/json.hpp>

#include "core/codegen_lines.hpp"

namespace bpx {

nlohmann::ordered_json code_lines_json(const std::vector<CodeLine>& lines);

// Every phase of one step of a fresh session of the spec (the first batch's shapes).
Result<nlohmann::ordered_json> step_code_json(CodeLang lang, const Spec& spec);

}  // namespace bpx
