// The staff console's live updates (GET /api/v1/events): each change to a case committed from
// the moment the stream opens (core/case_changes.h) that the principal may see — the queue's
// rule, core::CanReadCase — as one Server-Sent Event:
//
//   event: case
//   data: {"reference":"CD-2026-000123","status":"open","next_due":"2026-05-01T16:00:00Z",
//          "department_id":2,"assignee_id":null,"event":"acknowledged"}   (on one line)
//
// Changes wait here until the server takes them. A client that reads too slowly to keep up is
// dropped (the stream ends) once max_pending_bytes wait, rather than buffered without bound;
// EventSource reconnects and the console re-reads its queue. A stream also ends after
// max_lifetime, so that the reconnection checks the session or token again.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>

#include "core/access.h"
#include "core/case_changes.h"
#include "http/response_stream.h"

namespace caredesk::http {

// One change as a Server-Sent Event: `event: case`, one `data:` line of JSON, a blank line.
std::string CaseEventText(const core::CaseChange& change);

class CaseEventStream final : public ResponseStream {
 public:
  struct Options {
    std::size_t max_pending_bytes = 64 * 1024;
    std::chrono::milliseconds heartbeat{std::chrono::seconds(15)};
    std::chrono::milliseconds max_lifetime{std::chrono::minutes(10)};
  };

  // Subscribes to `feed` at once: what is committed from now on is kept until taken.
  CaseEventStream(core::CaseChangeFeed& feed, core::Principal principal, Options options);
  ~CaseEventStream() override;

  void Attach(std::function<void()> wake) override;
  Chunk Take() override;
  std::string Heartbeat() const override { return ": heartbeat\n\n"; }
  std::chrono::milliseconds HeartbeatInterval() const override { return options_.heartbeat; }

 private:
  // The subscriber: keeps `change` if the principal may see it.
  void Add(const core::CaseChange& change);

  const core::Principal principal_;
  const Options options_;
  const std::chrono::steady_clock::time_point opened_;
  std::mutex mutex_;
  std::string pending_;      // events not yet taken
  bool overflowed_ = false;  // pending_ outgrew max_pending_bytes: the stream ends
  std::function<void()> wake_;
  core::CaseChangeSubscription subscription_;  // last, so that it ends first
};

}  // namespace caredesk::http
