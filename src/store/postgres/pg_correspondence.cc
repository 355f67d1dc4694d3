// The outbox, timers and filed emails on PostgreSQL. Claims run in a transaction of their own
// and skip rows another process holds locked (FOR UPDATE SKIP LOCKED), so N processes share the
// work and none takes a row another has claimed.
#include "store/common/correspondence_sql.h"
#include "store/postgres/pg_store_sessions.h"

namespace caredesk::store {

Result<std::vector<core::OutboxMessage>> PgStore::Enqueue(
    std::span<const core::OutboxMessage> messages) {
  const core::Instant now = clock_.Now();
  return InSession<std::vector<core::OutboxMessage>>(
      [&](SqlSession& s) { return InsertMessages(s, messages, now); });
}

Result<std::vector<core::OutboxMessage>> PgStore::ClaimOutbox(core::Instant now,
                                                              std::chrono::seconds lease,
                                                              int limit) {
  return InSession<std::vector<core::OutboxMessage>>(
      [&](SqlSession& s) { return store::ClaimOutbox(s, now, lease, limit); });
}

Result<void> PgStore::MarkSent(core::Id id, core::Instant at) {
  return InSession<void>([&](SqlSession& s) { return store::MarkSent(s, id, at); });
}

Result<void> PgStore::MarkFailed(core::Id id, const std::string& reason,
                                 std::optional<core::Instant> retry_at) {
  return InSession<void>([&](SqlSession& s) { return store::MarkFailed(s, id, reason, retry_at); });
}

Result<void> PgStore::Requeue(core::Id id, core::Instant at) {
  return InSession<void>([&](SqlSession& s) { return store::Requeue(s, id, at); });
}

Result<void> PgStore::Cancel(core::Id id) {
  return InSession<void>([&](SqlSession& s) { return store::Cancel(s, id); });
}

Result<core::OutboxMessage> PgStore::FindOutboxMessage(core::Id id) {
  return InSession<core::OutboxMessage>(
      [&](SqlSession& s) { return store::FindOutboxMessage(s, id); });
}

Result<core::Page<core::OutboxMessage>> PgStore::Outbox(const core::OutboxQuery& query) {
  return InSession<core::Page<core::OutboxMessage>>(
      [&](SqlSession& s) { return OutboxPage(s, query); });
}

Result<std::vector<core::Timer>> PgStore::ClaimTimers(core::Instant now, std::chrono::seconds lease,
                                                      int limit) {
  return InSession<std::vector<core::Timer>>(
      [&](SqlSession& s) { return store::ClaimTimers(s, now, lease, limit); });
}

Result<std::vector<core::OutboxMessage>> PgStore::FireTimer(
    core::Id timer_id, std::span<const core::OutboxMessage> messages, core::Instant at) {
  return InSession<std::vector<core::OutboxMessage>>(
      [&](SqlSession& s) { return store::FireTimer(s, timer_id, messages, at); });
}

Result<std::vector<core::SuggestionRecord>> PgStore::SuggestersToTell(int limit) {
  return InSession<std::vector<core::SuggestionRecord>>(
      [&](SqlSession& s) { return store::SuggestersToTell(s, limit); });
}

Result<void> PgStore::MarkSuggesterTold(core::Id suggestion_id,
                                        std::span<const core::OutboxMessage> messages,
                                        core::Instant at) {
  return InSession<void>(
      [&](SqlSession& s) { return store::MarkSuggesterTold(s, suggestion_id, messages, at); });
}

Result<std::vector<core::Timer>> PgStore::Timers(core::Id case_id) {
  return InSession<std::vector<core::Timer>>([&](SqlSession& s) { return CaseTimers(s, case_id); });
}

Result<std::vector<core::MessageTemplate>> PgStore::SavedTemplates() {
  return InSession<std::vector<core::MessageTemplate>>(
      [&](SqlSession& s) { return store::SavedTemplates(s); });
}

Result<void> PgStore::SaveTemplate(const core::MessageTemplate& message_template, core::Instant at,
                                   std::optional<core::Id> staff_id) {
  return InSession<void>(
      [&](SqlSession& s) { return store::SaveTemplate(s, message_template, at, staff_id); });
}

Result<void> PgStore::DeleteTemplate(core::TemplateKind kind, const std::string& language) {
  return InSession<void>([&](SqlSession& s) { return store::DeleteTemplate(s, kind, language); });
}

Result<std::optional<std::string>> PgStore::CaseOfMessageId(const std::string& message_id) {
  return InSession<std::optional<std::string>>(
      [&](SqlSession& s) { return store::CaseOfMessageId(s, message_id); });
}

Result<bool> PgStore::MailFiled(const std::string& message_id) {
  return InSession<bool>([&](SqlSession& s) { return store::MailFiled(s, message_id); });
}

Result<void> PgStore::RecordUnfiledMail(const core::UnfiledMail& mail, core::Instant at) {
  return InSession<void>([&](SqlSession& s) { return store::RecordUnfiledMail(s, mail, at); });
}

Result<std::optional<core::Instant>> PgStore::LastMessageTo(core::Id customer_id,
                                                            std::string_view kind) {
  return InSession<std::optional<core::Instant>>(
      [&](SqlSession& s) { return store::LastMessageTo(s, customer_id, kind); });
}

}  // namespace caredesk::store
