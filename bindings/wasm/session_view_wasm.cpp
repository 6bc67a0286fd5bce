// The step view's phase in one crossing of the JS/wasm boundary: advance() runs the next phase
// and answers with what the view draws after it (the state's JSON; W and b as they were before
// the phase when it was the update, for the view's old -> new; and, when asked, every layer's
// matrices packed into one Float64Array with their shapes). view() reads the same without
// running a phase. The order of the packed matrices is read back by engine-session.js.
#include <emscripten/val.h>

#include <vector>

#include "bindings/wasm/raw_session.hpp"
#include "bindings/wasm/wasm_errors.hpp"

using emscripten::val;

namespace bpx_wasm {

namespace {

struct Packed {
  std::vector<double> data;
  std::vector<int> shapes;

  // m rows first after data, its rows and columns after shapes.
  void add(const bpx::Matrix& m) {
    shapes.push_back(static_cast<int>(m.rows()));
    shapes.push_back(static_cast<int>(m.cols()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      for (Eigen::Index j = 0; j < m.cols(); ++j) data.push_back(m(i, j));
  }

  val done() const {
    val out = val::object();
    out.set("data", copy_out(data.data(), data.size()));
    out.set("shapes",
            val(emscripten::typed_memory_view(shapes.size(), shapes.data())).call<val>("slice"));
    return out;
  }
};

// W[1..L], then b[1..L].
val parameters(const bpx::Session& x) {
  Packed p;
  for (int l = 1; l <= x.L(); ++l) p.add(x.W(l));
  for (int l = 1; l <= x.L(); ++l) p.add(x.b(l));
  return p.done();
}

// For each layer 1..L: W, b, Z, dZ, dW, db, gprime; then A[0..L], dA[0..L], Y, losses.
val matrices(const bpx::Session& x) {
  Packed p;
  for (int l = 1; l <= x.L(); ++l) {
    for (const bpx::Matrix* m :
         {&x.W(l), &x.b(l), &x.Z(l), &x.dZ(l), &x.dW(l), &x.db(l), &x.gprime(l)})
      p.add(*m);
  }
  for (int l = 0; l <= x.L(); ++l) p.add(x.A(l));
  for (int l = 0; l <= x.L(); ++l) p.add(x.dA(l));
  p.add(x.Y());
  p.add(x.losses());
  return p.done();
}

}  // namespace

val RawSession::view() const {
  if (!session_) return val(no_session());
  val out = val::object();
  out.set("state", state());
  out.set("matrices", matrices(*session_));
  return out;
}

val RawSession::advance(bool with_matrices) {
  if (!session_) return val(no_session());
  val out = val::object();
  const bool update = session_->next_phase_kind().kind == bpx::Phase::Update;
  out.set("before", update ? parameters(*session_) : val::null());
  out.set("ran", nextPhase());
  out.set("state", state());
  out.set("matrices", with_matrices ? matrices(*session_) : val::null());
  return out;
}

}  // namespace bpx_wasm
