// Data-driven deadline tests: runs every `tests/cases/**/*.cases` file (format described in
// tests/cases/README.md) against the calendar and deadline engine. Each case is its own test,
// named after its file and position; a malformed case fails loudly, it is never skipped.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadline.h"
#include "core/domain.h"
#include "core/duration.h"
#include "core/instant.h"
#include "core/policy.h"

namespace caredesk::core {
namespace {

namespace fs = std::filesystem;

const fs::path& CasesDir() {
  static const fs::path dir = fs::path(CAREDESK_SOURCE_DIR) / "tests" / "cases";
  return dir;
}

enum class Check { kDeadline, kTier, kAbsent, kStrictest, kNext };

// One `expect...:` line. Optional fields are only checked when given.
struct Expectation {
  Check check = Check::kDeadline;
  int line = 0;
  std::string text;                       // the line as written, for messages
  std::string standard_id;                // empty for "none" (strictest / next)
  int tier = 0;                           // 1-based, expect-tier only
  Milestone event = Milestone::kReplied;  // expect-strictest only
  std::optional<std::string> due;         // an instant as the zone shows it, or "null"
  std::optional<std::string> start;
  std::optional<std::string> status;
  std::optional<std::string> extended;  // yes | no
  std::optional<std::string> met;       // yes | no | null
};

struct DeadlineCase {
  std::string file;  // relative to tests/cases
  int line = 0;      // of the `case:` line
  int index = 0;     // 1-based within the file
  std::string name;  // the test's name
  std::string title;
  std::string error;  // non-empty: the case is malformed
  std::string policy;
  Instant received;
  // A `within:` case.
  std::optional<Duration> within;
  std::string due;
  // A whole-policy case.
  CaseFacts facts;
  std::optional<Instant> now;
  std::vector<Expectation> expectations;
};

void PrintTo(const DeadlineCase& c, std::ostream* os) { *os << c.file << ":" << c.line; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

// Drops a trailing comment: a `#` preceded by a space or tab.
std::string_view StripComment(std::string_view line) {
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
  }
  return line;
}

std::string Sanitise(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += ok ? c : '_';
  }
  return out;
}

bool IsStatusName(std::string_view text) {
  static constexpr std::string_view kNames[] = {"pending",  "due_soon", "met",
                                                "breached", "paused",   "not_applicable"};
  return std::find(std::begin(kNames), std::end(kNames), text) != std::end(kNames);
}

bool IsStandardId(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Parses one block's lines into `c`; returns the first problem, or an empty string.
class BlockParser {
 public:
  explicit BlockParser(DeadlineCase& c) : c_(c) {}

  std::string Line(int line_no, std::string_view key, std::string_view value) {
    line_ = line_no;
    std::string k(key);
    static const std::set<std::string> kSingle = {"policy", "received", "within",    "due",
                                                  "kind",   "channel",  "anonymous", "now"};
    if (kSingle.contains(k) && !seen_.insert(k).second) return Bad("\"" + k + "\" given twice");
    if (k == "case") return Bad("\"case:\" inside a case (separate cases with a blank line)");
    if (k == "policy") {
      if (!IsStandardId(value)) return Bad("policy name must be lower-case letters, digits, -");
      c_.policy = std::string(value);
      return {};
    }
    if (k == "received") return ReadInstant(value, c_.received);
    if (k == "within") {
      auto duration = ParseDuration(value);
      if (!duration) return Bad(duration.error().message);
      c_.within = *duration;
      return {};
    }
    if (k == "due") {
      if (auto problem = CheckInstantText(value); !problem.empty()) return problem;
      c_.due = std::string(value);
      return {};
    }
    whole_policy_ = true;
    if (k == "kind") {
      auto kind = ParseKind(value);
      if (!kind) return Bad("unknown kind \"" + std::string(value) + "\"");
      c_.facts.kind = *kind;
      return {};
    }
    if (k == "channel") {
      auto channel = ParseChannel(value);
      if (!channel) return Bad("unknown channel \"" + std::string(value) + "\"");
      c_.facts.channel = *channel;
      return {};
    }
    if (k == "anonymous") {
      if (value != "yes" && value != "no") return Bad("anonymous must be yes or no");
      c_.facts.anonymous = value == "yes";
      return {};
    }
    if (k == "now") {
      Instant now;
      if (auto problem = ReadInstant(value, now); !problem.empty()) return problem;
      c_.now = now;
      return {};
    }
    if (k == "paused") return ReadPause(value);
    if (k == "extended") return ReadExtension(value);
    if (auto milestone = ParseMilestone(k)) {
      if (*milestone == Milestone::kReceived) return Bad("unexpected milestone");
      Instant at;
      if (auto problem = ReadInstant(value, at); !problem.empty()) return problem;
      c_.facts.milestones.push_back({*milestone, at});
      return {};
    }
    if (k == "expect") return ReadExpect(value, Check::kDeadline);
    if (k == "expect-tier") return ReadExpect(value, Check::kTier);
    if (k == "expect-absent") return ReadExpect(value, Check::kAbsent);
    if (k == "expect-strictest") return ReadExpect(value, Check::kStrictest);
    if (k == "expect-next") return ReadExpect(value, Check::kNext);
    return Bad("unknown key \"" + k + "\"");
  }

  // Checks the block as a whole once all its lines are read.
  std::string Finish() {
    line_ = c_.line;
    if (c_.title.empty()) return Bad("the case has no title");
    if (c_.policy.empty()) return Bad("no \"policy:\"");
    if (!seen_.contains("received")) return Bad("no \"received:\"");
    if (c_.within) {
      if (whole_policy_) return Bad("a \"within:\" case takes only policy, received and due");
      if (c_.due.empty()) return Bad("a \"within:\" case needs \"due:\"");
      return {};
    }
    if (!c_.due.empty()) return Bad("\"due:\" needs \"within:\" (or use \"expect:\")");
    c_.facts.received = c_.received;
    if (!seen_.contains("kind")) return Bad("a whole-policy case needs \"kind:\"");
    if (!seen_.contains("channel")) return Bad("a whole-policy case needs \"channel:\"");
    if (!c_.now) return Bad("a whole-policy case needs \"now:\"");
    if (c_.expectations.empty()) return Bad("a whole-policy case needs at least one expect line");
    return {};
  }

 private:
  std::string Bad(std::string_view why) const {
    return c_.file + ":" + std::to_string(line_) + ": " + std::string(why);
  }

  std::string ReadInstant(std::string_view text, Instant& out) const {
    auto instant = ParseInstant(Trim(text));
    if (!instant) return Bad(instant.error().message);
    out = *instant;
    return {};
  }

  std::string CheckInstantText(std::string_view text) const {
    Instant ignored;
    return ReadInstant(text, ignored);
  }

  std::string ReadPause(std::string_view value) {
    auto dots = value.find("..");
    if (dots == std::string_view::npos) return Bad("a pause is \"FROM .. UNTIL\" or \"FROM ..\"");
    Pause pause;
    if (auto problem = ReadInstant(value.substr(0, dots), pause.from); !problem.empty()) {
      return problem;
    }
    std::string_view until = Trim(value.substr(dots + 2));
    if (!until.empty()) {
      Instant end;
      if (auto problem = ReadInstant(until, end); !problem.empty()) return problem;
      pause.until = end;
    }
    c_.facts.pauses.push_back(pause);
    return {};
  }

  std::string ReadExtension(std::string_view value) {
    auto words = Words(value);
    if (words.size() != 5 || words[1] != "to" || words[3] != "at") {
      return Bad("an extension is \"STANDARD-ID|all to NEW-DUE at WHEN\"");
    }
    Extension extension;
    if (words[0] != "all") {
      if (!IsStandardId(words[0])) return Bad("bad standard id \"" + words[0] + "\"");
      extension.standard_id = words[0];
    }
    if (auto problem = ReadInstant(words[2], extension.new_due); !problem.empty()) return problem;
    if (auto problem = ReadInstant(words[4], extension.at); !problem.empty()) return problem;
    c_.facts.extensions.push_back(extension);
    return {};
  }

  std::string ReadExpect(std::string_view value, Check check) {
    Expectation e;
    e.check = check;
    e.line = line_;
    e.text = std::string(value);
    auto words = Words(value);
    std::size_t i = 0;
    auto next = [&]() -> std::optional<std::string> {
      if (i >= words.size()) return std::nullopt;
      return words[i++];
    };
    if (check == Check::kStrictest) {
      auto event = next();
      auto milestone = event ? ParseMilestone(*event) : std::nullopt;
      if (!milestone) return Bad("expect-strictest starts with an event, e.g. \"replied\"");
      e.event = *milestone;
    }
    auto id = next();
    if (!id) return Bad("expected a standard id");
    bool none_allowed = check == Check::kStrictest || check == Check::kNext;
    if (*id == "none" && none_allowed) {
      if (i != words.size()) return Bad("nothing may follow \"none\"");
      c_.expectations.push_back(e);
      return {};
    }
    if (!IsStandardId(*id)) return Bad("bad standard id \"" + *id + "\"");
    e.standard_id = *id;
    if (check == Check::kAbsent) {
      if (i != words.size()) return Bad("expect-absent takes only a standard id");
      c_.expectations.push_back(e);
      return {};
    }
    if (check == Check::kTier) {
      auto tier = next();
      if (!tier || tier->empty() || tier->size() > 2 ||
          !std::all_of(tier->begin(), tier->end(), [](char c) { return c >= '0' && c <= '9'; }) ||
          std::stoi(*tier) < 1) {
        return Bad("expect-tier: ID TIER (a tier number from 1) ...");
      }
      e.tier = std::stoi(*tier);
    }
    bool any = false;
    while (auto field = next()) {
      auto arg = next();
      if (!arg) return Bad("\"" + *field + "\" needs a value");
      any = true;
      if (*field == "due") {
        if (*arg != "null") {
          if (auto problem = CheckInstantText(*arg); !problem.empty()) return problem;
        }
        e.due = *arg;
      } else if (*field == "start" && check == Check::kDeadline) {
        if (*arg != "null") {
          if (auto problem = CheckInstantText(*arg); !problem.empty()) return problem;
        }
        e.start = *arg;
      } else if (*field == "status" && check == Check::kDeadline) {
        if (!IsStatusName(*arg)) return Bad("unknown status \"" + *arg + "\"");
        e.status = *arg;
      } else if (*field == "extended" && check == Check::kDeadline) {
        if (*arg != "yes" && *arg != "no") return Bad("extended must be yes or no");
        e.extended = *arg;
      } else if (*field == "met" && check == Check::kTier) {
        if (*arg != "yes" && *arg != "no" && *arg != "null") {
          return Bad("met must be yes, no or null");
        }
        e.met = *arg;
      } else {
        return Bad("unexpected \"" + *field + "\" in this expect line");
      }
    }
    if (!any && check != Check::kStrictest && check != Check::kNext) {
      return Bad("an expect line must check something (due, status, ...)");
    }
    c_.expectations.push_back(e);
    return {};
  }

  DeadlineCase& c_;
  int line_ = 0;
  bool whole_policy_ = false;
  std::set<std::string> seen_;
};

void ParseCaseFile(const fs::path& path, std::vector<DeadlineCase>& out) {
  std::string relative = fs::relative(path, CasesDir()).generic_string();
  std::string stem = relative.substr(0, relative.size() - std::string_view(".cases").size());
  std::ifstream in(path);
  if (!in) {
    DeadlineCase broken;
    broken.file = relative;
    broken.name = Sanitise(stem) + "_unreadable";
    broken.error = relative + ": cannot be read";
    out.push_back(broken);
    return;
  }
  int index = 0;
  std::optional<DeadlineCase> current;
  std::optional<BlockParser> parser;
  auto finish = [&] {
    if (!current) return;
    if (current->error.empty()) current->error = parser->Finish();
    out.push_back(*current);
    current.reset();
    parser.reset();
  };
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string_view line = Trim(raw);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.front() == '#') continue;
    line = Trim(StripComment(line));
    auto colon = line.find(':');
    std::string_view key = colon == std::string_view::npos ? line : Trim(line.substr(0, colon));
    std::string_view value = colon == std::string_view::npos ? "" : Trim(line.substr(colon + 1));
    if (!current) {
      current.emplace();
      current->file = relative;
      current->line = line_no;
      current->index = ++index;
      char number[16];
      std::snprintf(number, sizeof number, "%03d", index);
      current->name = Sanitise(stem) + "_" + number;
      parser.emplace(*current);
      if (colon == std::string_view::npos || key != "case") {
        current->error =
            relative + ":" + std::to_string(line_no) + ": a case must start with \"case: TITLE\"";
      } else {
        current->title = std::string(value);
      }
      continue;
    }
    if (!current->error.empty()) continue;
    if (colon == std::string_view::npos) {
      current->error = relative + ":" + std::to_string(line_no) + ": expected \"key: value\"";
      continue;
    }
    current->error = parser->Line(line_no, key, value);
  }
  finish();
  if (index == 0) {
    DeadlineCase broken;
    broken.file = relative;
    broken.name = Sanitise(stem) + "_empty";
    broken.error = relative + ": holds no cases";
    out.push_back(broken);
  }
}

// Every case of every file, in file-name order; loaded once.
const std::vector<DeadlineCase>& AllCases() {
  static const std::vector<DeadlineCase> cases = [] {
    std::vector<DeadlineCase> all;
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(CasesDir(), ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".cases") files.push_back(it->path());
    }
    if (ec) {
      DeadlineCase broken;
      broken.file = CasesDir().string();
      broken.name = "cases_directory";
      broken.error = CasesDir().string() + ": " + ec.message();
      all.push_back(broken);
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) ParseCaseFile(file, all);
    return all;
  }();
  return cases;
}

// Loads tests/cases/policies/NAME.toml once; an error message when it does not parse.
tl::expected<std::shared_ptr<const Policy>, std::string> LoadPolicy(const std::string& name) {
  static std::map<std::string, tl::expected<std::shared_ptr<const Policy>, std::string>> cache;
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  fs::path path = CasesDir() / "policies" / (name + ".toml");
  std::ifstream in(path, std::ios::binary);
  tl::expected<std::shared_ptr<const Policy>, std::string> result;
  if (!in) {
    result = tl::make_unexpected("policy file " + path.string() + " cannot be read");
  } else {
    std::ostringstream text;
    text << in.rdbuf();
    auto policy = ParsePolicy(text.str());
    if (policy) {
      result = std::make_shared<const Policy>(std::move(*policy));
    } else {
      std::string message = "policy " + path.string() + " is refused:";
      for (const auto& problem : policy.error()) {
        message += "\n  line " + std::to_string(problem.line) + ": " + problem.reason;
      }
      result = tl::make_unexpected(message);
    }
  }
  cache.emplace(name, result);
  return result;
}

std::string Where(const DeadlineCase& c) {
  return c.file + ":" + std::to_string(c.line) + ": case \"" + c.title + "\" (policy " + c.policy +
         ")\n";
}

std::string ShowDue(const std::optional<Instant>& due, const date::time_zone& zone) {
  return due ? FormatInstant(*due, zone) : "null";
}

std::string ShowMet(const std::optional<bool>& met) { return met ? (*met ? "yes" : "no") : "null"; }

std::string Summary(const std::vector<Deadline>& deadlines, const date::time_zone& zone) {
  std::string out;
  for (const auto& d : deadlines) {
    out += "    " + d.standard_id + " due " + ShowDue(d.due, zone) + " status " +
           std::string(ToString(d.status)) + (d.extended ? " extended" : "") + "\n";
  }
  return out.empty() ? "    (no deadlines)\n" : out;
}

class DeadlineCaseTest : public testing::TestWithParam<DeadlineCase> {};

TEST_P(DeadlineCaseTest, Holds) {
  const DeadlineCase& c = GetParam();
  ASSERT_TRUE(c.error.empty()) << "malformed case file: " << c.error;
  auto loaded = LoadPolicy(c.policy);
  ASSERT_TRUE(loaded.has_value()) << Where(c) << loaded.error();
  const Policy& policy = **loaded;
  const date::time_zone& zone = policy.calendar->zone();

  if (c.within) {
    auto due = DueAfter(*policy.calendar, c.received, *c.within);
    ASSERT_TRUE(due.has_value()) << Where(c) << "DueAfter failed: " << due.error().message;
    EXPECT_EQ(FormatInstant(*due, zone), c.due)
        << Where(c) << "  received " << FormatInstant(c.received, zone) << ", within "
        << ToString(*c.within) << "\n  expected due " << c.due << "\n  actual due   "
        << FormatInstant(*due, zone);
    return;
  }

  auto deadlines = policy.Deadlines(c.facts, *c.now);
  ASSERT_TRUE(deadlines.has_value())
      << Where(c) << "Deadlines failed: " << deadlines.error().message;
  const std::string all =
      "  all deadlines at now " + FormatInstant(*c.now, zone) + ":\n" + Summary(*deadlines, zone);
  auto find = [&](const std::string& id) -> const Deadline* {
    for (const auto& d : *deadlines) {
      if (d.standard_id == id) return &d;
    }
    return nullptr;
  };
  for (const Expectation& e : c.expectations) {
    const std::string where = Where(c) + "  line " + std::to_string(e.line) + ": " + e.text + "\n";
    switch (e.check) {
      case Check::kAbsent:
        EXPECT_EQ(find(e.standard_id), nullptr) << where << "  expected the standard not to apply\n"
                                                << all;
        break;
      case Check::kDeadline: {
        const Deadline* d = find(e.standard_id);
        if (d == nullptr) {
          ADD_FAILURE() << where << "  the standard does not apply to the case\n" << all;
          break;
        }
        if (e.due) {
          EXPECT_EQ(ShowDue(d->due, zone), *e.due)
              << where << "  expected due " << *e.due << "\n  actual due   "
              << ShowDue(d->due, zone) << "\n"
              << all;
        }
        if (e.start) {
          EXPECT_EQ(ShowDue(d->start, zone), *e.start)
              << where << "  expected start " << *e.start << "\n  actual start   "
              << ShowDue(d->start, zone) << "\n"
              << all;
        }
        if (e.status) {
          EXPECT_EQ(std::string(ToString(d->status)), *e.status)
              << where << "  expected status " << *e.status << "\n  actual status   "
              << ToString(d->status) << "\n"
              << all;
        }
        if (e.extended) {
          EXPECT_EQ(d->extended ? "yes" : "no", *e.extended)
              << where << "  expected extended " << *e.extended << "\n"
              << all;
        }
        break;
      }
      case Check::kTier: {
        const Deadline* d = find(e.standard_id);
        if (d == nullptr) {
          ADD_FAILURE() << where << "  the standard does not apply to the case\n" << all;
          break;
        }
        if (e.tier > static_cast<int>(d->tiers.size())) {
          ADD_FAILURE() << where << "  the deadline has only " << d->tiers.size() << " tiers";
          break;
        }
        const TierDeadline& t = d->tiers[e.tier - 1];
        if (e.due) {
          EXPECT_EQ(ShowDue(t.due, zone), *e.due)
              << where << "  expected tier due " << *e.due << "\n  actual tier due   "
              << ShowDue(t.due, zone);
        }
        if (e.met) {
          EXPECT_EQ(ShowMet(t.met), *e.met) << where << "  expected tier met " << *e.met
                                            << "\n  actual tier met   " << ShowMet(t.met);
        }
        break;
      }
      case Check::kStrictest:
      case Check::kNext: {
        auto got =
            e.check == Check::kStrictest ? Strictest(*deadlines, e.event) : NextDue(*deadlines);
        std::string actual =
            got ? got->standard_id + " due " + ShowDue(got->due, zone) : std::string("none");
        std::string expected = e.standard_id.empty() ? "none" : e.standard_id;
        if (!e.standard_id.empty()) {
          expected += " due " + (e.due ? *e.due : (got ? ShowDue(got->due, zone) : "?"));
        }
        EXPECT_EQ(actual, expected)
            << where << "  expected " << expected << "\n  actual   " << actual << "\n"
            << all;
        break;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, DeadlineCaseTest, testing::ValuesIn(AllCases()),
                         [](const testing::TestParamInfo<DeadlineCase>& info) {
                           return info.param.name;
                         });

TEST(DeadlineCaseFiles, HoldAtLeastSixtyCases) {
  EXPECT_GE(AllCases().size(), 60u) << "tests/cases should hold at least 60 deadline cases";
}

TEST(DeadlineCaseFiles, AreAllWellFormed) {
  std::string problems;
  for (const auto& c : AllCases()) {
    if (!c.error.empty()) problems += "  " + c.error + "\n";
  }
  EXPECT_TRUE(problems.empty()) << "malformed case files:\n" << problems;
}

}  // namespace
}  // namespace caredesk::core
