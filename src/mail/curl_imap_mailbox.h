// "Email in": one IMAP mailbox that caredesk reads new messages from. The poller asks for the
// unseen messages, fetches each one's raw bytes (for the MIME parser), stores it on a case, and
// only then marks it seen — so a crash between fetching and storing leaves the message unseen,
// to be fetched again; whoever stores it must therefore recognise a repeat (by Message-ID).
//
// libcurl connects, sets up TLS (imaps://, or STARTTLS on imap:// unless `tls` says not) and
// logs in; the few commands after that (SELECT, UID SEARCH, UID FETCH BODY.PEEK[], UID STORE)
// are spoken on the same connection by this class. curl's own IMAP fetch cannot peek (it sets
// \Seen on fetch) and its custom requests drop literal data (curl issue #1150), hence the split.
// The connection stays open between calls; a call that finds it closed reconnects once.
//
// Every failure to reach, log in to or use the server is kUnavailable with a message that names
// the server but never the password. A message larger than max_message_bytes is kInvalid (its
// bytes are never read; the connection is dropped), and a UID not in the mailbox is kNotFound.
// Calls are serialised by a mutex. UIDs are only meaningful while the mailbox's UIDVALIDITY
// stays the same; this class relies on \Seen, not on remembered UIDs, so it does not track it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace caredesk::mail {

struct CurlImapConnection;  // imap_wire.h
struct ImapReply;

struct ImapSettings {
  // imap://host:port/MAILBOX or imaps://host:port/MAILBOX; no mailbox means INBOX. The name is
  // percent-decoded and must be printable ASCII.
  std::string url;
  std::string username;
  std::string password;
  // On imap:// only: kNone never upgrades (loopback); kStartTlsRequired refuses to log in without.
  enum class Tls { kNone, kStartTlsIfOffered, kStartTlsRequired };
  Tls tls = Tls::kStartTlsRequired;
  bool verify_peer = true;           // check the server's certificate and name
  std::chrono::seconds timeout{30};  // per call, connecting and logging in included
  std::size_t max_message_bytes = std::size_t{30} << 20;
};

class CurlImapMailbox {
 public:
  explicit CurlImapMailbox(ImapSettings settings);
  ~CurlImapMailbox();
  CurlImapMailbox(const CurlImapMailbox&) = delete;
  CurlImapMailbox& operator=(const CurlImapMailbox&) = delete;

  // The UIDs of the messages without \Seen, ascending.
  core::Result<std::vector<std::uint32_t>> UnseenUids();

  // The message's raw RFC 5322 bytes as stored; leaves its flags alone (BODY.PEEK).
  core::Result<std::string> Fetch(std::uint32_t uid);

  // Sets \Seen on the message (nothing happens for a UID no longer in the mailbox).
  core::Result<void> MarkSeen(std::uint32_t uid);

 private:
  // Sends one tagged command and reads its reply, connecting first when needed.
  core::Result<ImapReply> Run(const std::string& command,
                              std::chrono::steady_clock::time_point deadline);
  core::Result<void> Connect(std::chrono::steady_clock::time_point deadline);
  // kUnavailable: the server answered NO or BAD to what we asked.
  core::Error RefusedError(std::string_view what, const ImapReply& reply) const;

  ImapSettings settings_;
  std::string mailbox_;  // decoded from the URL
  std::string display_;  // the server and mailbox, for messages
  std::mutex mutex_;
  std::unique_ptr<CurlImapConnection> connection_;  // under mutex_
};

}  // namespace caredesk::mail
