// The embedded default store: one SQLite file in WAL mode, synchronous=FULL. Writes go through
// the group committer (one writer connection and thread, concurrent writes committed together);
// reads use a second connection, which WAL lets read while the writer writes. Every write has
// committed durably before its call returns.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/store.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_group_commit.h"
#include "store/sqlite/sqlite_readers.h"
#include "store/sqlite/sqlite_references.h"

namespace caredesk::store {

class SqliteStore : public core::Store {
 public:
  // Opens (creating when missing) and migrates the database at `path`. Refuses a database whose
  // schema is newer than this build knows.
  static core::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                         const core::Clock& clock);

  int SchemaVersion() override;
  void ReadTogether(const std::function<void()>& reads) override { readers_.Together(reads); }

  // Writes a consistent copy of the whole database to a new file at `path` (VACUUM INTO) while
  // writers carry on; the copy is an ordinary caredesk SQLite database.
  core::Result<void> BackupTo(const std::string& path);

  core::Result<core::CaseRecord> CreateCase(const core::NewCase& new_case) override;
  using core::CaseStore::AppendEvent;
  core::Result<core::StoredEvent> AppendEvent(core::Id case_id, std::int64_t expected_count,
                                              const core::CaseEvent& event,
                                              const core::CaseRecord& projection,
                                              const core::CaseEffects& effects) override;
  core::Result<void> ImportCases(std::span<const core::CaseHistory> cases) override;
  core::Result<core::CaseRecord> FindCase(std::string_view reference) override;
  core::Result<std::vector<core::StoredEvent>> Events(core::Id case_id) override;
  core::Result<core::Page<core::CaseRecord>> Queue(const core::QueueQuery& query) override;
  core::Result<core::Page<core::CaseRecord>> CustomerCases(core::Id customer_id,
                                                           const std::string& cursor,
                                                           int limit) override;
  core::Result<core::Page<core::CaseRecord>> Search(const std::string& text,
                                                    const std::string& cursor, int limit) override;
  // Published in this process once each write has committed (one process owns the file).
  core::CaseChangeFeed& CaseChanges() override { return changes_; }

  core::Result<core::CustomerRecord> SaveCustomer(const core::CustomerRecord& customer) override;
  core::Result<core::CustomerRecord> FindCustomer(core::Id id) override;
  core::Result<std::optional<core::CustomerRecord>> FindCustomerByEmail(
      const std::string& email) override;
  core::Result<core::StaffRecord> SaveStaff(const core::StaffRecord& staff) override;
  core::Result<core::StaffRecord> FindStaff(core::Id id) override;
  core::Result<std::vector<core::StaffRecord>> ListStaff() override;
  core::Result<core::DepartmentRecord> SaveDepartment(
      const core::DepartmentRecord& department) override;
  core::Result<std::vector<core::DepartmentRecord>> ListDepartments() override;

  core::Result<core::PolicyVersionRecord> InstallPolicy(const std::string& version,
                                                        const std::string& text,
                                                        core::Instant at) override;
  core::Result<core::PolicyVersionRecord> ActivePolicy() override;
  core::Result<std::string> ActivePolicyVersion() override;
  core::Result<core::PolicyVersionRecord> PolicyVersion(const std::string& version) override;
  core::Result<std::vector<core::PolicyVersionRecord>> PolicyVersions() override;

  core::Result<core::AttachmentRecord> Attach(core::Id case_id, std::int64_t event_seq,
                                              const std::string& filename,
                                              const std::string& content_type,
                                              std::string_view bytes) override;
  core::Result<std::vector<core::AttachmentRecord>> Attachments(core::Id case_id) override;
  core::Result<std::string> AttachmentBytes(const std::string& sha256) override;

  core::Result<core::SuggestionRecord> SaveSuggestion(
      const core::SuggestionRecord& suggestion) override;
  core::Result<core::SuggestionRecord> FindSuggestion(core::Id id) override;
  core::Result<core::Page<core::SuggestionRecord>> Suggestions(
      const core::SuggestionQuery& query) override;

  core::Result<std::optional<core::BrokenLink>> VerifyChain() override;

  core::Result<void> SetStaffPassword(core::Id staff_id, const std::string& password_hash) override;
  core::Result<core::StaffCredential> StaffPasswordHash(const std::string& email) override;
  core::Result<void> SetCustomerPassword(core::Id customer_id,
                                         const std::string& password_hash) override;
  core::Result<core::CustomerCredential> CustomerPasswordHash(const std::string& email) override;
  core::Result<core::ApiTokenRecord> SaveApiToken(const core::ApiTokenRecord& token) override;
  core::Result<core::ApiTokenMatch> FindApiToken(const std::string& token_hash) override;
  core::Result<void> TouchApiToken(core::Id token_id, core::Instant at) override;
  core::Result<void> RevokeApiToken(core::Id token_id, core::Instant at) override;
  core::Result<std::vector<core::ApiTokenRecord>> ApiTokens(core::Id staff_id) override;
  core::Result<core::SessionRecord> CreateSession(const core::SessionRecord& session) override;
  core::Result<core::SessionRecord> FindSession(const std::string& session_hash,
                                                core::Instant now) override;
  core::Result<void> RevokeSession(const std::string& session_hash) override;
  core::Result<std::int64_t> RevokeStaffSessions(core::Id staff_id) override;
  core::Result<std::int64_t> RevokeCustomerSessions(core::Id customer_id) override;
  core::Result<std::int64_t> DeleteExpiredSessions(core::Instant now) override;
  core::Result<void> SaveCaseSecret(core::Id case_id, const std::string& secret_hash,
                                    core::Instant at) override;
  core::Result<core::CaseRecord> FindCaseBySecret(std::string_view reference,
                                                  const std::string& secret_hash) override;

  core::Result<std::vector<core::OutboxMessage>> Enqueue(
      std::span<const core::OutboxMessage> messages) override;
  core::Result<std::vector<core::OutboxMessage>> ClaimOutbox(core::Instant now,
                                                             std::chrono::seconds lease,
                                                             int limit) override;
  core::Result<void> MarkSent(core::Id message_id, core::Instant at) override;
  core::Result<void> MarkFailed(core::Id message_id, const std::string& reason,
                                std::optional<core::Instant> retry_at) override;
  core::Result<void> Requeue(core::Id message_id, core::Instant at) override;
  core::Result<void> Cancel(core::Id message_id) override;
  core::Result<core::OutboxMessage> FindOutboxMessage(core::Id message_id) override;
  core::Result<core::Page<core::OutboxMessage>> Outbox(const core::OutboxQuery& query) override;
  core::Result<std::vector<core::Timer>> ClaimTimers(core::Instant now, std::chrono::seconds lease,
                                                     int limit) override;
  core::Result<std::vector<core::OutboxMessage>> FireTimer(
      core::Id timer_id, std::span<const core::OutboxMessage> messages, core::Instant at) override;
  core::Result<std::vector<core::SuggestionRecord>> SuggestersToTell(int limit) override;
  core::Result<void> MarkSuggesterTold(core::Id suggestion_id,
                                       std::span<const core::OutboxMessage> messages,
                                       core::Instant at) override;
  core::Result<std::vector<core::Timer>> Timers(core::Id case_id) override;
  core::Result<std::vector<core::MessageTemplate>> SavedTemplates() override;
  core::Result<void> SaveTemplate(const core::MessageTemplate& message_template, core::Instant at,
                                  std::optional<core::Id> staff_id) override;
  core::Result<void> DeleteTemplate(core::TemplateKind kind, const std::string& language) override;
  core::Result<std::optional<std::string>> CaseOfMessageId(const std::string& message_id) override;
  core::Result<bool> MailFiled(const std::string& message_id) override;
  core::Result<void> RecordUnfiledMail(const core::UnfiledMail& mail, core::Instant at) override;
  core::Result<std::optional<core::Instant>> LastMessageTo(core::Id customer_id,
                                                           std::string_view kind) override;

  core::Result<core::ServiceNotice> CreateNotice(
      const core::ServiceNotice& notice, std::span<const core::OutboxMessage> messages) override;
  core::Result<core::ServiceNotice> EndNotice(core::Id notice_id, core::Instant at) override;
  core::Result<core::Page<core::ServiceNotice>> Notices(const std::string& cursor,
                                                        int limit) override;
  core::Result<std::vector<core::ServiceNotice>> NoticesInForce(core::Instant now) override;
  core::Result<std::vector<core::CaseRecord>> NoticeCases(const std::string& service) override;

  core::Result<core::SatisfactionResponse> SaveSatisfaction(
      const core::SatisfactionResponse& response) override;
  core::Result<core::SatisfactionCounts> CountSatisfaction() override;
  core::Result<core::Page<core::SatisfactionResponse>> SatisfactionComments(
      const std::string& cursor, int limit) override;

  core::Result<void> FiguresIn(const core::ReportFilter& filter,
                               const core::FiguresVisitor& each) override;
  core::Result<core::Page<core::RegisterCase>> ComplaintsIn(const core::ReportFilter& filter,
                                                            const std::string& cursor,
                                                            int limit) override;
  core::Result<std::vector<core::SuggestionRecord>> SuggestionsReceived(
      core::Instant from, core::Instant until) override;
  core::Result<std::vector<std::string>> CasesWithoutFigures(int limit) override;
  core::Result<void> SaveFigures(std::span<const core::CaseFigures> figures) override;
  core::Result<bool> FiguresComplete() override;
  core::Result<bool> MarkFiguresComplete() override;
  core::Result<core::Recommendation> SaveRecommendation(
      const core::Recommendation& recommendation) override;
  core::Result<std::vector<core::Recommendation>> Recommendations(int year) override;

 private:
  // `body(SqlSession&)` in a write of the group committer, or on a reader connection.
  template <class T, class Body>
  core::Result<T> InWriter(Body body);
  template <class T, class Body>
  core::Result<T> InReader(Body body);

  SqliteStore(std::string path, std::unique_ptr<SqliteDb> reader,
              std::unique_ptr<GroupCommitter> writer, const core::Clock& clock, int schema_version)
      : readers_(std::move(path), std::move(reader)),
        writer_(std::move(writer)),
        clock_(clock),
        schema_version_(schema_version) {
    writer_->SetGroupHooks([this] { references_.Begin(); },
                           [this](SqliteDb& db) { return references_.Save(db); });
  }
  static core::Result<int> Migrate(SqliteDb& db, const core::Clock& clock);
  // One keyset page of cases: rows of `from` that pass `where` (? placeholders bound from
  // `params`, those of `from` first), ordered by (`key_column`, id) after `cursor`.
  core::Result<core::Page<core::CaseRecord>> CasePage(const std::string& from, std::string where,
                                                      std::vector<SqlValue> params,
                                                      const std::string& key_column,
                                                      bool descending, const std::string& cursor,
                                                      int limit);

  SqliteReaders readers_;  // reading connections (the writer has its own)
  std::unique_ptr<GroupCommitter> writer_;
  SqliteReferences references_;  // the writer thread's
  const core::Clock& clock_;
  int schema_version_ = 0;
  core::CaseChangeHub changes_;
};

}  // namespace caredesk::store
