#include "core/practice_diagnose.hpp"

#include <cmath>

#include "core/activation.hpp"
#include "core/practice_replay.hpp"

namespace bpx {
namespace {

bool applies_in(MistakeId id, Phase::Kind k) {
  switch (id) {
    case MistakeId::Precedence:
      return k == Phase::Forward;
    case MistakeId::Transpose:
      return k == Phase::Forward || k == Phase::Backward;
    case MistakeId::MseFactor:
    case MistakeId::Sign:
      return k == Phase::Loss;
    case MistakeId::MissingMean:
      return k == Phase::Loss || k == Phase::Backward;
    case MistakeId::UpdateSign:
    case MistakeId::LearningRate:
      return k == Phase::Update;
    case MistakeId::RoundedEarly:
      return true;
    default:
      return k == Phase::Backward;
  }
}

int variants_of(MistakeId id, const Session& s) {
  int widest = 1;
  for (int n : s.spec().layers) widest = std::max(widest, n);
  switch (id) {
    case MistakeId::MseFactor:
    case MistakeId::MissingMean:
    case MistakeId::LearningRate:
      return 2;
    case MistakeId::MissingForkSum:
    case MistakeId::BiasInput:
      return std::min(widest, 8);
    default:
      return 1;
  }
}

std::string quote(const ParsedAnswer& a, const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.front() == ' ') t.erase(t.begin());
  while (!t.empty() && t.back() == ' ') t.pop_back();
  if (!a.arithmetic) return t;
  return t + " = " + format_number(a.value, 6);
}

std::string ix(const char* sym, int l) { return std::string(sym) + "[" + std::to_string(l) + "]"; }

std::string message_for(const PracticeFrames& f, const QuantityRef& q, const Mistake& m,
                        const std::string& yours) {
  const Session& s = f.after;
  const int l = q.layer, L = s.L();
  const long mm = s.Y().cols();
  const std::string e = q.entry(), lr = format_number(s.spec().optimizer.learning_rate, 4);
  // The layer the mistake was made in, when it was made in one backward or forward box.
  int ml = l;
  if (m.phase >= 0) ml = s.phase_at(m.phase).layer;
  std::string out = "your " + yours + " ";
  switch (m.id) {
    case MistakeId::Sign:
      out += m.phase == -2 ? "has the opposite sign of " + e + "; check the sign of each factor"
                           : "is what " + e +
                                 " becomes when the gradient starts from target \u2212 prediction:"
                                 " dA[L] is A \u2212 Y, prediction minus target";
      break;
    case MistakeId::UpdateSign:
      out += "is " + std::string(q.kind == QuantityKind::b ? "b + \u03b7 db" : "W + \u03b7 dW") +
             ": the update steps against the gradient, " +
             (q.kind == QuantityKind::b ? "b \u2212 \u03b7 db" : "W \u2212 \u03b7 dW");
      break;
    case MistakeId::NoActivationDerivative: {
      out += "takes " + ix("dZ", ml) + " to be " + ix("dA", ml) +
             ": the backward box multiplies by g\u2032(" + ix("Z", ml) + ")";
      if (q.kind == QuantityKind::dZ && ml == l && !(l == L && s.fused_output()))
        out += " = " + format_number(s.gprime(l)(q.row, q.col), 4);
      out += " before it passes " + ix("dZ", ml) + " on";
      break;
    }
    case MistakeId::DerivativeAtActivation:
      out +=
          "evaluates g\u2032 at " + ix("A", ml) + " instead of at " + ix("Z", ml) +
          ": for the sigmoid g\u2032(z) = \u03c3(z)(1 \u2212 \u03c3(z)) = a(1 \u2212 a), so either "
          "write it with a, or evaluate \u03c3\u2032 at z, not \u03c3(a)(1 \u2212 \u03c3(a))";
      break;
    case MistakeId::DAForDZ:
      out += "is built from " + ix("dA", ml) + " instead of " + ix("dZ", ml) +
             ": the backward box first turns dA into dZ = dA \u2299 g\u2032(Z), and dW and db "
             "come from dZ";
      break;
    case MistakeId::MseFactor:
      out += m.variant == 0
                 ? "is twice the right value: the \u00bd of the squared error was "
                   "dropped (with loss \u00bd(\u0177 \u2212 y)\u00b2, dA = \u0177 \u2212 y)"
                 : "is half the right value: the \u00bd of the squared error was applied "
                   "twice (the \u00bd of \u00bd(\u0177 \u2212 y)\u00b2 cancels the 2 of "
                   "the derivative)";
      break;
    case MistakeId::MissingMean:
      out += m.variant == 0
                 ? "is the sum over the m = " + std::to_string(mm) + " examples of the batch; " +
                       e + " is their mean"
                 : "divides by m = " + std::to_string(mm) +
                       " twice; the mean over the batch divides once (the engine does it "
                       "in dW and db)";
      break;
    case MistakeId::Transpose:
      if (m.phase == -3)
        out += "is the entry (" + std::to_string(q.col) + "," + std::to_string(q.row) +
               ") of dW, a transposed dW: dW[l] has the shape of W[l] (row: the unit of layer l, "
               "column: its input), dW = dZ A[l\u22121]\u1d40 / m";
      else
        out +=
            "uses W where W\u1d40 belongs or the reverse: Z[l] = W[l] A[l\u22121] (a row of W "
            "holds one unit's weights) and dA[l\u22121] = W[l]\u1d40 dZ[l]";
      break;
    case MistakeId::UpdatedWeightsInBackprop:
      out += "uses " + ix("W", ml) + " after its update: " + ix("dA", ml - 1) + " = " +
             ix("W", ml) + "\u1d40 " + ix("dZ", ml) +
             " with the weights of the forward pass; the update comes "
             "after the whole backward pass";
      break;
    case MistakeId::MissingForkSum:
      out += "follows only the path through unit " + std::to_string(m.variant) + " of layer " +
             std::to_string(ml) +
             ": a unit that feeds several units gets the sum of the "
             "gradients of all paths, " +
             ix("dA", ml - 1) + " = \u03a3\u2c7c " + ix("W", ml) + "(j,\u00b7) " + ix("dZ", ml) +
             "(j,\u00b7)";
      break;
    case MistakeId::LearningRate:
      out += m.variant == 0
                 ? "leaves out the learning rate: the step is \u03b7 \u00d7 the gradient, "
                   "\u03b7 = " +
                       lr
                 : "applies the learning rate \u03b7 = " + lr + " twice";
      break;
    case MistakeId::BiasInput:
      out += "multiplies db by the input A[" + std::to_string(ml - 1) + "](" +
             std::to_string(m.variant) +
             ",\u00b7): a bias's input is 1, so db = dZ (averaged "
             "over the batch)";
      break;
    case MistakeId::Precedence:
      out +=
          "comes from 1 / 1 + exp(\u2212z) = 1 + exp(\u2212z): the sigmoid is "
          "1 / (1 + exp(\u2212z)), the sum in the denominator comes first";
      break;
    case MistakeId::RoundedEarly:
      out += "follows the right method, on intermediate values rounded to " +
             std::to_string(m.digits) + " significant digits; keep more digits until the end";
      break;
  }
  if (m.phase >= 0 && m.phase != producing_phase(f.before, q) && m.id != MistakeId::Sign &&
      m.id != MistakeId::MseFactor)
    out += " (in " + s.phase_at(m.phase).label() + ", carried on to " + e + ")";
  return out + ".";
}

bool differs(double alt, double expected) {
  return std::fabs(alt - expected) > 1e-12 * std::max(1.0, std::fabs(expected));
}

std::string unknown_message(const ParsedAnswer& a, const std::string& yours, const QuantityRef& q,
                            const Derivation& d) {
  std::string out = "not one of the known mistakes: your " + yours + " is not " + q.entry() +
                    " to the digits typed. ";
  if (a.arithmetic) {
    std::vector<bool> used(a.literals.size(), false);
    for (const auto& op : d.operands) {
      bool found = false;
      for (size_t i = 0; i < a.literals.size() && !found; ++i) {
        ParsedAnswer one;
        one.value = a.literals[i].value;
        one.last_place = a.literals[i].last_place;
        if (!used[i] && (answer_agrees(one, op.value) || answer_agrees(one, -op.value))) {
          used[i] = true;
          found = true;
        }
      }
      if (!found)
        return out + "The first number of the chain missing from your working is " + op.label +
               " = " + format_number(op.value, 4) + "; the rule: " + d.rule + ".";
    }
    return out + "Every number of the chain is in your working; check how they combine: " + d.rule +
           ".";
  }
  return out + "The rule: " + d.rule +
         ". Type your working as arithmetic (such as 0.5*0.62 + 0.05) and the check names the "
         "first number of the chain that differs.";
}

}  // namespace

Diagnosis diagnose(const PracticeFrames& f, const QuantityRef& q, const ParsedAnswer& answer,
                   const std::string& answer_text, double expected, const Derivation& d) {
  const Session& s = f.before;
  const int target = producing_phase(s, q);
  const std::string yours = quote(answer, answer_text);
  auto found = [&](const Mistake& m, double v) {
    return Diagnosis{mistake_info(m.id).key, message_for(f, q, m, yours), v, std::max(m.phase, -1)};
  };
  auto matches = [&](double v) { return differs(v, expected) && answer_agrees(answer, v); };
  // One significant digit is too coarse to tell mistakes apart: say so instead of guessing.
  if (answer.digits < kMinDiagnosisDigits && answer.arithmetic)
    return Diagnosis{"unknown", unknown_message(answer, yours, q, d), std::nan(""), -1};
  if (answer.digits < kMinDiagnosisDigits)
    return Diagnosis{"unknown",
                     "not one of the known mistakes that one digit can tell apart: your " + yours +
                         " is not " + q.entry() + "; type at least " +
                         std::to_string(kMinDiagnosisDigits) +
                         " significant digits and the check names the mistake it reproduces.",
                     std::nan(""), -1};
  for (const MistakeInfo& info : mistake_catalogue()) {
    if (info.id == MistakeId::Transpose && q.kind == QuantityKind::dW) {
      // A transposed dW, read entry by entry.
      const Matrix& dW = f.after.dW(q.layer);
      if (q.col < dW.rows() && q.row < dW.cols() && matches(dW(q.col, q.row)))
        return found(Mistake{MistakeId::Transpose, 0, 3, -3}, dW(q.col, q.row));
    }
    if (info.id == MistakeId::Sign && matches(-expected))
      return found(Mistake{MistakeId::Sign, 0, 3, -2}, -expected);
    std::vector<int> phases;
    if (applies_in(info.id, s.phase_at(target).kind)) phases.push_back(target);
    phases.push_back(-1);
    if (info.id != MistakeId::RoundedEarly)
      for (int p = 0; p < target; ++p)
        if (applies_in(info.id, s.phase_at(p).kind)) phases.push_back(p);
    const int variants = variants_of(info.id, s);
    for (int v = 0; v < variants; ++v) {
      for (int digits : {3, 2}) {
        if (info.id != MistakeId::RoundedEarly && digits == 2) continue;
        for (int p : phases) {
          Mistake m{info.id, v, digits, p};
          auto alt = replay_with_mistake(f, q, m);
          if (alt && matches(*alt)) return found(m, *alt);
        }
      }
    }
  }
  return Diagnosis{"unknown", unknown_message(answer, yours, q, d), std::nan(""), -1};
}

}  // namespace bpx
