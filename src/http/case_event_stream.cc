#include "http/case_event_stream.h"

#include <nlohmann/json.hpp>

namespace caredesk::http {

std::string CaseEventText(const core::CaseChange& change) {
  using Json = nlohmann::json;
  const auto id_or_null = [](const std::optional<core::Id>& id) {
    return id ? Json(*id) : Json(nullptr);
  };
  const Json data = {
      {"reference", change.reference},
      {"status", core::ToString(change.status)},
      {"next_due", change.next_due ? Json(core::FormatUtc(*change.next_due)) : Json(nullptr)},
      {"department_id", id_or_null(change.department_id)},
      {"assignee_id", id_or_null(change.assignee_id)},
      {"event", core::ToString(change.event)}};
  // dump() escapes control characters, so the JSON is one line, as a data: field must be.
  return "event: case\ndata: " + data.dump() + "\n\n";
}

CaseEventStream::CaseEventStream(core::CaseChangeFeed& feed, core::Principal principal,
                                 Options options)
    : principal_(std::move(principal)),
      options_(options),
      opened_(std::chrono::steady_clock::now()),
      subscription_(feed.Subscribe([this](const core::CaseChange& change) { Add(change); })) {}

CaseEventStream::~CaseEventStream() { subscription_.Reset(); }

void CaseEventStream::Add(const core::CaseChange& change) {
  if (!core::CanReadCase(principal_, core::VisibilityOf(change))) return;
  std::lock_guard lock(mutex_);
  if (overflowed_) return;
  pending_ += CaseEventText(change);
  if (pending_.size() > options_.max_pending_bytes) {
    overflowed_ = true;
    pending_.clear();
  }
  if (wake_) wake_();
}

void CaseEventStream::Attach(std::function<void()> wake) {
  std::lock_guard lock(mutex_);
  wake_ = std::move(wake);
  if (wake_ && (!pending_.empty() || overflowed_)) wake_();
}

ResponseStream::Chunk CaseEventStream::Take() {
  std::lock_guard lock(mutex_);
  Chunk chunk;
  chunk.data = std::exchange(pending_, {});
  chunk.ended = overflowed_ || std::chrono::steady_clock::now() - opened_ >= options_.max_lifetime;
  return chunk;
}

}  // namespace caredesk::http
