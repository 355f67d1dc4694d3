// Live updates (issue 5): a case was created or had an event appended. The store publishes a
// CaseChange once the write has committed — the SQLite store in this process, the PostgreSQL
// store through the database (NOTIFY in the write's transaction, LISTEN in every process), so
// that every caredesk process on one database hears every change — and the event stream
// (GET /api/v1/events) subscribes. No I/O here: the hub only fans a change out to this
// process's subscribers.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "core/case_event.h"
#include "core/store_records.h"

namespace caredesk::core {

// What a queue needs to know to refresh one row: which case, where it now stands and what
// happened to it.
struct CaseChange {
  std::string reference;
  CaseStatus status = CaseStatus::kOpen;
  std::optional<Instant> next_due;
  std::optional<Id> department_id;
  std::optional<Id> assignee_id;
  EventType event = EventType::kReceived;

  friend bool operator==(const CaseChange&, const CaseChange&) = default;
};

// The change left by writing an event of type `event` to the case whose projection is now
// `record`.
CaseChange ChangeOf(const CaseRecord& record, EventType event);

// The fields of a case the access rules look at to decide who may see a change
// (core::CanReadCase over the result): reference, department, assignee, status.
CaseRecord VisibilityOf(const CaseChange& change);

// Ends a subscription when destroyed (or reset); movable, not copyable.
class CaseChangeSubscription {
 public:
  CaseChangeSubscription() = default;
  explicit CaseChangeSubscription(std::function<void()> cancel) : cancel_(std::move(cancel)) {}
  CaseChangeSubscription(CaseChangeSubscription&& other) noexcept
      : cancel_(std::exchange(other.cancel_, nullptr)) {}
  CaseChangeSubscription& operator=(CaseChangeSubscription&& other) noexcept {
    if (this != &other) {
      Reset();
      cancel_ = std::exchange(other.cancel_, nullptr);
    }
    return *this;
  }
  CaseChangeSubscription(const CaseChangeSubscription&) = delete;
  CaseChangeSubscription& operator=(const CaseChangeSubscription&) = delete;
  ~CaseChangeSubscription() { Reset(); }

  // Unsubscribes now: once it returns, the subscriber is not running and will not be called.
  void Reset() {
    if (cancel_) std::exchange(cancel_, nullptr)();
  }

 private:
  std::function<void()> cancel_;
};

// Where a process hears about committed changes to cases.
class CaseChangeFeed {
 public:
  using Subscriber = std::function<void(const CaseChange&)>;
  virtual ~CaseChangeFeed() = default;
  // Calls `subscriber` with each change committed from now on until the subscription ends. It
  // runs on whichever thread published the change, so it must be quick (queue the change and
  // return) and must not subscribe or unsubscribe from inside the call.
  virtual CaseChangeSubscription Subscribe(Subscriber subscriber) = 0;
};

// The in-process fan-out: Publish calls every current subscriber in turn. Thread-safe; must
// outlive its subscriptions.
class CaseChangeHub final : public CaseChangeFeed {
 public:
  CaseChangeSubscription Subscribe(Subscriber subscriber) override;
  void Publish(const CaseChange& change);
  std::size_t SubscriberCount() const;

 private:
  mutable std::mutex mutex_;  // held while subscribers run, so Reset() waits for them
  std::map<std::uint64_t, Subscriber> subscribers_;
  std::uint64_t next_id_ = 0;
};

}  // namespace caredesk::core
