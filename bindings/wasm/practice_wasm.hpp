// The practice entry point the session binding (session_read_wasm.cpp) forwards to: one JSON
// request in, one JSON answer (or the error text of wasm_errors.hpp) out.
#pragma once
#include <string>

#include "core/session.hpp"

namespace bpx_wasm {

// request: {"op": "check" | "derive" | "questions", "quantity": "dZ[2]", "row": 0, "col": 0,
// "answer": "0.8148", "phase": 3}. session may be null (no session loaded).
std::string practice_request(const bpx::Session* session, const std::string& request_json);

}  // namespace bpx_wasm
