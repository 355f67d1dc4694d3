#include "dataset.h"

#include <fmt/format.h>

#include <array>
#include <random>

#include "store/common/event_hash.h"
#include "store/common/reference.h"

namespace caredesk::bench {
namespace {

using core::Instant;
using std::chrono::hours;
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
constexpr const char* kWords[] = {"delayed", "missing", "wrong",   "unclear", "thanks",
                                  "urgent",  "again",   "charged", "waiting", "broken",
                                  "helpful", "rude",    "quick",   "address", "email",
                                  "retraso", "factura", "queja",   "gracias", "certificado"};

std::string Sentence(std::mt19937_64& random, int words) {
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (i) text += ' ';
    text += kWords[std::uniform_int_distribution<int>(0, std::size(kWords) - 1)(random)];
  }
  return text;
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
  std::vector<core::CaseHistory> cases;
  cases.reserve(static_cast<std::size_t>(count));
  const Instant start{date::sys_days{date::year{options.first_year} / 1 / 1}.time_since_epoch()};
  const std::int64_t span = 3 * 365 * 86400;
  for (std::int64_t n = first; n < first + count; ++n) {
    std::mt19937_64 random(options.seed * 1000003 + static_cast<std::uint64_t>(n));
    // Receipts increase with n (references increase with time), with jitter inside a slot.
    const std::int64_t slot = span / std::max<std::int64_t>(options.cases, 1);
    const Instant received =
        start +
        seconds{n * slot + static_cast<std::int64_t>(random() % std::max<std::int64_t>(slot, 1))};
    const auto kind = static_cast<core::Kind>(Pick(random, kKinds));
    const auto channel = static_cast<core::Channel>(Pick(random, kChannels));
    const bool anonymous = random() % 20 == 0;
    const std::string topic = kTopics[random() % std::size(kTopics)];

    core::CaseHistory history;
    auto& r = history.record;
    const int year = int(date::year_month_day{std::chrono::floor<date::days>(received)}.year());
    r.reference = store::FormatReference(year, n + 1);  // numbered through the years, unique
    r.kind = kind;
    r.channel = channel;
    if (kind == core::Kind::kComplaint) r.stage = core::Stage::kStage1;
    r.anonymous = anonymous;
    if (!anonymous) r.customer_id = 1 + static_cast<std::int64_t>(random() % customers);
    r.subject = fmt::format("{} {}", topic, Sentence(random, 2));
    r.service = topic;
    r.policy_version = options.policy_version;
    r.received_at = received;
    r.logged_at = received + seconds{random() % 600};

    const core::Actor agent{std::to_string(1 + random() % 50), "Agent", "AG"};
    core::event::Received received_payload;
    received_payload.kind = kind;
    received_payload.channel = channel;
    received_payload.anonymous = anonymous;
    received_payload.subject = r.subject;
    received_payload.body = Sentence(random, 12);
    history.events.push_back({0, 0, {received, agent, received_payload}, r.logged_at, {}, {}});
    // Cases from the last two months are often still open.
    const bool recent = received > start + seconds{span - 60 * 86400};
    const int steps = recent ? static_cast<int>(random() % 4) : 4 + static_cast<int>(random() % 3);
    Instant at = received;
    for (int step = 0; step < steps; ++step) {
      at += hours{1 + random() % 48};
      core::EventPayload payload;
      if (step == 0) {
        payload = core::event::Acknowledged{};
      } else if (step < steps - 2 || recent) {
        payload = core::event::Note{Sentence(random, 8)};
      } else if (step == steps - 2) {
        payload = core::event::Replied{Sentence(random, 6)};
      } else {
        payload = core::event::Closed{"answered", false};
      }
      history.events.push_back({0, 0, {at, agent, payload}, at, {}, {}});
    }
    const bool closed = !recent && steps >= 4;
    r.status = closed ? core::CaseStatus::kClosed : core::CaseStatus::kOpen;
    r.updated_at = at;
    if (!closed) {
      r.next_due = received + hours{24 * (1 + random() % 20)};
      r.next_standard = "reply";
      r.next_status = core::DeadlineStatus::kPending;
    }
    r.event_count = static_cast<std::int64_t>(history.events.size());
    Chain(history);
    cases.push_back(std::move(history));
  }
  return cases;
}

}  // namespace caredesk::bench
