#include "core/codegen_json.hpp"

#include "core/catalog.hpp"

namespace bpx {

using json = nlohmann::ordered_json;

json code_lines_json(const std::vector<CodeLine>& lines) {
  json out = json::array();
  for (const CodeLine& l : lines) {
    out.push_back({{"text", l.text},
                   {"quantity", l.quantity},
                   {"layer", l.layer},
                   {"shape", l.shape},
                   {"notes", l.notes}});
  }
  return out;
}

Result<json> step_code_json(CodeLang lang, const Spec& spec) {
  auto created = Session::create(spec);
  if (!created) return created.error();
  Session& s = created.value();
  s.next_phase();  // draws the first batch: its size gives the shapes
  const long m = static_cast<long>(s.batch().size());
  const bool minibatch = s.batch_size() < s.data().X_train.cols();
  json out = json::array();
  for (const PhaseCode& pc : step_lines(lang, s, m, minibatch))
    out.push_back({{"phase", phase_json(pc.phase)}, {"lines", code_lines_json(pc.lines)}});
  return out;
}

}  // namespace bpx
