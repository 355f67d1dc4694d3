// The outbox sender: hands the outbox's pending emails to the mail server (core::MailSender),
// each claimed for a lease so that no two processes send the same one, and marks each sent or
// failed. A temporary failure (server unreachable, 4xx) is retried with growing back-off, up to
// kMaxAttempts; a permanent one (5xx) fails at once and waits for an admin on the outbox screen.
// A crash after the commit that wrote a message and before its sending loses nothing: the message
// is pending in the store and is sent when a sender next runs, once (its lease runs out first if
// the crash came mid-send). Each message keeps its Message-ID across attempts.
#pragma once

#include <chrono>

#include "core/clock.h"
#include "core/mail.h"
#include "core/store.h"
#include "jobs/correspondent.h"

namespace caredesk::jobs {

class OutboxSender {
 public:
  OutboxSender(core::Store& store, core::MailSender& sender, const core::Clock& clock,
               MailIdentity identity)
      : store_(store), sender_(sender), clock_(clock), identity_(std::move(identity)) {}

  // Sends up to `limit` due messages; how many the server accepted.
  core::Result<int> SendDue(int limit = 100);

  static constexpr int kMaxAttempts = 6;
  static constexpr std::chrono::seconds kLease{300};
  // The wait before attempt n + 1 after n failed attempts (1 min, 5 min, 15 min, 1 h, 4 h).
  static std::chrono::seconds BackOff(int failed_attempts);

 private:
  core::OutgoingMail MailOf(const core::OutboxMessage& message) const;

  core::Store& store_;
  core::MailSender& sender_;
  const core::Clock& clock_;
  MailIdentity identity_;
};

}  // namespace caredesk::jobs
