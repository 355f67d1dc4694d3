#include "store/postgres/pg_change_listener.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "store/common/case_change_json.h"
#include "store/postgres/pg_conn.h"

namespace caredesk::store {
namespace {

constexpr int kFirstBackoffMs = 100;
constexpr int kMaxBackoffMs = 5000;
constexpr auto kListenWait = std::chrono::seconds(2);

// A connection (URL or key=value string) that gives up connecting after 5 s, so that a stop
// is never held up long by an unreachable server.
PgConnHandle Connect(const std::string& url) {
  const char* keywords[] = {"dbname", "connect_timeout", nullptr};
  const char* values[] = {url.c_str(), "5", nullptr};
  return PgConnHandle(PQconnectdbParams(keywords, values, 1));
}

bool Listen(PGconn* conn) {
  const std::string sql = "LISTEN " + std::string(kCaseChangesChannel);
  PgResultHandle result(PQexec(conn, sql.c_str()));
  return result && PQresultStatus(result.get()) == PGRES_COMMAND_OK;
}

}  // namespace

core::Result<void> NotifyCaseChanges(PgConnection& conn,
                                     const std::vector<core::CaseChange>& changes) {
  static const std::string kNotify = fmt::format(
      "SELECT pg_notify('{}', payload) FROM unnest($1::text[]) AS payload", kCaseChangesChannel);
  std::vector<std::string> payloads;
  payloads.reserve(changes.size());
  for (const auto& change : changes) payloads.push_back(CaseChangeJson(change));
  auto notified = conn.Query(kNotify, PgParams().TextArray(payloads));
  if (!notified) return tl::unexpected(notified.error());
  return {};
}

PgChangeListener::~PgChangeListener() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (wake_[1] >= 0) (void)!::write(wake_[1], "x", 1);
  if (thread_.joinable()) thread_.join();
  for (int fd : wake_) {
    if (fd >= 0) ::close(fd);
  }
}

core::CaseChangeSubscription PgChangeListener::Subscribe(Subscriber subscriber) {
  auto subscription = hub_.Subscribe(std::move(subscriber));
  std::unique_lock lock(mutex_);
  if (!started_ && !stopping_ && ::pipe2(wake_, O_CLOEXEC) == 0) {
    started_ = true;
    thread_ = std::thread([this] { Run(); });
  }
  changed_.wait_for(lock, kListenWait, [this] { return listening_ || stopping_.load(); });
  return subscription;
}

void PgChangeListener::SetListening(bool listening) {
  {
    std::lock_guard lock(mutex_);
    listening_ = listening;
  }
  changed_.notify_all();
}

bool PgChangeListener::Pause(int ms) {
  std::unique_lock lock(mutex_);
  return !changed_.wait_for(lock, std::chrono::milliseconds(ms),
                            [this] { return stopping_.load(); });
}

void PgChangeListener::Run() {
  int backoff_ms = kFirstBackoffMs;
  while (!stopping_) {
    PgConnHandle conn = Connect(url_);
    if (PQstatus(conn.get()) != CONNECTION_OK || !Listen(conn.get())) {
      conn.reset();
      if (!Pause(backoff_ms)) return;
      backoff_ms = std::min(backoff_ms * 2, kMaxBackoffMs);
      continue;
    }
    backoff_ms = kFirstBackoffMs;
    SetListening(true);
    const int socket = PQsocket(conn.get());
    while (!stopping_) {
      pollfd fds[2] = {{socket, POLLIN, 0}, {wake_[0], POLLIN, 0}};
      if (::poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (fds[1].revents != 0) break;  // woken to stop
      if (PQconsumeInput(conn.get()) == 0 || PQstatus(conn.get()) == CONNECTION_BAD) break;
      while (PGnotify* notify = PQnotifies(conn.get())) {
        if (auto change = ParseCaseChangeJson(notify->extra)) hub_.Publish(*change);
        PQfreemem(notify);
      }
    }
    SetListening(false);
  }
}

}  // namespace caredesk::store
