// The outbox, timers and filed emails (core/correspondence.h), written once in SQL both engines
// run, over an SqlSession the engine opens inside its transaction. Each function is one step
// of a store method; the engine supplies the transaction, and on PostgreSQL the row locks that
// let several processes claim work without taking the same row.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/store.h"
#include "store/common/sql_session.h"
#include "store/common/timers_sql.h"  // ClaimTimers, CaseTimers

namespace caredesk::store {

// Refuses, before anything is written, the effects that must not be applied twice: an email
// filed before (kConflict "already filed"), a timer that already fired (kConflict "already
// fired").
core::Result<void> CheckEffects(SqlSession& session, const core::CaseEffects& effects);
// Writes the effects of a write to case `case_id` whose event is `event_seq` (1: the case is
// being created, so it has no timers yet to replace).
core::Result<void> WriteEffects(SqlSession& session, core::Id case_id, std::int64_t event_seq,
                                const core::CaseEffects& effects, core::Instant now);

core::Result<std::vector<core::OutboxMessage>> InsertMessages(
    SqlSession& session, std::span<const core::OutboxMessage> messages, core::Instant now);
core::Result<std::vector<core::OutboxMessage>> ClaimOutbox(SqlSession& session, core::Instant now,
                                                           std::chrono::seconds lease, int limit);
core::Result<void> MarkSent(SqlSession& session, core::Id id, core::Instant at);
core::Result<void> MarkFailed(SqlSession& session, core::Id id, const std::string& reason,
                              std::optional<core::Instant> retry_at);
core::Result<void> Requeue(SqlSession& session, core::Id id, core::Instant at);
core::Result<void> Cancel(SqlSession& session, core::Id id);
core::Result<core::OutboxMessage> FindOutboxMessage(SqlSession& session, core::Id id);
core::Result<core::Page<core::OutboxMessage>> OutboxPage(SqlSession& session,
                                                         const core::OutboxQuery& query);
core::Result<std::vector<core::OutboxMessage>> FireTimer(
    SqlSession& session, core::Id timer_id, std::span<const core::OutboxMessage> messages,
    core::Instant at);
core::Result<std::vector<core::SuggestionRecord>> SuggestersToTell(SqlSession& session, int limit);
core::Result<void> MarkSuggesterTold(SqlSession& session, core::Id suggestion_id,
                                     std::span<const core::OutboxMessage> messages,
                                     core::Instant at);
core::Result<std::vector<core::MessageTemplate>> SavedTemplates(SqlSession& session);
core::Result<void> SaveTemplate(SqlSession& session, const core::MessageTemplate& message_template,
                                core::Instant at, std::optional<core::Id> staff_id);
core::Result<void> DeleteTemplate(SqlSession& session, core::TemplateKind kind,
                                  const std::string& language);
core::Result<std::optional<std::string>> CaseOfMessageId(SqlSession& session,
                                                         const std::string& message_id);
core::Result<bool> MailFiled(SqlSession& session, const std::string& message_id);
core::Result<void> RecordUnfiledMail(SqlSession& session, const core::UnfiledMail& mail,
                                     core::Instant at);
core::Result<std::optional<core::Instant>> LastMessageTo(SqlSession& session, core::Id customer_id,
                                                         std::string_view kind);

}  // namespace caredesk::store
