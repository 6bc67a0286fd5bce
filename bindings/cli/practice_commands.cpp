// bpx check and bpx worksheet: the core's practice checks and seeded worksheets for teachers.
#include "bindings/cli/practice_commands.hpp"

#include <iostream>
#include <string>

#include "core/practice_check.hpp"
#include "core/practice_exercise.hpp"
#include "core/practice_worksheet.hpp"

namespace bpx::cli {
namespace {

// "ROW,COL" (0-based); a bare "ROW" means column 0.
bool parse_entry(const std::string& text, int& row, int& col, std::string& error) {
  const auto comma = text.find(',');
  const std::string r = text.substr(0, comma),
                    c = comma == std::string::npos ? "0" : text.substr(comma + 1);
  auto whole = [](const std::string& s, int& out) {
    if (s.empty() || s.size() > 4) return false;
    for (char ch : s)
      if (ch < '0' || ch > '9') return false;
    out = std::stoi(s);
    return true;
  };
  if (!whole(r, row) || !whole(c, col)) {
    error = "--entry: expected ROW,COL (0-based integers), got \"" + text + "\"";
    return false;
  }
  return true;
}

int run_check(const Args& a) {
  if (!has_option(a, "--quantity"))
    return fail("--quantity is required, such as --quantity 'dZ[2]'");
  if (!has_option(a, "--answer")) return fail("--answer is required, such as --answer 0.8148");
  auto q = bpx::parse_quantity(option(a, "--quantity", ""));
  if (!q) return fail("--quantity: " + q.error().message);
  std::string error;
  if (has_option(a, "--entry") &&
      !parse_entry(option(a, "--entry", ""), q.value().row, q.value().col, error))
    return fail(error);
  long step = 1;
  if (!int_option(a, "--step", 1, 100000, 1, step, error)) return fail(error);
  std::string text;
  const std::string& path = a.positional[0];
  if (!read_text(path, text, error)) return fail(error);
  auto session = bpx::Session::create(text);
  if (!session) return fail(path + ": " + session.error().text());
  if (auto e = bpx::check_quantity(session.value(), q.value()))
    return fail((e->path == "entry" ? "--entry: " : "--quantity: ") + e->message);
  auto frames = bpx::practice_frames_at_step(session.value(), q.value(), step);
  auto r = bpx::check_answer(frames, q.value(), option(a, "--answer", ""));
  if (!r) {
    const Error& e = r.error();
    return fail((e.path == "answer" ? "--answer: " : "--entry: ") + e.message);
  }
  std::cout << bpx::check_json(r.value()) << "\n";
  return r.value().correct ? kExitOk : kExitWrong;
}

int run_worksheet(const Args& a) {
  std::string error;
  long seed = 0, count = 0;
  if (!has_option(a, "--seed")) return fail("--seed is required, such as --seed 7");
  if (!int_option(a, "--seed", 0, 2000000000L, 1, seed, error)) return fail(error);
  if (!int_option(a, "--count", 1, bpx::kMaxWorksheetExercises, 4, count, error))
    return fail(error);
  const std::string format = option(a, "--format", "md");
  if (format != "md" && format != "tex")
    return fail("--format: expected md or tex, got \"" + format + "\"");
  bpx::WorksheetOptions o;
  o.seed = static_cast<uint64_t>(seed);
  o.count = static_cast<int>(count);
  o.format = format == "md" ? bpx::WalkthroughFormat::Markdown : bpx::WalkthroughFormat::Tex;
  o.answers = has_option(a, "--answers");
  auto text = bpx::worksheet(o);
  if (!text) return fail(text.error().text());
  std::cout << text.value();
  return kExitOk;
}

int run_exercise(const Args& a) {
  std::string error;
  long seed = 0;
  if (!has_option(a, "--seed")) return fail("--seed is required, such as --seed 7");
  if (!int_option(a, "--seed", 0, 2000000000L, 1, seed, error)) return fail(error);
  std::cout << bpx::make_exercise(static_cast<uint64_t>(seed)).spec_json << "\n";
  return kExitOk;
}

}  // namespace

std::vector<Command> practice_commands() {
  return {
      {"check",
       R"(  bpx check SPEC.json --quantity Q [--entry ROW,COL] [--step N] --answer TEXT
      Checks a hand-worked value: Q is Z[l], A[l], loss, dA[l], dZ[l], dW[l], db[l],
      or W[l], b[l] after the update of step N (default 1); ROW,COL is 0-based
      (default 0,0). TEXT is a number (point or comma), a fraction or arithmetic.
      Prints {"correct", "expected", "answer", "digits", "diagnosis"} as JSON:
      correct to the digits typed, and when wrong the known mistake it reproduces.
)",
       {{"--quantity", true}, {"--entry", true}, {"--step", true}, {"--answer", true}},
       1,
       run_check},
      {"worksheet",
       R"(  bpx worksheet --seed N [--count K] [--format md|tex] [--answers]
      K (default 4, at most 50) seeded exercises with blanks; --answers adds the
      worked solution of each. Exercise k is exercise N+k-1 (bpx exercise).
)",
       {{"--seed", true}, {"--count", true}, {"--format", true}, {"--answers", false}},
       0,
       run_worksheet},
      {"exercise",
       R"(  bpx exercise --seed N
      The spec of seeded practice exercise N (a small network with friendly numbers).
)",
       {{"--seed", true}},
       0,
       run_exercise},
  };
}

}  // namespace bpx::cli
