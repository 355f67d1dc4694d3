// How SmtpSink runs smtp-sink: `-D` appends every finished transaction to one dump file, each
// preceded by a marker line (-S) that cannot occur in a text message, then smtp-sink's own
// X-Client-Addr … Received: header block, then the DATA. smtp-sink is a single-threaded event
// loop that writes a message's file before it answers the final "." with 250, so once a client
// has its 250 the message is in the dump.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>
#include <thread>

#include "mail_child.h"
#include "mail_servers.h"

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr char kSmtpSink[] = "/usr/sbin/smtp-sink";
constexpr char kMarker[] = "\001caredesk-smtp-sink\001\n";
constexpr char kMarkerOption[] = "\\001caredesk-smtp-sink\\001\\n";  // as -S reads it
constexpr int kPortAttempts = 5;

std::string Unbracket(std::string_view args) {
  // "<a@b> SIZE=123" → "a@b"
  const auto end = args.find(' ');
  args = args.substr(0, end);
  if (args.size() >= 2 && args.front() == '<' && args.back() == '>') {
    args = args.substr(1, args.size() - 2);
  }
  return std::string(args);
}

SinkMessage ParseDump(std::string_view dump) {
  SinkMessage message;
  std::size_t at = 0;
  bool in_received = false;
  while (at < dump.size()) {
    const auto end = dump.find('\n', at);
    const std::string_view line =
        dump.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    const std::size_t next = end == std::string_view::npos ? dump.size() : end + 1;
    if (in_received && !line.empty() && line.front() != '\t') break;  // the DATA starts here
    at = next;
    if (line.rfind("X-Mail-Args: ", 0) == 0) {
      message.mail_from = Unbracket(line.substr(13));
    } else if (line.rfind("X-Rcpt-Args: ", 0) == 0) {
      message.rcpt_to.push_back(Unbracket(line.substr(13)));
    } else if (line.rfind("Received: ", 0) == 0) {
      in_received = true;
    }
  }
  message.data = std::string(dump.substr(at));
  // smtp-sink writes the LF of the final ".\r\n" as one more empty line.
  if (!message.data.empty() && message.data.back() == '\n') message.data.pop_back();
  return message;
}

}  // namespace

std::unique_ptr<SmtpSink> SmtpSink::Start(const SmtpSinkOptions& options, std::string& error) {
  if (::access(kSmtpSink, X_OK) != 0) {
    error = "SmtpSink: " + std::string(kSmtpSink) + " is missing; install postfix";
    return nullptr;
  }
  std::optional<mail_child::Account> nobody;
  if (::geteuid() == 0) {
    nobody = mail_child::FindAccount({"nobody"});
    if (!nobody) {
      error = "SmtpSink: running as root, but there is no nobody user to run smtp-sink as";
      return nullptr;
    }
  }
  std::unique_ptr<SmtpSink> sink(new SmtpSink());
  sink->owner_pid_ = ::getpid();
  sink->dir_ = mail_child::MakeTempDir("caredesk-smtp-sink-", error);
  if (sink->dir_.empty()) return nullptr;
  const fs::path dump_dir = sink->dir_ / "dump";
  std::error_code ec;
  fs::create_directory(dump_dir, ec);
  if (ec || (nobody && ::chown(dump_dir.c_str(), nobody->uid, nobody->gid) != 0)) {
    error = "SmtpSink: cannot prepare " + dump_dir.string();
    return nullptr;
  }
  const fs::path log = sink->dir_ / "smtp-sink.log";
  for (int attempt = 1;; ++attempt) {
    sink->port_ = mail_child::FreePort();
    std::vector<std::string> args = {
        kSmtpSink, "-4",          "-h", "sink.example.test",
        "-S",      kMarkerOption, "-D", (dump_dir / "messages").string()};
    const std::pair<const char*, const std::string*> flags[] = {{"-f", &options.hard_reject},
                                                                {"-r", &options.soft_reject},
                                                                {"-q", &options.disconnect},
                                                                {"-B", &options.hard_reply},
                                                                {"-b", &options.soft_reply}};
    for (const auto& [flag, value] : flags) {
      if (!value->empty()) args.insert(args.end(), {flag, *value});
    }
    if (options.idle_timeout > 0) {
      args.insert(args.end(), {"-t", std::to_string(options.idle_timeout)});
    }
    if (options.max_sessions > 0) {  // plus the one that checks it is listening
      args.insert(args.end(), {"-n", std::to_string(options.max_sessions + 1)});
    }
    args.insert(args.end(), {"127.0.0.1:" + std::to_string(sink->port_), "64"});
    // Dropped to nobody before exec rather than with smtp-sink's -u: a change of user clears
    // the death signal, and smtp-sink must not outlive a killed test.
    sink->pid_ = mail_child::Spawn(args, {log, dump_dir, {}, nobody, SIGTERM});
    if (sink->pid_ < 0) {
      error = "SmtpSink: cannot run smtp-sink";
      return nullptr;
    }
    const auto deadline = Clock::now() + 10s;
    bool exited = false;
    while (Clock::now() < deadline) {
      // A refused CONNECT still answers, with an error: any reply means it listens.
      if (mail_child::Greets(sink->port_,
                             options.hard_reject.find("CONNECT") == std::string::npos ? "220" : "",
                             1000ms)) {
        return sink;
      }
      if (const auto status = mail_child::WaitForExit(sink->pid_, 10ms)) {
        sink->pid_ = -1;
        exited = true;
        break;
      }
    }
    const std::string written = mail_child::Slurp(log);
    if (!exited || written.find("in use") == std::string::npos || attempt == kPortAttempts) {
      error = "SmtpSink: smtp-sink did not start; its log:\n" + mail_child::Tail(log);
      return nullptr;  // the destructor stops it if it is still running
    }
  }
}

SmtpSink::~SmtpSink() {
  if (::getpid() != owner_pid_) return;
  mail_child::Stop(pid_, 5s);
  if (!dir_.empty()) {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
}

std::string SmtpSink::Url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

std::vector<SinkMessage> SmtpSink::Received() const {
  const std::string dump = mail_child::Slurp(dir_ / "dump" / "messages");
  std::vector<SinkMessage> messages;
  const std::string_view marker(kMarker);
  std::size_t at = dump.find(marker);
  while (at != std::string::npos) {
    const std::size_t start = at + marker.size();
    const std::size_t next = dump.find(marker, start);
    messages.push_back(ParseDump(std::string_view(dump).substr(
        start, next == std::string::npos ? std::string::npos : next - start)));
    at = next;
  }
  return messages;
}

bool SmtpSink::WaitFor(std::size_t count, std::chrono::milliseconds timeout) const {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (Received().size() >= count) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
}

}  // namespace caredesk::testing

namespace caredesk::testing {

bool SmtpSink::WaitForHangUp(std::chrono::milliseconds timeout) const {
  // /proc/net/tcp: "sl local_address rem_address st …", addresses as hex IP:PORT; 08 is
  // CLOSE_WAIT.
  char port[8];
  std::snprintf(port, sizeof port, ":%04X", static_cast<unsigned>(port_));
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    std::istringstream table(mail_child::Slurp("/proc/net/tcp"));
    std::string line;
    while (std::getline(table, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state;
      fields >> slot >> local >> remote >> state;
      if (remote.size() > 5 && remote.substr(remote.size() - 5) == port && state == "08") {
        return true;
      }
    }
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
}

}  // namespace caredesk::testing
