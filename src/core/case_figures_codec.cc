#include "core/case_figures_codec.h"

#include <array>
#include <charconv>

namespace caredesk::core {
namespace {

// Sections, in order, are separated by RS; a section's items by GS; an item's fields by US.
constexpr char kSection = '\x1e';
constexpr char kItem = '\x1d';
constexpr char kField = '\x1f';
constexpr int kSections = 12;

void PutNumber(std::string& out, std::int64_t value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

void PutText(std::string& out, std::string_view text) {
  for (char c : text) out.push_back(c == kSection || c == kItem || c == kField ? ' ' : c);
}

template <class Enum>
void PutEnum(std::string& out, Enum value) {
  PutNumber(out, static_cast<std::int64_t>(value));
}

void PutInstant(std::string& out, const std::optional<Instant>& at) {
  if (at) PutNumber(out, at->time_since_epoch().count());
}

void PutResponse(std::string& out, const std::optional<ResponseTime>& response) {
  if (!response) return;
  PutNumber(out, response->at.time_since_epoch().count());
  out.push_back(kField);
  PutNumber(out, response->open_seconds);
  out.push_back(kField);
  PutNumber(out, response->working_days);
}

// Writes each element of `items` with `put`, GS between them.
template <class T, class Put>
void PutItems(std::string& out, const std::vector<T>& items, Put put) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(kItem);
    put(items[i]);
  }
}

// The parts of `text` between `separator`s, without allocating: at most N, and `count` N + 1
// when there were more (never an encoding of ours). An empty text has no parts.
template <std::size_t N>
struct Parts {
  std::array<std::string_view, N> at;
  std::size_t count = 0;
  std::string_view operator[](std::size_t i) const { return at[i]; }
  std::size_t size() const { return count; }
};

template <std::size_t N>
Parts<N> Split(std::string_view text, char separator) {
  Parts<N> parts;
  if (text.empty()) return parts;
  std::size_t start = 0;
  while (true) {
    if (parts.count == N) return ++parts.count, parts;
    const std::size_t end = text.find(separator, start);
    parts.at[parts.count++] = text.substr(start, end - start);
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Calls `each(part)` for every part of `text` between `separator`s until it returns false;
// false when it did. An empty text has no parts.
template <class Each>
bool ForEachPart(std::string_view text, char separator, Each each) {
  if (text.empty()) return true;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    if (!each(text.substr(start, end - start))) return false;
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

bool ReadNumber(std::string_view text, std::int64_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

bool ReadInstant(std::string_view text, std::optional<Instant>& at) {
  if (text.empty()) return at.reset(), true;
  std::int64_t seconds = 0;
  if (!ReadNumber(text, seconds)) return false;
  at = Instant{std::chrono::seconds{seconds}};
  return true;
}

template <class Enum, std::size_t N>
bool ReadEnum(std::string_view text, const std::array<Enum, N>& all, Enum& value) {
  std::int64_t index = 0;
  if (!ReadNumber(text, index) || index < 0 || index >= static_cast<std::int64_t>(N)) return false;
  value = all[static_cast<std::size_t>(index)];
  return true;
}

bool ReadResponse(std::string_view text, std::optional<ResponseTime>& response) {
  if (text.empty()) return response.reset(), true;
  const auto fields = Split<5>(text, kField);
  std::int64_t at = 0;
  ResponseTime read;
  if (fields.size() != 3 || !ReadNumber(fields[0], at) ||
      !ReadNumber(fields[1], read.open_seconds) || !ReadNumber(fields[2], read.working_days)) {
    return false;
  }
  read.at = Instant{std::chrono::seconds{at}};
  response = read;
  return true;
}

constexpr std::array kAllPreventiveStatuses{PreventiveStatus::kPlanned, PreventiveStatus::kDone,
                                            PreventiveStatus::kVerified};
constexpr std::array kAllDeadlineStatuses{DeadlineStatus::kPending, DeadlineStatus::kDueSoon,
                                          DeadlineStatus::kMet,     DeadlineStatus::kBreached,
                                          DeadlineStatus::kPaused,  DeadlineStatus::kNotApplicable};

bool ReadOutcome(std::string_view text, OutcomeFigure& outcome) {
  const auto fields = Split<5>(text, kField);
  if (fields.size() != 2) return false;
  if (!fields[0].empty()) {
    Stage stage{};
    if (!ReadEnum(fields[0], kAllStages, stage)) return false;
    outcome.stage = stage;
  }
  return ReadEnum(fields[1], kAllOutcomes, outcome.outcome);
}

bool ReadRemedy(std::string_view text, RemedyFigure& remedy) {
  const auto fields = Split<5>(text, kField);
  if (fields.size() != 3 || !ReadEnum(fields[0], kAllRemedyTypes, remedy.type)) return false;
  if (fields[1].empty()) return true;
  Money money;
  if (!ReadNumber(fields[1], money.minor_units)) return false;
  money.currency = std::string(fields[2]);
  remedy.amount = std::move(money);
  return true;
}

bool ReadAction(std::string_view text, ActionFigure& action) {
  const auto fields = Split<5>(text, kField);
  std::optional<Instant> due;
  if (fields.size() != 3 || !ReadEnum(fields[0], kAllPreventiveStatuses, action.status) ||
      !ReadInstant(fields[1], due) || !due || !ReadInstant(fields[2], action.done_at)) {
    return false;
  }
  action.due = *due;
  return true;
}

bool ReadDeadline(std::string_view text, DeadlineFigure& deadline) {
  const auto fields = Split<5>(text, kField);
  std::int64_t standard = 0;
  std::int64_t tier = 0;
  if (fields.size() != 5 || !ReadNumber(fields[0], standard) || standard < 0 ||
      !ReadNumber(fields[1], tier) || tier < 0 || tier > 1000 ||
      !ReadEnum(fields[2], kAllDeadlineStatuses, deadline.status) ||
      !ReadInstant(fields[3], deadline.due) || !ReadInstant(fields[4], deadline.fulfilled_at)) {
    return false;
  }
  deadline.standard = static_cast<std::size_t>(standard);
  deadline.tier = static_cast<int>(tier);
  return true;
}

// Reads each GS-separated item of `text` into a new element of `items` with `read`.
template <class T, class Read>
bool ReadItems(std::string_view text, std::vector<T>& items, Read read) {
  items.clear();
  return ForEachPart(text, kItem,
                     [&](std::string_view part) { return read(part, items.emplace_back()); });
}

}  // namespace

std::string EncodeFigureDetails(const CaseFigures& f) {
  std::string out;
  out.reserve(128);
  PutNumber(out, kFiguresFormat);
  out.push_back(kSection);
  PutResponse(out, f.acknowledged);
  out.push_back(kSection);
  PutResponse(out, f.replied);
  out.push_back(kSection);
  PutNumber(out, (f.escalated ? 1 : 0) | (f.anonymous ? 2 : 0));  // flags
  out.push_back(kSection);
  if (f.kind_received) PutEnum(out, *f.kind_received);
  out.push_back(kSection);
  PutItems(out, f.extension_reasons, [&](const std::string& reason) { PutText(out, reason); });
  out.push_back(kSection);
  PutItems(out, f.outcomes, [&](const OutcomeFigure& o) {
    if (o.stage) PutEnum(out, *o.stage);
    out.push_back(kField);
    PutEnum(out, o.outcome);
  });
  out.push_back(kSection);
  PutItems(out, f.remedies, [&](const RemedyFigure& r) {
    PutEnum(out, r.type);
    out.push_back(kField);
    if (r.amount) PutNumber(out, r.amount->minor_units);
    out.push_back(kField);
    if (r.amount) PutText(out, r.amount->currency);
  });
  out.push_back(kSection);
  PutText(out, f.root_cause);
  out.push_back(kSection);
  if (f.satisfaction) PutNumber(out, *f.satisfaction);
  out.push_back(kSection);
  PutText(out, f.satisfaction_comment);
  out.push_back(kSection);
  PutItems(out, f.actions, [&](const ActionFigure& a) {
    PutEnum(out, a.status);
    out.push_back(kField);
    PutInstant(out, a.due);
    out.push_back(kField);
    PutInstant(out, a.done_at);
  });
  out.push_back(kSection);
  PutItems(out, f.deadlines, [&](const DeadlineFigure& d) {
    PutNumber(out, static_cast<std::int64_t>(d.standard));
    out.push_back(kField);
    PutNumber(out, d.tier);
    out.push_back(kField);
    PutEnum(out, d.status);
    out.push_back(kField);
    PutInstant(out, d.due);
    out.push_back(kField);
    PutInstant(out, d.fulfilled_at);
  });
  return out;
}

Result<void> DecodeFigureDetails(std::string_view details, CaseFigures& f) {
  const auto bad = [] {
    return Fail(ErrorCode::kInvalid, "not figures of this caredesk's format", "details");
  };
  const auto s = Split<kSections + 1>(details, kSection);
  std::int64_t format = 0;
  if (s.size() != kSections + 1 || !ReadNumber(s[0], format) || format != kFiguresFormat) {
    return bad();
  }
  if (!ReadResponse(s[1], f.acknowledged) || !ReadResponse(s[2], f.replied)) return bad();
  std::int64_t flags = 0;
  if (!ReadNumber(s[3], flags) || flags < 0 || flags > 3) return bad();
  f.escalated = (flags & 1) != 0;
  f.anonymous = (flags & 2) != 0;
  f.kind_received.reset();
  if (!s[4].empty()) {
    Kind kind{};
    if (!ReadEnum(s[4], kAllKinds, kind)) return bad();
    f.kind_received = kind;
  }
  f.extension_reasons.clear();
  ForEachPart(s[5], kItem, [&](std::string_view reason) {
    f.extension_reasons.emplace_back(reason);
    return true;
  });
  if (!ReadItems(s[6], f.outcomes, ReadOutcome) || !ReadItems(s[7], f.remedies, ReadRemedy)) {
    return bad();
  }
  f.root_cause.assign(s[8]);
  f.satisfaction.reset();
  if (!s[9].empty()) {
    std::int64_t score = 0;
    if (!ReadNumber(s[9], score) || score < 1 || score > 5) return bad();
    f.satisfaction = static_cast<int>(score);
  }
  f.satisfaction_comment.assign(s[10]);
  if (!ReadItems(s[11], f.actions, ReadAction) || !ReadItems(s[12], f.deadlines, ReadDeadline)) {
    return bad();
  }
  return {};
}

}  // namespace caredesk::core
