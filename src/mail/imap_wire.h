// The IMAP wire under CurlImapMailbox: one logged-in connection (set up by curl with
// CONNECT_ONLY) over which tagged commands are sent and their replies read, literals included
// ({N} followed by N bytes, RFC 3501 section 4.3). Reading is bounded everywhere: a line, a
// literal and a whole reply each have a limit, and every wait has the caller's deadline, so a
// hostile or broken server can neither exhaust memory nor hang the poller.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace caredesk::mail {

// One untagged reply line ("* ..."), without the "* ". Each literal's bytes are in `literals`
// and stand in `text` as "{}".
struct ImapUntagged {
  std::string text;
  std::vector<std::string> literals;
};

struct ImapReply {
  std::vector<ImapUntagged> untagged;
  std::string status;  // OK, NO or BAD
  std::string text;    // the rest of the tagged line, control characters removed
};

struct CurlEasyCleanup {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};

struct CurlImapConnection {
  using Deadline = std::chrono::steady_clock::time_point;

  std::unique_ptr<CURL, CurlEasyCleanup> easy{curl_easy_init()};
  char error[CURL_ERROR_SIZE] = {};
  curl_socket_t socket = CURL_SOCKET_BAD;
  std::string display;          // the server and mailbox, for messages
  std::string secret;           // never to appear in a message
  std::size_t max_literal = 0;  // larger literals fail the command (kInvalid), unread
  std::size_t max_line = std::size_t{8} << 20;

  // Sends `command` with the next tag and reads up to its tagged reply. Transport failures are
  // kUnavailable; a literal over max_literal, or a reply over max_literal + max_line in all, is
  // kInvalid. After any error the connection must not be used again.
  core::Result<ImapReply> Command(const std::string& command, Deadline deadline);

  std::string Scrub(std::string text) const;

 private:
  core::Result<void> SendAll(std::string_view data, Deadline deadline);
  core::Result<void> Fill(Deadline deadline);
  core::Result<std::string> ReadLine(Deadline deadline);
  core::Result<std::string> ReadBytes(std::size_t count, Deadline deadline);
  core::Result<void> Wait(short events, Deadline deadline);

  unsigned next_tag_ = 1;
  std::string in_;  // received and not yet consumed from in_pos_ on
  std::size_t in_pos_ = 0;
  std::string bye_;  // the server's BYE text, when it said goodbye
};

// The message body of a `n FETCH (UID uid BODY[] {})` reply, if `untagged` is one for `uid`.
std::optional<std::string> FetchedBody(ImapUntagged& untagged, std::uint32_t uid);

// The UID of a `n FETCH (... UID uid ...)` reply; none for another reply.
std::optional<std::uint32_t> FetchedUid(const ImapUntagged& untagged);

// The RFC822.SIZE of a `n FETCH (...)` reply, if it has one.
std::optional<std::uint64_t> FetchedSize(const ImapUntagged& untagged);

// `uids` as an IMAP sequence set, runs as ranges: {3, 1, 2, 7} → "1:3,7". Empty for none.
std::string UidSet(std::span<const std::uint32_t> uids);

}  // namespace caredesk::mail
