#include "core/practice_quantity.hpp"

#include <cctype>

namespace bpx {

std::string quantity_symbol(QuantityKind k) {
  switch (k) {
    case QuantityKind::Z:
      return "Z";
    case QuantityKind::A:
      return "A";
    case QuantityKind::Loss:
      return "loss";
    case QuantityKind::dA:
      return "dA";
    case QuantityKind::dZ:
      return "dZ";
    case QuantityKind::dW:
      return "dW";
    case QuantityKind::db:
      return "db";
    case QuantityKind::W:
      return "W";
    case QuantityKind::b:
      return "b";
  }
  return "?";
}

std::string QuantityRef::name() const {
  if (kind == QuantityKind::Loss) return "loss";
  return quantity_symbol(kind) + "[" + std::to_string(layer) + "]";
}

std::string QuantityRef::entry() const {
  if (kind == QuantityKind::Loss) return "loss";
  return name() + "(" + std::to_string(row) + "," + std::to_string(col) + ")";
}

Result<QuantityRef> parse_quantity(const std::string& text) {
  std::string t;
  for (char c : text)
    if (c != ' ') t += c;
  const Error bad{"quantity",
                  "expected Z[l], A[l], loss, dA[l], dZ[l], dW[l], db[l], W[l] or b[l]; got \"" +
                      text.substr(0, 40) + "\""};
  QuantityRef q;
  if (t == "loss" || t == "L") {
    q.kind = QuantityKind::Loss;
    return q;
  }
  const size_t open = t.find('[');
  if (open == std::string::npos || t.size() < open + 3 || t.back() != ']') return bad;
  const std::string sym = t.substr(0, open), num = t.substr(open + 1, t.size() - open - 2);
  bool found = false;
  for (QuantityKind k : {QuantityKind::Z, QuantityKind::A, QuantityKind::dA, QuantityKind::dZ,
                         QuantityKind::dW, QuantityKind::db, QuantityKind::W, QuantityKind::b}) {
    if (sym == quantity_symbol(k)) {
      q.kind = k;
      found = true;
    }
  }
  if (!found || num.empty() || num.size() > 2) return bad;
  for (char c : num)
    if (!std::isdigit(static_cast<unsigned char>(c))) return bad;
  q.layer = std::stoi(num);
  return q;
}

std::optional<Error> check_quantity(const Session& s, const QuantityRef& q) {
  const int L = s.L();
  if (q.kind != QuantityKind::Loss) {
    const int lo = q.kind == QuantityKind::dA ? 0 : 1;
    if (q.layer < lo || q.layer > L)
      return Error{"layer", q.name() + ": the layer must be between " + std::to_string(lo) +
                                " and " + std::to_string(L)};
  }
  long rows = 1, cols = 1;
  const long m = s.batch_size();
  const int l = q.layer;
  switch (q.kind) {
    case QuantityKind::Loss:
      break;
    case QuantityKind::Z:
    case QuantityKind::A:
    case QuantityKind::dA:
    case QuantityKind::dZ:
      rows = s.spec().layers[static_cast<size_t>(l)];
      cols = m;
      break;
    case QuantityKind::dW:
    case QuantityKind::W:
      rows = s.spec().layers[static_cast<size_t>(l)];
      cols = s.spec().layers[static_cast<size_t>(l - 1)];
      break;
    case QuantityKind::db:
    case QuantityKind::b:
      rows = s.spec().layers[static_cast<size_t>(l)];
      break;
  }
  if (q.row < 0 || q.col < 0 || q.row >= rows || q.col >= cols)
    return Error{"entry", q.name() + " is " + std::to_string(rows) + " x " + std::to_string(cols) +
                              "; entry (" + std::to_string(q.row) + "," + std::to_string(q.col) +
                              ") is outside it (entries are 0-based row,column)"};
  return std::nullopt;
}

int producing_phase(const Session& s, const QuantityRef& q) {
  const int L = s.L();
  switch (q.kind) {
    case QuantityKind::Z:
    case QuantityKind::A:
      return q.layer - 1;
    case QuantityKind::Loss:
      return L;
    case QuantityKind::dA:
      return q.layer == L ? L : 2 * L + 1 - (q.layer + 1);
    case QuantityKind::dZ:
    case QuantityKind::dW:
    case QuantityKind::db:
      return 2 * L + 1 - q.layer;
    case QuantityKind::W:
    case QuantityKind::b:
      return 2 * L + 1;
  }
  return 0;
}

std::vector<QuantityRef> phase_quantities(const Session& s, int index) {
  const Phase p = s.phase_at(index);
  const int L = s.L();
  auto q = [](QuantityKind k, int l) {
    QuantityRef r;
    r.kind = k;
    r.layer = l;
    return r;
  };
  switch (p.kind) {
    case Phase::Forward:
      return {q(QuantityKind::Z, p.layer), q(QuantityKind::A, p.layer)};
    case Phase::Loss:
      return {q(QuantityKind::Loss, 0), q(QuantityKind::dA, L)};
    case Phase::Backward: {
      std::vector<QuantityRef> out = {q(QuantityKind::dZ, p.layer), q(QuantityKind::dW, p.layer),
                                      q(QuantityKind::db, p.layer)};
      if (p.layer > 1) out.push_back(q(QuantityKind::dA, p.layer - 1));
      return out;
    }
    case Phase::Update: {
      std::vector<QuantityRef> out;
      for (int l = 1; l <= L; ++l) {
        out.push_back(q(QuantityKind::W, l));
        if (s.spec().update_biases) out.push_back(q(QuantityKind::b, l));
      }
      return out;
    }
  }
  return {};
}

Matrix quantity_matrix(const Session& s, const QuantityRef& q) {
  const int l = q.layer;
  switch (q.kind) {
    case QuantityKind::Z:
      return s.Z(l);
    case QuantityKind::A:
      return s.A(l);
    case QuantityKind::Loss:
      return Matrix::Constant(1, 1, s.loss());
    case QuantityKind::dA:
      return s.dA(l);
    case QuantityKind::dZ:
      return s.dZ(l);
    case QuantityKind::dW:
      return s.dW(l);
    case QuantityKind::db:
      return s.db(l);
    case QuantityKind::W:
      return s.W(l);
    case QuantityKind::b:
      return s.b(l);
  }
  return Matrix();
}

PracticeFrames practice_frames(const Session& s, const QuantityRef& q) {
  Session before = s;
  const int target = producing_phase(s, q);
  while (before.cursor() != target) before.next_phase();
  Session after = before;
  after.next_phase();
  return {std::move(before), std::move(after)};
}

PracticeFrames practice_frames_at_step(const Session& fresh, const QuantityRef& q, long step) {
  Session s = fresh;
  s.set_history_limit(0);
  if (step > 1) s.train(step - 1);
  return practice_frames(s, q);
}

}  // namespace bpx
