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
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace caredesk::mail {

struct CurlImapConnection;  // imap_wire.h
struct ImapReply;

// A message waiting in the mailbox: its UID and its size in bytes as the server reports it.
struct MailboxMessage {
  std::uint32_t uid = 0;
  std::uint64_t size = 0;
  bool operator==(const MailboxMessage&) const = default;
};

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

  std::size_t max_message_bytes() const { return settings_.max_message_bytes; }
  // The server and mailbox ("imap://mail.example.org:143/INBOX"), without credentials; empty
  // for a URL that does not parse.
  std::string display() const {
    const std::lock_guard lock(mutex_);
    return display_;
  }

  // The messages without \Seen with their sizes, ascending by UID (two commands in all).
  core::Result<std::vector<MailboxMessage>> Unseen();

  // The message's raw RFC 5322 bytes as stored; leaves its flags alone (BODY.PEEK).
  core::Result<std::string> Fetch(std::uint32_t uid);

  // The raw bytes of each of `uids`, by UID, in one command (flags left alone); a UID no longer
  // in the mailbox is left out. The caller keeps their sizes together within max_message_bytes.
  core::Result<std::vector<std::pair<std::uint32_t, std::string>>> FetchMany(
      std::span<const std::uint32_t> uids);

  // Sets \Seen on the message (nothing happens for a UID no longer in the mailbox).
  core::Result<void> MarkSeen(std::uint32_t uid);
  // Sets \Seen on all of `uids` in one command.
  core::Result<void> MarkSeen(std::span<const std::uint32_t> uids);

 private:
  // Sends one tagged command and reads its reply, connecting first when needed.
  core::Result<ImapReply> Run(const std::string& command,
                              std::chrono::steady_clock::time_point deadline);
  core::Result<void> Connect(std::chrono::steady_clock::time_point deadline);
  core::Result<std::vector<std::uint32_t>> SearchUnseen(
      std::chrono::steady_clock::time_point deadline);
  // kUnavailable: the server answered NO or BAD to what we asked.
  core::Error RefusedError(std::string_view what, const ImapReply& reply) const;

  ImapSettings settings_;
  std::string mailbox_;  // decoded from the URL
  std::string display_;  // the server and mailbox, for messages
  mutable std::mutex mutex_;
  std::unique_ptr<CurlImapConnection> connection_;  // under mutex_
};

}  // namespace caredesk::mail
