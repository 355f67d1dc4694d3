// How CurlImapMailbox works: curl_easy_perform with CONNECT_ONLY runs curl's IMAP connect phase
// (greeting, CAPABILITY, STARTTLS, AUTHENTICATE) and stops there; the connection is then ours,
// and imap_wire.h reads each reply with its literals. Tags are `cd1`, `cd2`, … (curl's were
// `A001` …). Every public call has one deadline, reconnecting included.
#include "mail/curl_imap_mailbox.h"

#include <curl/curl.h>

#include <algorithm>
#include <charconv>
#include <utility>

#include "mail/imap_wire.h"

namespace caredesk::mail {
namespace {

using Clock = std::chrono::steady_clock;

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// scheme://host:port/ and the decoded mailbox, from the settings' URL.
struct ParsedUrl {
  std::string server;   // what curl connects to (no path, no credentials)
  std::string display;  // the same, for messages
  std::string mailbox;
};

core::Result<ParsedUrl> ParseUrl(const std::string& url) {
  const auto scheme = url.find("://");
  const std::string scheme_name = scheme == std::string::npos ? "" : url.substr(0, scheme);
  if (scheme_name != "imap" && scheme_name != "imaps") {
    return core::Fail(core::ErrorCode::kInvalid, "the mailbox URL must start imap:// or imaps://",
                      "url");
  }
  const auto path = url.find('/', scheme + 3);
  std::string authority =
      url.substr(scheme + 3, path == std::string::npos ? path : path - scheme - 3);
  if (const auto at = authority.rfind('@'); at != std::string::npos) authority.erase(0, at + 1);
  ParsedUrl parsed;
  parsed.server = scheme_name + "://" + authority + "/";
  std::string encoded = path == std::string::npos ? "" : url.substr(path + 1);
  while (!encoded.empty() && encoded.back() == '/') encoded.pop_back();
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    char c = encoded[i];
    if (c == '%' && i + 2 < encoded.size()) {
      int value = 0;
      const auto [end, ec] =
          std::from_chars(encoded.data() + i + 1, encoded.data() + i + 3, value, 16);
      if (ec == std::errc() && end == encoded.data() + i + 3) {
        c = static_cast<char>(value);
        i += 2;
      }
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == ';' || c == '?') {
      return core::Fail(core::ErrorCode::kInvalid,
                        "the mailbox name must be printable ASCII, without ; or ?", "url");
    }
    parsed.mailbox.push_back(c);
  }
  if (parsed.mailbox.empty()) parsed.mailbox = "INBOX";
  parsed.display = parsed.server + parsed.mailbox;
  return parsed;
}

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string Scrub(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (std::size_t at; (at = text.find(secret)) != std::string::npos;) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

long RemainingMs(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return std::max<long>(1, static_cast<long>(left.count()));
}

}  // namespace

CurlImapMailbox::CurlImapMailbox(ImapSettings settings) : settings_(std::move(settings)) {
  InitCurl();
  if (auto url = ParseUrl(settings_.url)) display_ = url->display;
}

CurlImapMailbox::~CurlImapMailbox() {
  // Say goodbye (curl does not on a CONNECT_ONLY handle), so the server logs a logout rather
  // than a dropped connection. Bounded: a server that does not answer is simply closed.
  if (connection_) {
    const auto patience = std::min<Clock::duration>(settings_.timeout, std::chrono::seconds(2));
    (void)connection_->Command("LOGOUT", Clock::now() + patience);
  }
}

core::Error CurlImapMailbox::RefusedError(std::string_view what, const ImapReply& reply) const {
  return {core::ErrorCode::kUnavailable,
          Scrub("the mail server " + display_ + " " + std::string(what) + ": " + reply.status +
                    " " + reply.text,
                settings_.password),
          {}};
}

core::Result<void> CurlImapMailbox::Connect(Clock::time_point deadline) {
  connection_.reset();
  auto url = ParseUrl(settings_.url);
  if (!url) return tl::unexpected(url.error());
  auto connection = std::make_unique<CurlImapConnection>();
  connection->display = url->display;
  connection->secret = settings_.password;
  connection->max_literal = settings_.max_message_bytes;
  CURL* easy = connection->easy.get();
  if (easy == nullptr) return core::Fail(core::ErrorCode::kUnavailable, "curl_easy_init failed");
  curl_easy_setopt(easy, CURLOPT_URL, url->server.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  curl_easy_setopt(easy, CURLOPT_USERNAME, settings_.username.c_str());
  curl_easy_setopt(easy, CURLOPT_PASSWORD, settings_.password.c_str());
  using Tls = ImapSettings::Tls;
  curl_easy_setopt(easy, CURLOPT_USE_SSL,
                   settings_.tls == Tls::kNone                ? CURLUSESSL_NONE
                   : settings_.tls == Tls::kStartTlsIfOffered ? CURLUSESSL_TRY
                                                              : CURLUSESSL_ALL);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, settings_.verify_peer ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, settings_.verify_peer ? 2L : 0L);
  curl_easy_setopt(easy, CURLOPT_CONNECT_ONLY, 1L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, RemainingMs(deadline));
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, RemainingMs(deadline));
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, connection->error);

  const CURLcode code = curl_easy_perform(easy);
  if (code == CURLE_LOGIN_DENIED) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      "the mail server " + url->display + " refused the username or password");
  }
  if (code == CURLE_USE_SSL_FAILED) {
    return core::Fail(
        core::ErrorCode::kUnavailable,
        "the mail server " + url->display + " does not offer STARTTLS, and TLS is required");
  }
  if (code != CURLE_OK) {
    const std::string detail =
        connection->error[0] != '\0' ? connection->error : curl_easy_strerror(code);
    return core::Fail(core::ErrorCode::kUnavailable,
                      connection->Scrub("could not log in to " + url->display + ": " + detail));
  }
  curl_socket_t socket = CURL_SOCKET_BAD;
  if (curl_easy_getinfo(easy, CURLINFO_ACTIVESOCKET, &socket) != CURLE_OK ||
      socket == CURL_SOCKET_BAD) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      "no socket after connecting to " + url->display);
  }
  connection->socket = socket;
  mailbox_ = url->mailbox;
  display_ = url->display;

  auto selected = connection->Command("SELECT " + Quoted(mailbox_), deadline);
  if (!selected) return tl::unexpected(selected.error());
  if (selected->status != "OK") {
    return tl::unexpected(RefusedError("would not open the mailbox", *selected));
  }
  connection_ = std::move(connection);
  return {};
}

core::Result<ImapReply> CurlImapMailbox::Run(const std::string& command,
                                             Clock::time_point deadline) {
  for (int attempt = 0;; ++attempt) {
    const bool fresh = !connection_;
    if (fresh) {
      if (auto connected = Connect(deadline); !connected) return tl::unexpected(connected.error());
    }
    auto reply = connection_->Command(command, deadline);
    if (reply) return reply;
    connection_.reset();  // in an unknown state, perhaps mid-reply
    reply.error().message = Scrub(std::move(reply.error().message), settings_.password);
    // A kept-alive connection the server has since closed: try once more on a new one.
    if (fresh || attempt > 0 || reply.error().code != core::ErrorCode::kUnavailable ||
        Clock::now() >= deadline) {
      return reply;
    }
  }
}

core::Result<std::vector<std::uint32_t>> CurlImapMailbox::UnseenUids() {
  const std::lock_guard lock(mutex_);
  return SearchUnseen(Clock::now() + settings_.timeout);
}

core::Result<std::vector<MailboxMessage>> CurlImapMailbox::Unseen() {
  const std::lock_guard lock(mutex_);
  const auto deadline = Clock::now() + settings_.timeout;
  auto uids = SearchUnseen(deadline);
  if (!uids) return tl::unexpected(uids.error());
  std::vector<MailboxMessage> messages;
  // A thousand UIDs a command at most, so that scattered UIDs keep the command line short.
  constexpr std::size_t kPerCommand = 1000;
  for (std::size_t first = 0; first < uids->size(); first += kPerCommand) {
    const std::span<const std::uint32_t> some(uids->data() + first,
                                              std::min(kPerCommand, uids->size() - first));
    auto reply = Run("UID FETCH " + UidSet(some) + " (UID RFC822.SIZE)", deadline);
    if (!reply) return tl::unexpected(reply.error());
    if (reply->status != "OK") return tl::unexpected(RefusedError("refused UID FETCH", *reply));
    for (const auto& untagged : reply->untagged) {
      const auto uid = FetchedUid(untagged);
      const auto size = FetchedSize(untagged);
      // Only the UIDs asked for: a server may add FETCH replies of its own (flag changes).
      if (uid && size && std::binary_search(some.begin(), some.end(), *uid)) {
        messages.push_back({*uid, *size});
      }
    }
  }
  std::sort(messages.begin(), messages.end(),
            [](const auto& a, const auto& b) { return a.uid < b.uid; });
  messages.erase(std::unique(messages.begin(), messages.end(),
                             [](const auto& a, const auto& b) { return a.uid == b.uid; }),
                 messages.end());
  return messages;
}

core::Result<std::vector<std::uint32_t>> CurlImapMailbox::SearchUnseen(Clock::time_point deadline) {
  // NOOP first: servers need not notice new mail on other commands (RFC 3501 6.1.2), and
  // Dovecot does not on SEARCH.
  if (auto noop = Run("NOOP", deadline); !noop) return tl::unexpected(noop.error());
  auto reply = Run("UID SEARCH UNSEEN", deadline);
  if (!reply) return tl::unexpected(reply.error());
  if (reply->status != "OK") {
    return tl::unexpected(RefusedError("refused UID SEARCH", *reply));
  }
  std::vector<std::uint32_t> uids;
  for (const auto& untagged : reply->untagged) {
    if (untagged.text.rfind("SEARCH", 0) != 0) continue;
    std::string_view rest(untagged.text);
    rest.remove_prefix(6);
    while (!rest.empty()) {
      const auto start = rest.find_first_not_of(' ');
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      std::uint32_t uid = 0;
      const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), uid);
      if (ec != std::errc() || uid == 0) break;  // e.g. a (MODSEQ n) suffix
      uids.push_back(uid);
      rest.remove_prefix(static_cast<std::size_t>(end - rest.data()));
    }
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

core::Result<std::string> CurlImapMailbox::Fetch(std::uint32_t uid) {
  if (uid == 0) return core::Fail(core::ErrorCode::kInvalid, "UIDs start at 1", "uid");
  const std::lock_guard lock(mutex_);
  const std::string number = std::to_string(uid);
  auto reply = Run("UID FETCH " + number + " BODY.PEEK[]", Clock::now() + settings_.timeout);
  if (!reply) {
    core::Error error = std::move(reply.error());
    if (error.code == core::ErrorCode::kInvalid) {
      error.message = "message UID " + number + " in " + mailbox_ + ": " + error.message;
      error.field = "uid";
    }
    return tl::unexpected(std::move(error));
  }
  if (reply->status != "OK") {
    return tl::unexpected(RefusedError("refused UID FETCH", *reply));
  }
  for (auto& untagged : reply->untagged) {
    if (auto body = FetchedBody(untagged, uid)) return std::move(*body);
  }
  return core::Fail(core::ErrorCode::kNotFound, "no message with UID " + number + " in " + mailbox_,
                    "uid");
}

core::Result<std::vector<std::pair<std::uint32_t, std::string>>> CurlImapMailbox::FetchMany(
    std::span<const std::uint32_t> uids) {
  std::vector<std::pair<std::uint32_t, std::string>> fetched;
  if (uids.empty()) return fetched;
  if (std::find(uids.begin(), uids.end(), 0u) != uids.end()) {
    return core::Fail(core::ErrorCode::kInvalid, "UIDs start at 1", "uid");
  }
  const std::lock_guard lock(mutex_);
  auto reply =
      Run("UID FETCH " + UidSet(uids) + " (UID BODY.PEEK[])", Clock::now() + settings_.timeout);
  if (!reply) {
    core::Error error = std::move(reply.error());
    if (error.code == core::ErrorCode::kInvalid) {
      error.message = "messages " + UidSet(uids) + " in " + mailbox_ + ": " + error.message;
      error.field = "uid";
    }
    return tl::unexpected(std::move(error));
  }
  if (reply->status != "OK") return tl::unexpected(RefusedError("refused UID FETCH", *reply));
  for (auto& untagged : reply->untagged) {
    const auto uid = FetchedUid(untagged);
    if (!uid || std::find(uids.begin(), uids.end(), *uid) == uids.end()) continue;
    if (auto body = FetchedBody(untagged, *uid)) fetched.emplace_back(*uid, std::move(*body));
  }
  return fetched;
}

core::Result<void> CurlImapMailbox::MarkSeen(std::uint32_t uid) {
  return MarkSeen(std::span<const std::uint32_t>(&uid, 1));
}

core::Result<void> CurlImapMailbox::MarkSeen(std::span<const std::uint32_t> uids) {
  if (uids.empty()) return {};
  if (std::find(uids.begin(), uids.end(), 0u) != uids.end()) {
    return core::Fail(core::ErrorCode::kInvalid, "UIDs start at 1", "uid");
  }
  const std::lock_guard lock(mutex_);
  auto reply = Run("UID STORE " + UidSet(uids) + " +FLAGS.SILENT (\\Seen)",
                   Clock::now() + settings_.timeout);
  if (!reply) return tl::unexpected(reply.error());
  if (reply->status != "OK") {
    return tl::unexpected(RefusedError("refused UID STORE", *reply));
  }
  return {};
}

}  // namespace caredesk::mail
