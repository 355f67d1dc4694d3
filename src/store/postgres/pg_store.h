// The PostgreSQL store: what several caredesk processes share when one machine is not enough.
// Each process holds a small pool of connections (any method may be called from several threads
// at once); every write is one transaction that commits before the call returns. Cross-process
// safety comes from the database: references from one sequence per year, appends serialised by
// locking the case row (SELECT … FOR UPDATE), migrations under an advisory lock so processes
// starting together migrate once. Statements are prepared once per connection and reused.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/store.h"
#include "store/postgres/pg_change_listener.h"
#include "store/postgres/pg_change_notifier.h"
#include "store/postgres/pg_pool.h"

namespace caredesk::store {

class PgStore : public core::Store {
 public:
  // Connects to `url` (postgresql://user@host:port/database) and migrates the database. Refuses
  // (kConflict) a database whose schema is newer than this build knows.
  static core::Result<std::unique_ptr<PgStore>> Open(const std::string& url,
                                                     const core::Clock& clock, int pool_size = 4);

  int SchemaVersion() override;

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
  // Heard through LISTEN (pg_change_listener.h): every process's writes, this one's included.
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
  // `body(SqlSession&)` in a transaction of its own on a pooled connection.
  template <class T, class Body>
  core::Result<T> InSession(Body body);

  PgStore(const std::string& url, int pool_size, const core::Clock& clock)
      : pool_(url, pool_size),
        clock_(clock),
        max_leaders_(std::clamp(pool_size / 2, 1, 4)),
        changes_(url),
        notifier_(url) {}
  core::Result<void> Migrate();
  // Creates the reference sequence of `year` unless this process has seen it already.
  core::Result<void> EnsureReferenceSequence(PgConnection& conn, int year);
  // A CreateCase call waiting for its batch (pg_create.cc).
  struct PendingCase {
    const core::NewCase* new_case;
    std::condition_variable done;  // its result is set, or it may lead a batch
    std::optional<core::Result<core::CaseRecord>> result;  // set under batch_mutex_
  };
  // Numbers and writes `batch`; the result of each.
  std::vector<std::optional<core::Result<core::CaseRecord>>> CreateBatch(
      const std::vector<PendingCase*>& batch);
  // One keyset page of cases: rows of `from` that pass `where` (placeholders numbered from
  // `params`, which holds those of `from` and `where` in order), ordered by (`key_column`, id)
  // after `cursor`.
  core::Result<core::Page<core::CaseRecord>> CasePage(const std::string& from, std::string where,
                                                      PgParams params,
                                                      const std::string& key_column,
                                                      bool descending, const std::string& cursor,
                                                      int limit);

  PgPool pool_;
  const core::Clock& clock_;
  int schema_version_ = 0;  // set once by Open
  std::mutex years_mutex_;
  std::set<int> reference_years_;  // years whose reference sequence is known to exist
  std::mutex batch_mutex_;
  std::deque<PendingCase*> pending_;  // CreateCase calls not yet in a batch, in arrival order
  int leaders_ = 0;                   // batches being written
  const int max_leaders_;
  PgChangeListener changes_;
  PgChangeNotifier notifier_;
};

}  // namespace caredesk::store
