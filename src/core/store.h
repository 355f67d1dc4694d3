// The storage port: everything caredesk keeps goes through these interfaces. Adapters
// (src/store/sqlite, src/store/postgres) implement them; the contract tests run the same suite
// against each. Every method either commits whole or changes nothing, and a write that
// returns success is durable.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/case_changes.h"
#include "core/correspondence.h"
#include "core/credential_records.h"
#include "core/message_template.h"
#include "core/recommendation.h"
#include "core/report.h"
#include "core/satisfaction.h"
#include "core/service_notice.h"
#include "core/store_records.h"

namespace caredesk::core {

// Keyset paging: a page of rows and the opaque cursor of the next page (empty at the end).
template <class T>
struct Page {
  std::vector<T> rows;
  std::string next_cursor;
};

// The work queue's filters; empty fields do not filter. Ordered by next due instant (cases
// with none last), then reference.
struct QueueQuery {
  std::vector<Kind> kinds;
  std::vector<Channel> channels;
  std::vector<CaseStatus> statuses;
  std::vector<Stage> stages;
  std::vector<DeadlineStatus> deadline_statuses;
  std::optional<Id> department_id;
  std::optional<Id> assignee_id;
  std::optional<Instant> received_from;   // inclusive
  std::optional<Instant> received_until;  // exclusive
  std::string cursor;
  int limit = 50;
};

// A case with its whole history, as export, import and copy between stores carry it.
struct CaseHistory {
  CaseRecord record;
  std::vector<StoredEvent> events;
  // What reports count, when the importer computed it; else FillMissingFigures computes it.
  std::optional<CaseFigures> figures;
};

// A new case: its projection (without id and reference, which the store assigns) and its
// first event, `received`.
struct NewCase {
  CaseRecord record;
  CaseEvent received;
  CaseEffects effects;  // committed with the case (timers; the email it was opened from)
};

class CaseStore {
 public:
  virtual ~CaseStore() = default;

  // Assigns the next reference of the received year (CD-YYYY-NNNNNN, increasing, unique across
  // processes) and stores the case with its first event.
  virtual Result<CaseRecord> CreateCase(const NewCase& new_case) = 0;
  // Appends an event if the case still has `expected_count` events (else kConflict, so the
  // caller re-reads and retries) and replaces the projection, with the event's effects, in one
  // transaction.
  virtual Result<StoredEvent> AppendEvent(Id case_id, std::int64_t expected_count,
                                          const CaseEvent& event, const CaseRecord& projection,
                                          const CaseEffects& effects) = 0;
  Result<StoredEvent> AppendEvent(Id case_id, std::int64_t expected_count, const CaseEvent& event,
                                  const CaseRecord& projection) {
    return AppendEvent(case_id, expected_count, event, projection, CaseEffects{});
  }
  // Stores cases exactly as given — references, projections and event chains, each chain
  // verified first — in one transaction, and moves each year's reference counter past them.
  // kConflict when a reference exists; kNotFound when a policy version is missing.
  virtual Result<void> ImportCases(std::span<const CaseHistory> cases) = 0;
  virtual Result<CaseRecord> FindCase(std::string_view reference) = 0;
  virtual Result<std::vector<StoredEvent>> Events(Id case_id) = 0;

  virtual Result<Page<CaseRecord>> Queue(const QueueQuery& query) = 0;
  virtual Result<Page<CaseRecord>> CustomerCases(Id customer_id, const std::string& cursor,
                                                 int limit) = 0;
  // Full text over subjects, bodies and notes, English and Spanish stemming; every word must
  // match; newest case first.
  virtual Result<Page<CaseRecord>> Search(const std::string& text, const std::string& cursor,
                                          int limit) = 0;

  // The creations and appends committed from now on (not imports): by this process, and on
  // PostgreSQL by every process on the same database.
  virtual CaseChangeFeed& CaseChanges() = 0;
};

class DirectoryStore {
 public:
  virtual ~DirectoryStore() = default;
  // Saves a customer (id 0: creates one) and returns it with its id.
  virtual Result<CustomerRecord> SaveCustomer(const CustomerRecord& customer) = 0;
  virtual Result<CustomerRecord> FindCustomer(Id id) = 0;
  virtual Result<std::optional<CustomerRecord>> FindCustomerByEmail(const std::string& email) = 0;
  virtual Result<StaffRecord> SaveStaff(const StaffRecord& staff) = 0;
  virtual Result<StaffRecord> FindStaff(Id id) = 0;
  virtual Result<std::vector<StaffRecord>> ListStaff() = 0;
  virtual Result<DepartmentRecord> SaveDepartment(const DepartmentRecord& department) = 0;
  virtual Result<std::vector<DepartmentRecord>> ListDepartments() = 0;
};

class PolicyStore {
 public:
  virtual ~PolicyStore() = default;
  // Keeps the version (if new) and makes it the active one. Versions are never deleted.
  virtual Result<PolicyVersionRecord> InstallPolicy(const std::string& version,
                                                    const std::string& text, Instant at) = 0;
  virtual Result<PolicyVersionRecord> ActivePolicy() = 0;
  // Only the active version's name: a cheap read for a caller that caches parsed versions.
  virtual Result<std::string> ActivePolicyVersion() = 0;
  virtual Result<PolicyVersionRecord> PolicyVersion(const std::string& version) = 0;
  virtual Result<std::vector<PolicyVersionRecord>> PolicyVersions() = 0;
};

class AttachmentStore {
 public:
  virtual ~AttachmentStore() = default;
  static constexpr std::int64_t kMaxBytes = 25 * 1024 * 1024;
  // Stores bytes under their SHA-256 (once, however often attached) and links them to an event.
  virtual Result<AttachmentRecord> Attach(Id case_id, std::int64_t event_seq,
                                          const std::string& filename,
                                          const std::string& content_type,
                                          std::string_view bytes) = 0;
  virtual Result<std::vector<AttachmentRecord>> Attachments(Id case_id) = 0;
  virtual Result<std::string> AttachmentBytes(const std::string& sha256) = 0;
};

// The suggestions list's filters; empty fields do not filter. Newest first.
struct SuggestionQuery {
  std::optional<SuggestionStatus> status;
  bool published_only = false;  // what "you said, we did" shows
  std::string cursor;
  int limit = 50;  // 1 to 500
};

class SuggestionStore {
 public:
  virtual ~SuggestionStore() = default;
  // Saves a suggestion (id 0: adds one) and returns it with its id; kNotFound when an id names
  // none.
  virtual Result<SuggestionRecord> SaveSuggestion(const SuggestionRecord& suggestion) = 0;
  virtual Result<SuggestionRecord> FindSuggestion(Id id) = 0;
  virtual Result<Page<SuggestionRecord>> Suggestions(const SuggestionQuery& query) = 0;
};

// Sign-in material. Only hashes cross this port (see credential_records.h). Lookups by a hash
// compare hashes of high-entropy secrets, so their timing tells an attacker nothing usable.
class CredentialStore {
 public:
  virtual ~CredentialStore() = default;

  // Sets or replaces a staff member's argon2id password hash (kNotFound: no such staff member).
  virtual Result<void> SetStaffPassword(Id staff_id, const std::string& password_hash) = 0;
  // The staff member with `email` and their password hash, active or not (kNotFound: none).
  virtual Result<StaffCredential> StaffPasswordHash(const std::string& email) = 0;
  // Sets or replaces a customer's portal password hash (kNotFound: no such customer).
  virtual Result<void> SetCustomerPassword(Id customer_id, const std::string& password_hash) = 0;
  // The customer with `email` and their portal password hash (kNotFound: none).
  virtual Result<CustomerCredential> CustomerPasswordHash(const std::string& email) = 0;

  // Stores a new token (its id is assigned); kConflict when the hash exists, kNotFound when the
  // staff member does not.
  virtual Result<ApiTokenRecord> SaveApiToken(const ApiTokenRecord& token) = 0;
  // The unrevoked token with this hash and its staff member, who must be active; kNotFound
  // otherwise (the same error whichever it is).
  virtual Result<ApiTokenMatch> FindApiToken(const std::string& token_hash) = 0;
  // Records a use of the token (callers throttle this: it is a write).
  virtual Result<void> TouchApiToken(Id token_id, Instant at) = 0;
  // Revokes the token for good; revoking a revoked token keeps its first revocation instant.
  virtual Result<void> RevokeApiToken(Id token_id, Instant at) = 0;
  // A staff member's tokens, revoked ones too, oldest first.
  virtual Result<std::vector<ApiTokenRecord>> ApiTokens(Id staff_id) = 0;

  // Stores a new session (its id is assigned). kInvalid unless exactly one of staff_id and
  // customer_id is set.
  virtual Result<SessionRecord> CreateSession(const SessionRecord& session) = 0;
  // The unrevoked session with this hash that has not expired at `now`; kNotFound otherwise.
  virtual Result<SessionRecord> FindSession(const std::string& session_hash, Instant now) = 0;
  // Signs the session out (idempotent; kNotFound when no session has this hash).
  virtual Result<void> RevokeSession(const std::string& session_hash) = 0;
  // Signs a staff member, or a customer, out everywhere (after a password change, deactivation);
  // returns how many sessions were open.
  virtual Result<std::int64_t> RevokeStaffSessions(Id staff_id) = 0;
  virtual Result<std::int64_t> RevokeCustomerSessions(Id customer_id) = 0;
  // Deletes sessions that expired before `now`; returns how many.
  virtual Result<std::int64_t> DeleteExpiredSessions(Instant now) = 0;

  // Sets or replaces the tracking secret's hash of a case (kNotFound: no such case).
  virtual Result<void> SaveCaseSecret(Id case_id, const std::string& secret_hash, Instant at) = 0;
  // The case with `reference` whose tracking secret hashes to `secret_hash`; kNotFound when the
  // reference or the secret is wrong (the same error, so a guess learns nothing).
  virtual Result<CaseRecord> FindCaseBySecret(std::string_view reference,
                                              const std::string& secret_hash) = 0;
};

// The outbox and the timers (correspondence.h). Messages and timers of a case are written with
// its events (CaseEffects); what is here is for the sender, the scheduler and their screens.
// Claims are leases: a claimed row is skipped by every other caller (every process, on
// PostgreSQL) until the lease runs out, so a process that dies mid-send is taken over later.
class CorrespondenceStore {
 public:
  virtual ~CorrespondenceStore() = default;
  // Messages that follow no case event (staff alerts of a service notice, say); ids assigned.
  virtual Result<std::vector<OutboxMessage>> Enqueue(std::span<const OutboxMessage> messages) = 0;
  // Up to `limit` pending emails whose next attempt is due at `now`, oldest first, each claimed
  // until now + lease.
  virtual Result<std::vector<OutboxMessage>> ClaimOutbox(Instant now, std::chrono::seconds lease,
                                                         int limit) = 0;
  // Sent (an email the server accepted; a letter printed or a call made, by staff).
  virtual Result<void> MarkSent(Id message_id, Instant at) = 0;
  // An attempt failed: tried again at `retry_at`, or failed for good when there is none.
  virtual Result<void> MarkFailed(Id message_id, const std::string& reason,
                                  std::optional<Instant> retry_at) = 0;
  // An admin's decision: a failed or cancelled message goes out again at `at`, or a pending one
  // is cancelled. kConflict when the message is not in a state that allows it.
  virtual Result<void> Requeue(Id message_id, Instant at) = 0;
  virtual Result<void> Cancel(Id message_id) = 0;
  virtual Result<OutboxMessage> FindOutboxMessage(Id message_id) = 0;
  // Newest first.
  virtual Result<Page<OutboxMessage>> Outbox(const OutboxQuery& query) = 0;
  // The timers due at `now` that have not fired, of up to `limit` cases, earliest first; each
  // case's timers are claimed together until now + lease (one claim a case keeps two processes
  // from acting on one case at once). A timer fires by a case write whose effects name it
  // (CaseEffects::fired_timer) or by FireTimer.
  virtual Result<std::vector<Timer>> ClaimTimers(Instant now, std::chrono::seconds lease,
                                                 int limit) = 0;
  // Fires a timer that records no case event (a staff alert, a survey invitation) and puts its
  // messages in the outbox, together; kConflict ("already fired") when it fired before, and
  // then nothing is written.
  virtual Result<std::vector<OutboxMessage>> FireTimer(Id timer_id,
                                                       std::span<const OutboxMessage> messages,
                                                       Instant at) = 0;
  // Decided suggestions (adopted or not) whose suggester, a customer, has not yet been told.
  virtual Result<std::vector<SuggestionRecord>> SuggestersToTell(int limit) = 0;
  // Records that the suggester was told, with the messages that tell them, together; kConflict
  // ("already told") when another process told them first, and then nothing is written.
  virtual Result<void> MarkSuggesterTold(Id suggestion_id, std::span<const OutboxMessage> messages,
                                         Instant at) = 0;
  // A case's timers, fired ones too, by fire_at.
  virtual Result<std::vector<Timer>> Timers(Id case_id) = 0;
  // The reference of the case an email belongs to: the one that filed it (an inbound Message-ID)
  // or sent it (an outbox message's id). None when no case did.
  virtual Result<std::optional<std::string>> CaseOfMessageId(const std::string& message_id) = 0;
  // Whether an email with this Message-ID was filed or recorded before.
  virtual Result<bool> MailFiled(const std::string& message_id) = 0;
  // Records a machine's email that belongs to no case (kept with its raw bytes, never answered);
  // kConflict ("already filed") when its Message-ID was filed before.
  virtual Result<void> RecordUnfiledMail(const UnfiledMail& mail, Instant at) = 0;
  // The templates an admin has edited (the shipped ones are not stored).
  virtual Result<std::vector<MessageTemplate>> SavedTemplates() = 0;
  // Saves an admin's edit of a template, replacing an earlier one of its kind and language.
  virtual Result<void> SaveTemplate(const MessageTemplate& message_template, Instant at,
                                    std::optional<Id> staff_id) = 0;
  // Goes back to the shipped template (kNotFound when there was no edit).
  virtual Result<void> DeleteTemplate(TemplateKind kind, const std::string& language) = 0;
  // When a message of `kind` was last put in the outbox for the customer (surveys are rationed).
  virtual Result<std::optional<Instant>> LastMessageTo(Id customer_id, std::string_view kind) = 0;
};

// Service notices (service_notice.h): what the portal shows while a service has a problem.
class NoticeStore {
 public:
  virtual ~NoticeStore() = default;
  // Stores a new notice (its id is assigned) and puts `messages` — the notice written to the
  // customers it concerns — in the outbox, together.
  virtual Result<ServiceNotice> CreateNotice(const ServiceNotice& notice,
                                             std::span<const OutboxMessage> messages) = 0;
  // Ends the notice at `at`: kNotFound when there is none, kConflict when it had ended by then,
  // kInvalid ("ends_at") when `at` is not after its start.
  virtual Result<ServiceNotice> EndNotice(Id notice_id, Instant at) = 0;
  // Every notice, newest first.
  virtual Result<Page<ServiceNotice>> Notices(const std::string& cursor, int limit) = 0;
  // The notices in force at `now`, newest first.
  virtual Result<std::vector<ServiceNotice>> NoticesInForce(Instant now) = 0;
  // The customers a notice about `service` (empty: every service) concerns: for each customer
  // with an open or paused case in it, their most recent such case.
  virtual Result<std::vector<CaseRecord>> NoticeCases(const std::string& service) = 0;
};

// The portal's standing satisfaction survey (satisfaction.h).
class SatisfactionStore {
 public:
  virtual ~SatisfactionStore() = default;
  // Stores a response (its id is assigned).
  virtual Result<SatisfactionResponse> SaveSatisfaction(const SatisfactionResponse& response) = 0;
  // How many responses gave each rating.
  virtual Result<SatisfactionCounts> CountSatisfaction() = 0;
  // The responses with a comment, newest first.
  virtual Result<Page<SatisfactionResponse>> SatisfactionComments(const std::string& cursor,
                                                                  int limit) = 0;
};

// One finding of `audit verify`: the first event whose hash does not hold.
struct BrokenLink {
  std::string reference;
  std::int64_t seq = 0;
  std::string reason;
};

class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  // Recomputes every case's hash chain; the first broken link, or none.
  virtual Result<std::optional<BrokenLink>> VerifyChain() = 0;
};

// Everything at once: what a process opens with `--db URL`.
// What reports read (issue 7). A case's figures are written with every write to it
// (CaseEffects::figures); cases written before (a store migrated from schema 4, imported
// histories) are found here and given theirs (core::FillMissingFigures).
// One complaint as the complaints register lists it: the case's reference, its figures (first
// acknowledgement and reply, outcomes, department) and its history (the texts of its remedies and
// preventive actions, which the figures do not keep).
struct RegisterCase {
  std::string reference;
  CaseFigures figures;
  std::vector<StoredEvent> events;
};

class ReportStore {
 public:
  virtual ~ReportStore() = default;
  // Hands `each` the figures of every case received in the filter's period that matches it, in
  // receipt order, one at a time (the figures handed over are valid during the call only).
  virtual Result<void> FiguresIn(const ReportFilter& filter, const FiguresVisitor& each) = 0;
  // A page of the complaints (cases whose kind is complaint; the filter's kinds are not read)
  // received in the filter's period that match it, in receipt order, each with its events: at
  // most `limit` (1 to 500) after `cursor` (empty: the first page). kInvalid naming "cursor" or
  // "limit".
  virtual Result<Page<RegisterCase>> ComplaintsIn(const ReportFilter& filter,
                                                  const std::string& cursor, int limit) = 0;
  // The suggestions received in [from, until), oldest first.
  virtual Result<std::vector<SuggestionRecord>> SuggestionsReceived(Instant from,
                                                                    Instant until) = 0;
  // The references of up to `limit` cases, lowest id first, without figures of the current
  // format.
  virtual Result<std::vector<std::string>> CasesWithoutFigures(int limit) = 0;
  // Writes the figures of existing cases (each its case_id's), in one transaction.
  virtual Result<void> SaveFigures(std::span<const CaseFigures> figures) = 0;
  // Whether every case is known to have figures of the current format (no search needed).
  virtual Result<bool> FiguresComplete() = 0;
  // Records that every case has figures of the current format, after checking that none is
  // missing in the same transaction; false, recording nothing, when one is.
  virtual Result<bool> MarkFiguresComplete() = 0;
  // Stores a new recommendation for the annual report (its id is assigned).
  virtual Result<Recommendation> SaveRecommendation(const Recommendation& recommendation) = 0;
  // The recommendations of `year`, in the order written.
  virtual Result<std::vector<Recommendation>> Recommendations(int year) = 0;
};

class Store : public CaseStore,
              public DirectoryStore,
              public PolicyStore,
              public AttachmentStore,
              public SuggestionStore,
              public AuditTrail,
              public CredentialStore,
              public CorrespondenceStore,
              public NoticeStore,
              public SatisfactionStore,
              public ReportStore {
 public:
  // The schema version this store's database is at.
  virtual int SchemaVersion() = 0;

  // Runs `reads` so that every read it makes through this store on this thread sees one
  // snapshot of the data (the SQLite store: one read transaction instead of one per read, about
  // a sixth of what GET /cases/{reference} costs). For read-only work: what is written inside
  // is not seen by the reads after it. A store without snapshots simply runs `reads`.
  virtual void ReadTogether(const std::function<void()>& reads) { reads(); }
};

}  // namespace caredesk::core
