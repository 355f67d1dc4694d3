#include "app/mail_jobs.h"

#include <fmt/format.h>

#include <array>

namespace caredesk::app {
namespace {

template <class Tls>
Tls TlsOf(const std::string& text) {
  if (text == "none") return Tls::kNone;
  if (text == "starttls") return Tls::kStartTlsIfOffered;
  return Tls::kStartTlsRequired;
}

}  // namespace

std::string DomainOf(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos || at + 1 == address.size() ? "caredesk.invalid"
                                                             : address.substr(at + 1);
}

std::function<std::string()> MessageIdTokens(auth::TokenSource& random) {
  return [&random] {
    std::array<std::uint8_t, 12> bytes{};
    random.Fill(bytes);
    std::string token;
    for (auto b : bytes) token += fmt::format("{:02x}", b);
    return token;
  };
}

std::unique_ptr<jobs::Correspondent> CorrespondentFor(core::Store& store,
                                                      const MailSettings& settings,
                                                      auth::TokenSource& random) {
  return std::make_unique<jobs::Correspondent>(
      store,
      jobs::MailIdentity{settings.mail_from, settings.mail_from_name, DomainOf(settings.mail_from)},
      jobs::PublicSite{settings.public_url}, MessageIdTokens(random));
}

MailJobs::MailJobs(core::Store& store, const core::Clock& clock, const MailSettings& settings,
                   jobs::Correspondent& correspondent,
                   std::function<void(bool, const std::string&)> log)
    : cases_(store, clock),
      correspondent_(correspondent),
      scheduler_(store, cases_, clock, correspondent_),
      ingest_(store, cases_, clock) {
  description_ = "scheduler";
  if (!settings.smtp_url.empty()) {
    mail::SmtpSettings smtp;
    smtp.url = settings.smtp_url;
    smtp.username = settings.smtp_user;
    smtp.password = settings.smtp_password;
    smtp.tls = TlsOf<mail::SmtpSettings::Tls>(settings.smtp_tls);
    smtp_ = std::make_unique<mail::CurlSmtpSender>(smtp, clock);
    sender_ = std::make_unique<jobs::OutboxSender>(store, *smtp_, clock, correspondent_.identity());
    description_ += ", sending to " + settings.smtp_url;
  } else {
    description_ += ", no SMTP server (messages wait in the outbox)";
  }
  for (const auto& box : settings.Mailboxes()) {
    mail::ImapSettings imap;
    imap.url = box.url;
    imap.username = box.user;
    imap.password = box.password;
    imap.tls = TlsOf<mail::ImapSettings::Tls>(box.tls);
    mailboxes_.push_back(std::make_unique<mail::CurlImapMailbox>(imap));
    description_ += ", reading " + mailboxes_.back()->display();
  }
  jobs::JobParts parts;
  parts.scheduler = &scheduler_;
  parts.sender = sender_.get();
  for (const auto& mailbox : mailboxes_) parts.mailboxes.push_back(mailbox.get());
  parts.ingest = &ingest_;
  parts.poll_every = settings.imap_poll;
  parts.log = std::move(log);
  runner_ = std::make_unique<jobs::JobRunner>(std::move(parts));
}

MailJobs::~MailJobs() { runner_.reset(); }

std::string MailJobs::Describe() const { return description_; }

}  // namespace caredesk::app
