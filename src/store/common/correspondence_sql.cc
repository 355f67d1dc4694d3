#include "store/common/correspondence_sql.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/sha256.h"
#include "store/common/cursor.h"
#include "store/common/figures_sql.h"
#include "store/common/rows.h"
#include "store/common/timers_sql.h"

namespace caredesk::store {
namespace {

using core::Fail;
using core::Result;

constexpr const char* kOutboxColumns =
    "id, case_id, customer_id, staff_id, kind, delivery, recipient, cc, language, subject, text, "
    "html, message_id, in_reply_to, large_print, status, attempts, next_attempt_at, last_error, "
    "created_at, sent_at, (SELECT reference FROM cases WHERE cases.id = outbox.case_id)";
constexpr std::size_t kMaxError = 2000;

std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += '\n';
    out += item;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

core::OutboxMessage ReadMessage(const RowView& row) {
  core::OutboxMessage m;
  m.id = row.Int(0);
  m.case_id = row.OptionalInt(1);
  m.customer_id = row.OptionalInt(2);
  m.staff_id = row.OptionalInt(3);
  m.kind = row.Text(4);
  m.delivery = core::ParseDelivery(row.Text(5)).value_or(core::Delivery::kEmail);
  m.recipient = row.Text(6);
  m.cc = SplitLines(row.Text(7));
  m.language = row.Text(8);
  m.subject = row.Text(9);
  m.text = row.Text(10);
  m.html = row.Text(11);
  m.message_id = row.Text(12);
  m.in_reply_to = row.Text(13);
  m.large_print = row.Int(14) != 0;
  m.status = core::ParseOutboxStatus(row.Text(15)).value_or(core::OutboxStatus::kPending);
  m.attempts = static_cast<int>(row.Int(16));
  m.next_attempt_at = FromSeconds(row.Int(17));
  m.last_error = row.Text(18);
  m.created_at = FromSeconds(row.Int(19));
  if (auto sent = row.OptionalInt(20)) m.sent_at = FromSeconds(*sent);
  if (!row.IsNull(21)) m.reference = row.Text(21);
  return m;
}

Result<void> Validate(const core::OutboxMessage& m) {
  if (m.recipient.empty()) return Fail(core::ErrorCode::kInvalid, "a recipient is required", "to");
  if (m.message_id.empty() || m.message_id.size() > 250) {
    return Fail(core::ErrorCode::kInvalid, "a message id of 1 to 250 characters is required",
                "message_id");
  }
  if (m.subject.empty() || m.subject.size() > 1000) {
    return Fail(core::ErrorCode::kInvalid, "a subject of 1 to 1000 characters is required",
                "subject");
  }
  if (m.kind.empty()) return Fail(core::ErrorCode::kInvalid, "a kind is required", "kind");
  return {};
}

// Changes one outbox row `where` it matches; kNotFound or kConflict (`refusal`) otherwise.
Result<void> ChangeMessage(SqlSession& session, core::Id id, const std::string& set,
                           const std::string& where, std::vector<SqlArg> args,
                           const std::string& refusal) {
  args.push_back(id);
  auto changed = session.Run(
      fmt::format("UPDATE outbox SET {} WHERE id = ? AND ({}) RETURNING id", set, where), args);
  if (!changed) return tl::unexpected(changed.error());
  if (*changed == 1) return {};
  auto exists = session.Run("SELECT id FROM outbox WHERE id = ?", {id});
  if (!exists) return tl::unexpected(exists.error());
  if (*exists == 0) {
    return Fail(core::ErrorCode::kNotFound, fmt::format("outbox message {} not found", id));
  }
  return Fail(core::ErrorCode::kConflict, fmt::format("outbox message {} {}", id, refusal));
}

// The refusal of a write that marks done a task that is not a pending letter or call of its case.
tl::unexpected<core::Error> NotPendingTask(core::Id id) {
  return Fail(core::ErrorCode::kConflict,
              fmt::format("outbox message {} is not a pending letter or call of this case", id),
              "message");
}

}  // namespace

Result<void> CheckEffects(SqlSession& session, const core::CaseEffects& effects) {
  if (!effects.inbound_message_id.empty()) {
    auto filed = session.Run("SELECT case_id FROM inbound_mail WHERE message_id = ?",
                             {effects.inbound_message_id});
    if (!filed) return tl::unexpected(filed.error());
    if (*filed > 0) {
      return Fail(core::ErrorCode::kConflict,
                  fmt::format("the email <{}> was already filed", effects.inbound_message_id),
                  "message_id");
    }
  }
  if (effects.fired_timer) {
    if (auto unfired = CheckUnfired(session, *effects.fired_timer); !unfired) return unfired;
  }
  if (effects.done_message) {
    auto pending = session.Run(
        "SELECT id FROM outbox WHERE id = ? AND status = 'pending' AND delivery <> 'email'",
        {*effects.done_message});
    if (!pending) return tl::unexpected(pending.error());
    if (*pending == 0) return NotPendingTask(*effects.done_message);
  }
  for (const auto& message : effects.messages) {
    if (auto valid = Validate(message); !valid) return valid;
  }
  return {};
}

Result<void> WriteEffects(SqlSession& session, core::Id case_id, std::int64_t event_seq,
                          const core::CaseEffects& effects, core::Instant now) {
  if (!effects.inbound_message_id.empty()) {
    auto filed = session.Run(
        "INSERT INTO inbound_mail (message_id, case_id, filed_at) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING RETURNING message_id",
        {effects.inbound_message_id, case_id, Seconds(now)});
    if (!filed) return tl::unexpected(filed.error());
    if (*filed == 0) {
      return Fail(core::ErrorCode::kConflict,
                  fmt::format("the email <{}> was already filed", effects.inbound_message_id),
                  "message_id");
    }
  }
  const TimerChange timers{effects.fired_timer, effects.timers ? &*effects.timers : nullptr,
                           event_seq == 1};
  if (auto changed = ChangeTimers(session, case_id, timers, now); !changed) return changed;
  if (effects.done_message) {
    auto done = session.Run(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, "
        "claimed_until = 0 WHERE id = ? AND case_id = ? AND status = 'pending' AND "
        "delivery <> 'email' RETURNING id",
        {Seconds(now), *effects.done_message, case_id});
    if (!done) return tl::unexpected(done.error());
    if (*done == 0) return NotPendingTask(*effects.done_message);
  }
  for (const auto& file : effects.attachments) {
    const std::string sha = core::Sha256Hex(file.bytes);
    auto blob = session.Run(
        "INSERT INTO attachments (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        {sha, std::int64_t(file.bytes.size()), SqlBytes{file.bytes}});
    if (!blob) return tl::unexpected(blob.error());
    auto link = session.Run(
        "INSERT INTO event_attachments (case_id, event_seq, sha256, filename, content_type) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        {case_id, event_seq, sha, file.filename, file.content_type});
    if (!link) return tl::unexpected(link.error());
  }
  if (!effects.messages.empty()) {
    std::vector<core::OutboxMessage> messages = effects.messages;
    for (auto& message : messages) message.case_id = case_id;
    auto inserted = InsertMessages(session, messages, now);
    if (!inserted) return tl::unexpected(inserted.error());
  }
  if (effects.figures) return WriteFigures(session, case_id, *effects.figures);
  return {};
}

Result<std::vector<core::OutboxMessage>> InsertMessages(
    SqlSession& session, std::span<const core::OutboxMessage> messages, core::Instant now) {
  std::vector<core::OutboxMessage> out;
  for (core::OutboxMessage m : messages) {
    if (auto valid = Validate(m); !valid) return tl::unexpected(valid.error());
    m.status = core::OutboxStatus::kPending;
    m.attempts = 0;
    m.created_at = now;
    if (m.next_attempt_at == core::Instant{}) m.next_attempt_at = now;
    auto id = session.Run(
        "INSERT INTO outbox (case_id, customer_id, staff_id, kind, delivery, recipient, cc, "
        "language, subject, text, html, message_id, in_reply_to, large_print, next_attempt_at, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ArgOf(m.case_id), ArgOf(m.customer_id), ArgOf(m.staff_id), m.kind,
         std::string(core::ToString(m.delivery)), m.recipient, JoinLines(m.cc), m.language,
         m.subject, m.text, m.html, m.message_id, m.in_reply_to,
         std::int64_t{m.large_print ? 1 : 0}, Seconds(m.next_attempt_at), Seconds(now)},
        [&](const RowView& row) { m.id = row.Int(0); });
    if (!id) {
      if (id.error().message.find("UNIQUE") != std::string::npos ||
          id.error().message.find("unique") != std::string::npos) {
        return Fail(core::ErrorCode::kConflict,
                    fmt::format("a message with id <{}> is already in the outbox", m.message_id),
                    "message_id");
      }
      return tl::unexpected(id.error());
    }
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<core::OutboxMessage>> ClaimOutbox(SqlSession& session, core::Instant now,
                                                     std::chrono::seconds lease, int limit) {
  auto claimed = SelectRows<core::OutboxMessage>(
      session,
      fmt::format("UPDATE outbox SET claimed_until = ? WHERE id IN (SELECT id FROM outbox WHERE "
                  "status = 'pending' AND delivery = 'email' AND next_attempt_at <= ? AND "
                  "claimed_until <= ? ORDER BY next_attempt_at, id LIMIT ?{}) RETURNING {}",
                  session.SkipLocked(), kOutboxColumns),
      {Seconds(now + lease), Seconds(now), Seconds(now), std::int64_t{limit}}, ReadMessage);
  if (claimed) {
    std::sort(claimed->begin(), claimed->end(), [](const auto& a, const auto& b) {
      return std::pair(a.next_attempt_at, a.id) < std::pair(b.next_attempt_at, b.id);
    });
  }
  return claimed;
}

Result<void> MarkSent(SqlSession& session, core::Id id, core::Instant at) {
  return ChangeMessage(session, id,
                       "status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_until = 0",
                       "status = 'pending'", {Seconds(at)}, "is not pending");
}

Result<void> MarkFailed(SqlSession& session, core::Id id, const std::string& reason,
                        std::optional<core::Instant> retry_at) {
  const std::string error = reason.substr(0, kMaxError);
  if (retry_at) {
    return ChangeMessage(
        session, id,
        "attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = 0",
        "status = 'pending'", {error, Seconds(*retry_at)}, "is not pending");
  }
  return ChangeMessage(session, id,
                       "status = 'failed', attempts = attempts + 1, last_error = ?, "
                       "claimed_until = 0",
                       "status = 'pending'", {error}, "is not pending");
}

Result<void> Requeue(SqlSession& session, core::Id id, core::Instant at) {
  return ChangeMessage(session, id,
                       "status = 'pending', next_attempt_at = ?, claimed_until = 0, attempts = 0",
                       "status IN ('failed', 'cancelled')", {Seconds(at)},
                       "can be sent again only after it failed or was cancelled");
}

Result<void> Cancel(SqlSession& session, core::Id id) {
  return ChangeMessage(session, id, "status = 'cancelled', claimed_until = 0", "status = 'pending'",
                       {}, "can be cancelled only while pending");
}

Result<core::OutboxMessage> FindOutboxMessage(SqlSession& session, core::Id id) {
  auto rows = SelectRows<core::OutboxMessage>(
      session, fmt::format("SELECT {} FROM outbox WHERE id = ?", kOutboxColumns), {id},
      ReadMessage);
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) {
    return Fail(core::ErrorCode::kNotFound, fmt::format("outbox message {} not found", id));
  }
  return std::move(rows->front());
}

Result<core::Page<core::OutboxMessage>> OutboxPage(SqlSession& session,
                                                   const core::OutboxQuery& query) {
  auto below = IdPageStart(query.cursor, query.limit);
  if (!below) return tl::unexpected(below.error());
  const std::string status(query.status ? core::ToString(*query.status) : "");
  const std::string delivery(query.delivery ? core::ToString(*query.delivery) : "");
  auto rows = SelectRows<core::OutboxMessage>(
      session,
      fmt::format("SELECT {} FROM outbox WHERE id < ? AND (? = '' OR status = ?) AND "
                  "(? = '' OR delivery = ?) AND (? = 0 OR case_id = ?) AND "
                  "(? = 0 OR delivery <> 'email') ORDER BY id DESC LIMIT {}",
                  kOutboxColumns, query.limit + 1),
      {*below, status, status, delivery, delivery, query.case_id.value_or(0),
       query.case_id.value_or(0), std::int64_t{query.by_hand_only ? 1 : 0}},
      ReadMessage);
  if (!rows) return tl::unexpected(rows.error());
  return IdPage(std::move(*rows), query.limit);
}

Result<std::vector<core::OutboxMessage>> FireTimer(SqlSession& session, core::Id timer_id,
                                                   std::span<const core::OutboxMessage> messages,
                                                   core::Instant at) {
  if (auto fired = MarkTimerFired(session, timer_id, at); !fired)
    return tl::unexpected(fired.error());
  return InsertMessages(session, messages, at);
}

Result<std::vector<core::SuggestionRecord>> SuggestersToTell(SqlSession& session, int limit) {
  return SelectRows<core::SuggestionRecord>(
      session,
      fmt::format("SELECT {} FROM suggestions WHERE status IN ('adopted', 'not_adopted') AND "
                  "customer_id IS NOT NULL AND outcome_told_at IS NULL ORDER BY id LIMIT ?",
                  kSuggestionColumns),
      {std::int64_t{limit}}, ReadSuggestion);
}

Result<void> MarkSuggesterTold(SqlSession& session, core::Id suggestion_id,
                               std::span<const core::OutboxMessage> messages, core::Instant at) {
  auto told = session.Run(
      "UPDATE suggestions SET outcome_told_at = ? WHERE id = ? AND outcome_told_at IS NULL "
      "RETURNING id",
      {Seconds(at), suggestion_id});
  if (!told) return tl::unexpected(told.error());
  if (*told == 0) {
    return Fail(core::ErrorCode::kConflict,
                fmt::format("the suggester of {} was already told", suggestion_id), "suggestion");
  }
  auto inserted = InsertMessages(session, messages, at);
  if (!inserted) return tl::unexpected(inserted.error());
  return {};
}

Result<std::optional<std::string>> CaseOfMessageId(SqlSession& session,
                                                   const std::string& message_id) {
  std::optional<std::string> found;
  auto ran = session.Run(
      "SELECT c.reference FROM inbound_mail i JOIN cases c ON c.id = i.case_id "
      "WHERE i.message_id = ? UNION ALL "
      "SELECT c.reference FROM outbox o JOIN cases c ON c.id = o.case_id WHERE o.message_id = ?",
      {message_id, message_id}, [&](const RowView& row) {
        if (!found) found = row.Text(0);
      });
  if (!ran) return tl::unexpected(ran.error());
  return found;
}

Result<bool> MailFiled(SqlSession& session, const std::string& message_id) {
  auto found = session.Run("SELECT 1 FROM inbound_mail WHERE message_id = ?", {message_id});
  if (!found) return tl::unexpected(found.error());
  return *found > 0;
}

Result<void> RecordUnfiledMail(SqlSession& session, const core::UnfiledMail& mail,
                               core::Instant at) {
  const std::string sha = core::Sha256Hex(mail.raw);
  auto blob = session.Run(
      "INSERT INTO attachments (sha256, size, content) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      {sha, std::int64_t(mail.raw.size()), SqlBytes{mail.raw}});
  if (!blob) return tl::unexpected(blob.error());
  auto filed = session.Run(
      "INSERT INTO inbound_mail (message_id, sender, subject, automated, raw_sha256, filed_at) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING message_id",
      {mail.message_id, mail.sender, mail.subject, std::string(core::ToString(mail.automated)), sha,
       Seconds(at)});
  if (!filed) return tl::unexpected(filed.error());
  if (*filed == 0) {
    return Fail(core::ErrorCode::kConflict,
                fmt::format("the email <{}> was already filed", mail.message_id), "message_id");
  }
  return {};
}

Result<std::optional<core::Instant>> LastMessageTo(SqlSession& session, core::Id customer_id,
                                                   std::string_view kind) {
  std::optional<core::Instant> last;
  auto ran = session.Run("SELECT max(created_at) FROM outbox WHERE customer_id = ? AND kind = ?",
                         {customer_id, std::string(kind)}, [&](const RowView& row) {
                           if (!row.IsNull(0)) last = FromSeconds(row.Int(0));
                         });
  if (!ran) return tl::unexpected(ran.error());
  return last;
}

}  // namespace caredesk::store
