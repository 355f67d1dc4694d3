// Announces committed changes to every caredesk process on the database (NOTIFY caredesk_cases,
// heard by PgChangeListener), from a thread and a connection of its own, in batches. The writes
// themselves send nothing: PostgreSQL serialises the commits of transactions that NOTIFY, which
// inside each creation cut durable creation from about 6,000 to 1,600 cases a second. A
// notification is a hint to re-read (live updates), so it is sent after the commit and without
// waiting for a flush (synchronous_commit off on this connection): one lost in a crash costs a
// screen a refresh, never a case.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/case_changes.h"

namespace caredesk::store {

class PgChangeNotifier {
 public:
  explicit PgChangeNotifier(std::string url) : url_(std::move(url)) {}
  // Sends what is queued (briefly), then stops the thread.
  ~PgChangeNotifier();
  PgChangeNotifier(const PgChangeNotifier&) = delete;
  PgChangeNotifier& operator=(const PgChangeNotifier&) = delete;

  // Queues committed changes for the next batch; never waits for the database. Beyond 100,000
  // queued (the database unreachable for long), the oldest are dropped.
  void Announce(std::vector<core::CaseChange> changes);

 private:
  void Run();

  const std::string url_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<core::CaseChange> queue_;  // under mutex_
  bool stopping_ = false;               // under mutex_
  bool started_ = false;                // under mutex_
  std::thread thread_;
};

}  // namespace caredesk::store
