#include "dataset.h"

#include <fmt/format.h>

#include <array>
#include <cstdio>
#include <random>

#include "core/case_deadlines.h"
#include "core/figures_of.h"
#include "dataset_story.h"
#include "store/common/event_hash.h"
#include "store/common/reference.h"

namespace caredesk::bench {
namespace {

using core::Instant;
using std::chrono::seconds;

struct Weighted {
  int weight;
  int value;
};

template <std::size_t N>
int Pick(std::mt19937_64& random, const std::array<Weighted, N>& choices) {
  int total = 0;
  for (const auto& c : choices) total += c.weight;
  int roll = std::uniform_int_distribution<int>(0, total - 1)(random);
  for (const auto& c : choices) {
    if ((roll -= c.weight) < 0) return c.value;
  }
  return choices.back().value;
}

constexpr std::array<Weighted, 7> kKinds = {{{30, int(core::Kind::kQuestion)},
                                             {8, int(core::Kind::kComment)},
                                             {6, int(core::Kind::kCompliment)},
                                             {22, int(core::Kind::kComplaint)},
                                             {26, int(core::Kind::kServiceRequest)},
                                             {5, int(core::Kind::kSuggestion)},
                                             {3, int(core::Kind::kAdjustmentRequest)}}};
constexpr std::array<Weighted, 8> kChannels = {{{45, int(core::Channel::kEmail)},
                                                {20, int(core::Channel::kWeb)},
                                                {18, int(core::Channel::kPhone)},
                                                {6, int(core::Channel::kPost)},
                                                {1, int(core::Channel::kFax)},
                                                {4, int(core::Channel::kInPerson)},
                                                {4, int(core::Channel::kSocial)},
                                                {2, int(core::Channel::kForum)}}};
constexpr const char* kTopics[] = {"certificate",        "invoice",       "refund",
                                   "exam booking",       "login problem", "late reply",
                                   "assessor",           "fees",          "course material",
                                   "complaint handling", "website",       "results"};
// The projection and report figures caredesk would have written with the case's last event.
void Project(core::CaseHistory& history, const core::Policy& policy,
             const std::vector<core::CaseEvent>& events) {
  auto folded = core::FoldCase(events);
  if (!folded) {
    std::fprintf(stderr, "dataset: %s: %s\n", history.record.reference.c_str(),
                 folded.error().message.c_str());
    std::abort();
  }
  const Instant written = events.back().at;
  auto deadlines = core::CaseDeadlines(policy, *folded, written);
  if (!deadlines) {
    std::fprintf(stderr, "dataset: %s: %s\n", history.record.reference.c_str(),
                 deadlines.error().message.c_str());
    std::abort();
  }
  const core::CaseState& state = folded->state;
  auto& r = history.record;
  r.kind = state.kind;
  r.channel = state.channel;
  r.stage = state.stage;
  r.status = state.status;
  r.subject = state.subject;
  r.nature = state.nature;
  r.service = state.service;
  r.updated_at = written;
  const auto next = core::NextDue(*deadlines);
  r.next_due = next ? next->due : std::nullopt;
  r.next_standard = next ? next->standard_id : "";
  r.next_status = next ? std::optional(next->status) : std::nullopt;
  r.event_count = static_cast<std::int64_t>(events.size());
  history.figures = core::FiguresOf(r, policy, events, *folded, *deadlines);
}

void Chain(core::CaseHistory& history) {
  std::string prev(store::kGenesisHash);
  for (std::size_t i = 0; i < history.events.size(); ++i) {
    auto& stored = history.events[i];
    stored.seq = static_cast<std::int64_t>(i + 1);
    stored.prev_hash = prev;
    stored.hash = store::EventHash(
        store::CanonicalEventText(history.record.reference, stored.seq, stored.event), prev);
    prev = stored.hash;
  }
}

}  // namespace

std::int64_t CustomerCount(std::int64_t cases) { return cases / 3 + 1; }

std::vector<core::CaseHistory> GenerateCases(const DatasetOptions& options, std::int64_t first,
                                             std::int64_t count, std::int64_t customers) {
  const core::Policy& policy = *options.policy;
  std::vector<core::CaseHistory> cases;
  cases.reserve(static_cast<std::size_t>(count));
  const Instant start{date::sys_days{date::year{options.first_year} / 1 / 1}.time_since_epoch()};
  const std::int64_t span = 3 * 365 * 86400;
  const Instant end = start + seconds{span};
  for (std::int64_t n = first; n < first + count; ++n) {
    std::mt19937_64 random(options.seed * 1000003 + static_cast<std::uint64_t>(n));
    // Receipts increase with n (references increase with time), with jitter inside a slot.
    const std::int64_t slot = span / std::max<std::int64_t>(options.cases, 1);
    StoryStart story;
    story.received =
        start +
        seconds{n * slot + static_cast<std::int64_t>(random() % std::max<std::int64_t>(slot, 1))};
    story.until = end;
    story.kind = static_cast<core::Kind>(Pick(random, kKinds));
    story.channel = static_cast<core::Channel>(Pick(random, kChannels));
    story.anonymous = random() % 20 == 0;
    const std::string topic = kTopics[random() % std::size(kTopics)];
    story.subject = fmt::format("{} {}", topic, random() % 1000);

    core::CaseHistory history;
    auto& r = history.record;
    const int year =
        int(date::year_month_day{std::chrono::floor<date::days>(story.received)}.year());
    r.reference = store::FormatReference(year, n + 1);  // numbered through the years, unique
    r.anonymous = story.anonymous;
    if (!story.anonymous) r.customer_id = 1 + static_cast<std::int64_t>(random() % customers);
    r.policy_version = policy.version;
    r.received_at = story.received;
    r.logged_at = story.received + seconds{random() % 600};
    const auto events = StoryOf(random, policy, story);
    for (const auto& event : events) {
      const Instant recorded = std::max(event.at, r.logged_at);
      history.events.push_back({0, 0, event, recorded, {}, {}});
    }
    Project(history, policy, events);
    Chain(history);
    cases.push_back(std::move(history));
  }
  return cases;
}

}  // namespace caredesk::bench
