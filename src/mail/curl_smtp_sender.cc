// How CurlSmtpSender talks SMTP: libcurl does the protocol (EHLO, STARTTLS, AUTH, MAIL, RCPT,
// DATA with dot-stuffing); a debug callback watches the dialogue only to learn which command
// the server answered last and with what reply, so a refusal can be told apart from an outage
// and reported in the server's words. Lines we send are never kept (AUTH carries the password).
#include "mail/curl_smtp_sender.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <string_view>
#include <utility>

#include "mail/mail_composer.h"

namespace caredesk::mail {
namespace {

constexpr std::size_t kMaxReply = 400;  // characters of the server's reply kept for errors

struct EasyCleanup {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct SlistFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The URL with any user:password@ taken out, for messages.
std::string DisplayUrl(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const auto start = scheme + 3;
  const auto end = std::min(url.find('/', start), url.size());
  const auto at = url.substr(start, end - start).rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, start)).append(url.substr(start + at + 1));
}

// `url` with `/ehlo_name` appended when it has no path of its own.
std::string UrlWithEhloName(const std::string& url, std::string_view envelope_from) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos || url.find('/', scheme + 3) != std::string::npos) return url;
  const auto at = envelope_from.rfind('@');
  if (at == std::string_view::npos) return url;
  return url + "/" + std::string(envelope_from.substr(at + 1));
}

}  // namespace

struct CurlSmtpHandle {
  std::unique_ptr<CURL, EasyCleanup> easy{curl_easy_init()};
  char error[CURL_ERROR_SIZE] = {};
  // The dialogue, as far as errors need it.
  std::string last_command;  // first word of the last command sent: MAIL, RCPT, DATA, AUTH …
  bool in_body = false;      // the server said 354: what follows answers the message itself
  std::string reply;         // the last complete reply from the server, lines joined
  std::string partial;       // a multi-line reply being read
  int reply_code = 0;
  std::string reply_to;  // what `reply` answers: "rcpt", "end of data", …
  // The message being uploaded.
  std::string_view upload;
  std::size_t offset = 0;

  void Reset() {
    error[0] = '\0';
    last_command.clear();
    in_body = false;
    reply.clear();
    partial.clear();
    reply_code = 0;
    reply_to.clear();
  }
};

namespace {

using Handle = CurlSmtpHandle;

std::size_t ReadBody(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* handle = static_cast<Handle*>(user);
  const std::size_t n = std::min(size * count, handle->upload.size() - handle->offset);
  std::memcpy(buffer, handle->upload.data() + handle->offset, n);
  handle->offset += n;
  return n;
}

void OnServerLine(Handle& handle, std::string_view line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.size() < 3) return;
  std::string clean;
  for (const char c : line.substr(0, kMaxReply)) {
    clean.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  }
  if (handle.partial.size() < kMaxReply) {  // a reply of endless lines stays bounded
    if (!handle.partial.empty()) handle.partial.append(" / ");
    handle.partial.append(clean);
  }
  if (line.size() > 3 && line[3] == '-') return;  // more lines follow
  // curl says QUIT when it drops a connection after a failure: keep the reply that failed.
  if (handle.last_command == "quit") {
    handle.partial.clear();
    return;
  }
  handle.reply = std::move(handle.partial);
  handle.partial.clear();
  if (handle.reply.size() > kMaxReply) handle.reply.resize(kMaxReply);
  const std::string_view code = line.substr(0, 3);
  handle.reply_code =
      std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })
          ? std::stoi(std::string(code))
          : 0;
  handle.reply_to = handle.in_body ? "end of data" : handle.last_command;
  if (handle.reply_code == 354) handle.in_body = true;
}

int WatchDialogue(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* handle = static_cast<Handle*>(user);
  const std::string_view text(data, size);
  if (type == CURLINFO_HEADER_IN) {
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string_view::npos;
         start = end + 1) {
      OnServerLine(*handle, text.substr(start, end - start + 1));
    }
    if (start < text.size()) OnServerLine(*handle, text.substr(start));
  } else if (type == CURLINFO_HEADER_OUT) {
    // Only the verb: AUTH lines carry credentials.
    const auto end = text.find_first_of(" \r\n");
    handle->last_command = Lower(text.substr(0, end == std::string_view::npos ? 4 : end));
    handle->in_body = false;
  }
  return 0;
}

// Whether a 5xx reply refuses the message (its sender, a recipient, its content) rather than
// our connection or credentials.
bool RefusesMessage(const Handle& handle) {
  return handle.reply_to == "end of data" || handle.reply_to == "mail" ||
         handle.reply_to == "rcpt" || handle.reply_to == "data";
}

std::string Scrub(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (std::size_t at; (at = text.find(secret)) != std::string::npos;) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

// A handle set up for `settings`; null if curl cannot make one.
std::unique_ptr<CurlSmtpHandle> NewHandle(const SmtpSettings& settings,
                                          std::string_view envelope_from) {
  auto handle = std::make_unique<CurlSmtpHandle>();
  CURL* easy = handle->easy.get();
  if (easy == nullptr) return nullptr;
  const long timeout_ms = static_cast<long>(settings.timeout.count()) * 1000;
  curl_easy_setopt(easy, CURLOPT_URL, UrlWithEhloName(settings.url, envelope_from).c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (!settings.username.empty()) {
    curl_easy_setopt(easy, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(easy, CURLOPT_PASSWORD, settings.password.c_str());
  }
  using Tls = SmtpSettings::Tls;
  curl_easy_setopt(easy, CURLOPT_USE_SSL,
                   settings.tls == Tls::kNone                ? CURLUSESSL_NONE
                   : settings.tls == Tls::kStartTlsIfOffered ? CURLUSESSL_TRY
                                                             : CURLUSESSL_ALL);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, settings.verify_peer ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, settings.verify_peer ? 2L : 0L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy, CURLOPT_SASL_IR, 1L);  // AUTH PLAIN with its response: one round trip
  curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(easy, CURLOPT_READFUNCTION, &ReadBody);
  curl_easy_setopt(easy, CURLOPT_READDATA, handle.get());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, handle->error);
  curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &WatchDialogue);
  curl_easy_setopt(easy, CURLOPT_DEBUGDATA, handle.get());
  return handle;
}

}  // namespace

CurlSmtpSender::CurlSmtpSender(SmtpSettings settings, const core::Clock& clock)
    : settings_(std::move(settings)), clock_(clock) {
  InitCurl();
}

CurlSmtpSender::~CurlSmtpSender() = default;

core::Result<void> CurlSmtpSender::Send(const core::OutgoingMail& mail) {
  auto bytes = ComposeMail(mail, clock_.Now());
  if (!bytes) return tl::unexpected(bytes.error());
  std::vector<std::string> recipients = mail.to;
  recipients.insert(recipients.end(), mail.cc.begin(), mail.cc.end());
  const std::string& from =
      settings_.envelope_from.empty() ? mail.from_address : settings_.envelope_from;
  return SendRaw(from, recipients, *bytes);
}

core::Result<void> CurlSmtpSender::SendRaw(const std::string& envelope_from,
                                           const std::vector<std::string>& recipients,
                                           const std::string& bytes) {
  if (!IsPlainAddress(envelope_from)) {
    return core::Fail(core::ErrorCode::kInvalid, "not a plain email address (local@domain)",
                      "envelope_from");
  }
  std::unique_ptr<curl_slist, SlistFree> rcpt;
  std::set<std::string> seen;
  for (const auto& recipient : recipients) {
    if (!IsPlainAddress(recipient)) {
      return core::Fail(core::ErrorCode::kInvalid, "not a plain email address (local@domain)",
                        "to");
    }
    if (!seen.insert(Lower(recipient)).second) continue;
    curl_slist* longer = curl_slist_append(rcpt.get(), ("<" + recipient + ">").c_str());
    if (longer == nullptr) return core::Fail(core::ErrorCode::kUnavailable, "out of memory");
    rcpt.release();
    rcpt.reset(longer);
  }
  if (!rcpt) return core::Fail(core::ErrorCode::kInvalid, "no recipients", "to");

  const std::lock_guard lock(mutex_);
  CURLcode code = CURLE_OK;
  for (int attempt = 0;; ++attempt) {
    const bool reused = handle_ != nullptr;
    if (!handle_) {
      handle_ = NewHandle(settings_, envelope_from);
      if (!handle_) return core::Fail(core::ErrorCode::kUnavailable, "curl_easy_init failed");
    }
    CurlSmtpHandle& handle = *handle_;
    handle.Reset();
    handle.upload = bytes;
    handle.offset = 0;
    CURL* easy = handle.easy.get();
    curl_easy_setopt(easy, CURLOPT_MAIL_FROM, ("<" + envelope_from + ">").c_str());
    curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, rcpt.get());
    curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
    code = curl_easy_perform(easy);
    curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, nullptr);
    if (code == CURLE_OK) return {};
    // No reply at all on a kept connection: it died while idle. Nothing was taken; go again.
    if (!reused || attempt > 0 || handle.reply_code != 0) break;
    handle_.reset();
  }
  CurlSmtpHandle& handle = *handle_;

  // Keep what the error needs, then start the next message on a fresh connection.
  const int reply_code = handle.reply_code;
  const bool refused =
      reply_code >= 500 && reply_code < 600 && RefusesMessage(handle) && code != CURLE_LOGIN_DENIED;
  const std::string command = handle.reply_to;
  const std::string reply = handle.reply;
  const std::string detail = handle.error[0] != '\0' ? handle.error : curl_easy_strerror(code);
  handle_.reset();

  const std::string where = DisplayUrl(settings_.url);
  std::string message;
  if (refused) {
    message = "the mail server " + where + " refused the message (" + command + "): " + reply;
  } else if (code == CURLE_LOGIN_DENIED) {
    message = "the mail server " + where + " refused the username or password" +
              (reply.empty() ? "" : ": " + reply);
  } else if (code == CURLE_USE_SSL_FAILED) {
    message = "the mail server " + where + " does not offer STARTTLS, and TLS is required";
  } else if (reply_code >= 400 && !reply.empty()) {
    message =
        "the mail server " + where + " cannot take the message now (" + command + "): " + reply;
  } else {
    message = "could not send through " + where + ": " + detail;
  }
  return core::Fail(refused ? core::ErrorCode::kInvalid : core::ErrorCode::kUnavailable,
                    Scrub(std::move(message), settings_.password));
}

}  // namespace caredesk::mail
