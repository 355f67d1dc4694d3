// Live updates across processes: every committed write of a case on PostgreSQL is announced on
// the channel caredesk_cases (PgChangeNotifier, after the commit, in batches), and each
// process that has subscribers LISTENs on a connection of its own. A thread waits on that
// connection's socket with poll(), decodes each notification and publishes it to this process's
// hub — changes made by this process arrive the same way, so every process sees one order.
//
// The thread starts with the first subscription (commands that never subscribe open no extra
// connection). A dropped connection is reopened with backoff (0.1 s doubling to 5 s); changes
// committed while it is down are not heard (a client re-reads its queue when it reconnects).
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/case_changes.h"
#include "store/postgres/pg_pool.h"

namespace caredesk::store {

// Notifies each change on `conn` in one statement (sent when its transaction commits).
core::Result<void> NotifyCaseChanges(PgConnection& conn,
                                     const std::vector<core::CaseChange>& changes);

class PgChangeListener final : public core::CaseChangeFeed {
 public:
  explicit PgChangeListener(std::string url) : url_(std::move(url)) {}
  // Stops the thread (promptly: it is woken through a pipe) and closes its connection.
  ~PgChangeListener() override;
  PgChangeListener(const PgChangeListener&) = delete;
  PgChangeListener& operator=(const PgChangeListener&) = delete;

  // Starts listening if this is the first subscription and waits (up to 2 s) until the LISTEN
  // is in force, so that a change committed after it returns is heard.
  core::CaseChangeSubscription Subscribe(Subscriber subscriber) override;

 private:
  // The thread: connect, LISTEN, publish what arrives; again after a failure.
  void Run();
  // Sleeps up to `ms` unless stopped; false when stopping.
  bool Pause(int ms);
  void SetListening(bool listening);

  const std::string url_;
  core::CaseChangeHub hub_;
  std::mutex mutex_;
  std::condition_variable changed_;  // listening_ or stopping_
  bool listening_ = false;           // under mutex_
  bool started_ = false;             // under mutex_
  std::atomic<bool> stopping_{false};
  int wake_[2] = {-1, -1};  // a pipe: writing to it interrupts the thread's poll()
  std::thread thread_;
};

}  // namespace caredesk::store
