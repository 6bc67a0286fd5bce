#include "core/codegen_script.hpp"

#include "core/codegen_common.hpp"

namespace bpx {

Result<std::string> code_script(CodeLang lang, const Spec& spec, long steps) {
  auto run = codegen::collect_run(spec, steps);
  if (!run) return run.error();
  auto session = Session::create(spec);
  if (!session) return session.error();
  if (lang == CodeLang::Numpy) return codegen::numpy_script(spec, run.value(), session.value());
  return codegen::pytorch_script(spec, run.value(), session.value());
}

}  // namespace bpx
