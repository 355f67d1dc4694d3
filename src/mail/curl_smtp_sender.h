// The MailSender port over SMTP with libcurl: composes each message (mail_composer.h) and hands
// it to one mail server (a relay or submission service), authenticating when a username is set.
//
// One curl handle per sender keeps the connection open between messages (hundreds a second to
// a local relay); Send is serialised by a mutex, so a sender may be shared by worker threads but
// sends one message at a time. After any failure the handle is dropped and the next message
// opens a fresh connection. A kept connection that turns out dead before the server answered
// anything is replaced once, at once: the server cannot have taken the message.
//
// Failures (core/mail.h): the server unreachable, a timeout, a 4xx reply, TLS that cannot be
// set up, refused credentials → kUnavailable (try later); a 5xx reply to the sender, a
// recipient or the data → kInvalid (refused for good), with the server's reply. One refused
// recipient refuses the whole message, so a retry never delivers twice to the others. The
// password never appears in an error.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/mail.h"

namespace caredesk::mail {

struct CurlSmtpHandle;  // curl_smtp_sender.cc

struct SmtpSettings {
  // smtp://host:port (STARTTLS as `tls` says) or smtps://host:port (TLS from the start). A path
  // names us in EHLO (smtp://relay:587/caredesk.example); without one, the domain of the
  // envelope sender is used.
  std::string url;
  std::string username;  // empty: no AUTH
  std::string password;
  enum class Tls { kNone, kStartTlsIfOffered, kStartTlsRequired };
  // With kStartTlsIfOffered and a server that offers no STARTTLS, credentials go in clear:
  // use kStartTlsRequired (or smtps://) whenever a password crosses a network.
  Tls tls = Tls::kStartTlsRequired;
  bool verify_peer = true;           // check the server's certificate and name
  std::string envelope_from;         // MAIL FROM; empty: the message's From address
  std::chrono::seconds timeout{30};  // per message, connecting included
};

class CurlSmtpSender : public core::MailSender {
 public:
  // `clock` dates the messages (the Date header); it must outlive the sender.
  CurlSmtpSender(SmtpSettings settings, const core::Clock& clock);
  ~CurlSmtpSender() override;
  CurlSmtpSender(const CurlSmtpSender&) = delete;
  CurlSmtpSender& operator=(const CurlSmtpSender&) = delete;

  // Composes and sends `mail` to its To and Cc recipients (each once).
  core::Result<void> Send(const core::OutgoingMail& mail) override;

  // Sends bytes already composed (CRLF line ends) from `envelope_from` to `recipients`.
  core::Result<void> SendRaw(const std::string& envelope_from,
                             const std::vector<std::string>& recipients, const std::string& bytes);

 private:
  SmtpSettings settings_;
  const core::Clock& clock_;
  std::mutex mutex_;
  // Under mutex_; null until the first message and after a failure.
  std::unique_ptr<CurlSmtpHandle> handle_;
};

}  // namespace caredesk::mail
