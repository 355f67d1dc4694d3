// Real mail servers for the mail tests, each on 127.0.0.1 at a free port in its own temp
// directory, stopped (and the directory removed) by its destructor:
//
// - DovecotServer: IMAP (plain) and IMAPS (a self-signed certificate for CN=localhost made
//   with openssl at start), users and passwords from a passwd-file, Maildir storage. Messages
//   are put in a user's INBOX with dovecot-lda, as a mail server would.
// - SmtpSink: Postfix's smtp-sink, which accepts every message (or refuses the commands it is
//   told to) and writes each one to a dump file; it never relays anything anywhere.
//
// Under root (CI) Dovecot's master runs as root and drops to its own users (dovecot, dovenull;
// mail as nobody), and smtp-sink runs as nobody. Otherwise everything runs as the current user.
// If the test process is killed, the servers get SIGTERM (PR_SET_PDEATHSIG) and the next start
// removes the directories it left.
// Nothing is read from /etc/dovecot or written to syslog; each server logs to its directory.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace caredesk::testing {

struct MailUser {
  std::string address;   // the login name and mailbox owner, e.g. caredesk@example.test
  std::string password;  // no ':' or line break (it goes in a passwd-file)
};

class DovecotServer {
 public:
  // caredesk@example.test and customer@example.test, password "test-password".
  static std::vector<MailUser> DefaultUsers();

  // Starts Dovecot and waits (≤ 30 s) until it greets on IMAP. nullptr with the reason (and the
  // log's tail) in `error` when it cannot.
  static std::unique_ptr<DovecotServer> Start(std::vector<MailUser> users, std::string& error);

  DovecotServer(const DovecotServer&) = delete;
  DovecotServer& operator=(const DovecotServer&) = delete;
  ~DovecotServer();

  int ImapPort() const { return imap_port_; }
  int ImapsPort() const { return imaps_port_; }
  // imap://127.0.0.1:PORT/MAILBOX and imaps://…; the user is given to the client separately.
  std::string ImapUrl(const std::string& mailbox = "INBOX") const;
  std::string ImapsUrl(const std::string& mailbox = "INBOX") const;
  pid_t Pid() const { return pid_; }
  const std::filesystem::path& Dir() const { return dir_; }

  // Delivers `raw` (LF or CRLF line ends) to `user`'s INBOX, unseen, with dovecot-lda.
  bool Deliver(const std::string& user, const std::string& raw, std::string& error);

  bool HasUser(const std::string& address) const;  // ignoring case

  // Ends `user`'s open IMAP sessions (doveadm kick), as an idle timeout or a restart would.
  bool Kick(const std::string& user, std::string& error);

  // The raw messages in `user`'s INBOX, oldest first (read from the Maildir).
  std::vector<std::string> Messages(const std::string& user) const;

 private:
  DovecotServer() = default;
  bool Launch(std::string& error);

  std::filesystem::path dir_;
  std::vector<MailUser> users_;
  pid_t owner_pid_ = 0;
  pid_t pid_ = -1;
  int imap_port_ = 0;
  int imaps_port_ = 0;
  int deliveries_ = 0;
};

// One message as smtp-sink took it.
struct SinkMessage {
  std::string mail_from;             // the envelope sender, without angle brackets
  std::vector<std::string> rcpt_to;  // the envelope recipients, in the order sent
  // The DATA as received, dot-stuffing undone, with LF line ends (smtp-sink drops every CR).
  std::string data;
};

struct SmtpSinkOptions {
  // SMTP commands (e.g. "RCPT", "DATA", ".") that get a hard 5xx or soft 4xx refusal, or a
  // disconnect without reply; and the refusal texts (smtp-sink's -f, -r, -q, -B, -b).
  std::string hard_reject;
  std::string soft_reject;
  std::string disconnect;
  std::string hard_reply;  // default "500 5.3.0 Error: command failed"
  std::string soft_reply;  // default "450 4.3.0 Error: command failed"
  // Exit once this many SMTP sessions have ended (-n); 0: never. With 1, a client that opens a
  // second connection finds nobody listening.
  int max_sessions = 0;
  // Seconds smtp-sink waits for the next command before it hangs up (-t); 0: its default, 100.
  int idle_timeout = 0;
};

class SmtpSink {
 public:
  static std::unique_ptr<SmtpSink> Start(const SmtpSinkOptions& options, std::string& error);
  static std::unique_ptr<SmtpSink> Start(std::string& error) { return Start({}, error); }

  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  ~SmtpSink();

  int Port() const { return port_; }
  std::string Url() const;  // smtp://127.0.0.1:PORT
  pid_t Pid() const { return pid_; }

  // Every message received so far, in the order smtp-sink finished them.
  std::vector<SinkMessage> Received() const;

  // Polls until at least `count` messages have arrived; false after `timeout`.
  bool WaitFor(std::size_t count, std::chrono::milliseconds timeout) const;

  // Polls until some client's connection to the sink has been closed by the sink and not yet
  // by the client (TCP CLOSE_WAIT on the client's side); false after `timeout`.
  bool WaitForHangUp(std::chrono::milliseconds timeout) const;

 private:
  SmtpSink() = default;

  std::filesystem::path dir_;
  pid_t owner_pid_ = 0;
  pid_t pid_ = -1;
  int port_ = 0;
};

// Delivers every message the sink received to each envelope recipient that is a user of
// `dovecot` (others are skipped), so a test can read what a customer would find in their INBOX.
bool DeliverReceived(const SmtpSink& sink, DovecotServer& dovecot, std::string& error);

}  // namespace caredesk::testing
