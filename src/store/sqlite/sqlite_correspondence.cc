// The outbox, timers and filed emails on SQLite: writes through the group committer (so a claim
// is serialised with every other write), reads on a reader connection.
#include "store/common/correspondence_sql.h"
#include "store/sqlite/sqlite_query.h"
#include "store/sqlite/sqlite_store_sessions.h"

namespace caredesk::store {

Result<std::vector<core::OutboxMessage>> SqliteStore::Enqueue(
    std::span<const core::OutboxMessage> messages) {
  const core::Instant now = clock_.Now();
  return InWriter<std::vector<core::OutboxMessage>>(
      [&](SqlSession& s) { return InsertMessages(s, messages, now); });
}

Result<std::vector<core::OutboxMessage>> SqliteStore::ClaimOutbox(core::Instant now,
                                                                  std::chrono::seconds lease,
                                                                  int limit) {
  return InWriter<std::vector<core::OutboxMessage>>(
      [&](SqlSession& s) { return store::ClaimOutbox(s, now, lease, limit); });
}

Result<void> SqliteStore::MarkSent(core::Id id, core::Instant at) {
  return writer_->Run([&](SqliteDb& db) {
    SqliteSession session(db);
    return store::MarkSent(session, id, at);
  });
}

Result<void> SqliteStore::MarkFailed(core::Id id, const std::string& reason,
                                     std::optional<core::Instant> retry_at) {
  return writer_->Run([&](SqliteDb& db) {
    SqliteSession session(db);
    return store::MarkFailed(session, id, reason, retry_at);
  });
}

Result<void> SqliteStore::Requeue(core::Id id, core::Instant at) {
  return writer_->Run([&](SqliteDb& db) {
    SqliteSession session(db);
    return store::Requeue(session, id, at);
  });
}

Result<void> SqliteStore::Cancel(core::Id id) {
  return writer_->Run([&](SqliteDb& db) {
    SqliteSession session(db);
    return store::Cancel(session, id);
  });
}

Result<core::OutboxMessage> SqliteStore::FindOutboxMessage(core::Id id) {
  return InReader<core::OutboxMessage>(
      [&](SqlSession& s) { return store::FindOutboxMessage(s, id); });
}

Result<core::Page<core::OutboxMessage>> SqliteStore::Outbox(const core::OutboxQuery& query) {
  return InReader<core::Page<core::OutboxMessage>>(
      [&](SqlSession& s) { return OutboxPage(s, query); });
}

Result<std::vector<core::Timer>> SqliteStore::ClaimTimers(core::Instant now,
                                                          std::chrono::seconds lease, int limit) {
  return InWriter<std::vector<core::Timer>>(
      [&](SqlSession& s) { return store::ClaimTimers(s, now, lease, limit); });
}

Result<std::vector<core::OutboxMessage>> SqliteStore::FireTimer(
    core::Id timer_id, std::span<const core::OutboxMessage> messages, core::Instant at) {
  return InWriter<std::vector<core::OutboxMessage>>(
      [&](SqlSession& s) { return store::FireTimer(s, timer_id, messages, at); });
}

Result<std::vector<core::SuggestionRecord>> SqliteStore::SuggestersToTell(int limit) {
  return InReader<std::vector<core::SuggestionRecord>>(
      [&](SqlSession& s) { return store::SuggestersToTell(s, limit); });
}

Result<void> SqliteStore::MarkSuggesterTold(core::Id suggestion_id,
                                            std::span<const core::OutboxMessage> messages,
                                            core::Instant at) {
  return InWriter<void>(
      [&](SqlSession& s) { return store::MarkSuggesterTold(s, suggestion_id, messages, at); });
}

Result<std::vector<core::Timer>> SqliteStore::Timers(core::Id case_id) {
  return InReader<std::vector<core::Timer>>([&](SqlSession& s) { return CaseTimers(s, case_id); });
}

Result<std::vector<core::MessageTemplate>> SqliteStore::SavedTemplates() {
  return InReader<std::vector<core::MessageTemplate>>(
      [&](SqlSession& s) { return store::SavedTemplates(s); });
}

Result<void> SqliteStore::SaveTemplate(const core::MessageTemplate& message_template,
                                       core::Instant at, std::optional<core::Id> staff_id) {
  return InWriter<void>(
      [&](SqlSession& s) { return store::SaveTemplate(s, message_template, at, staff_id); });
}

Result<void> SqliteStore::DeleteTemplate(core::TemplateKind kind, const std::string& language) {
  return InWriter<void>([&](SqlSession& s) { return store::DeleteTemplate(s, kind, language); });
}

Result<std::optional<std::string>> SqliteStore::CaseOfMessageId(const std::string& message_id) {
  return InReader<std::optional<std::string>>(
      [&](SqlSession& s) { return store::CaseOfMessageId(s, message_id); });
}

Result<bool> SqliteStore::MailFiled(const std::string& message_id) {
  return InReader<bool>([&](SqlSession& s) { return store::MailFiled(s, message_id); });
}

Result<void> SqliteStore::RecordUnfiledMail(const core::UnfiledMail& mail, core::Instant at) {
  return InWriter<void>([&](SqlSession& s) { return store::RecordUnfiledMail(s, mail, at); });
}

Result<std::optional<core::Instant>> SqliteStore::LastMessageTo(core::Id customer_id,
                                                                std::string_view kind) {
  return InReader<std::optional<core::Instant>>(
      [&](SqlSession& s) { return store::LastMessageTo(s, customer_id, kind); });
}

}  // namespace caredesk::store
