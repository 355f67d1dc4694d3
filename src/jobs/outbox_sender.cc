#include "jobs/outbox_sender.h"

#include <algorithm>
#include <array>

namespace caredesk::jobs {

std::chrono::seconds OutboxSender::BackOff(int failed_attempts) {
  constexpr std::array<std::chrono::seconds, 5> kWaits = {
      std::chrono::minutes{1}, std::chrono::minutes{5}, std::chrono::minutes{15},
      std::chrono::hours{1}, std::chrono::hours{4}};
  const int index = std::clamp(failed_attempts - 1, 0, int(kWaits.size()) - 1);
  return kWaits[std::size_t(index)];
}

core::OutgoingMail OutboxSender::MailOf(const core::OutboxMessage& message) const {
  core::OutgoingMail mail;
  mail.message_id = message.message_id;
  mail.from_address = identity_.from_address;
  mail.from_name = identity_.from_name;
  mail.to = {message.recipient};
  mail.cc = message.cc;
  mail.subject = message.subject;
  mail.text = message.text;
  mail.html = message.html;
  mail.in_reply_to = message.in_reply_to;
  if (!message.in_reply_to.empty()) mail.references = {message.in_reply_to};
  mail.automatic = message.kind != "reply";  // a reply is written by a member of staff
  return mail;
}

core::Result<int> OutboxSender::SendDue(int limit) {
  auto due = store_.ClaimOutbox(clock_.Now(), kLease, limit);
  if (!due) return tl::unexpected(due.error());
  int sent = 0;
  for (const auto& message : *due) {
    auto delivered = sender_.Send(MailOf(message));
    if (delivered) {
      if (auto marked = store_.MarkSent(message.id, clock_.Now()); !marked) {
        return tl::unexpected(marked.error());
      }
      ++sent;
      continue;
    }
    const int failed = message.attempts + 1;
    const bool permanent = delivered.error().code == core::ErrorCode::kInvalid;
    std::optional<core::Instant> retry;
    if (!permanent && failed < kMaxAttempts) retry = clock_.Now() + BackOff(failed);
    if (auto marked = store_.MarkFailed(message.id, delivered.error().message, retry); !marked) {
      return tl::unexpected(marked.error());
    }
  }
  return sent;
}

}  // namespace caredesk::jobs
