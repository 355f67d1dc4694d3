// What the store keeps: customers, staff, departments, policy versions, the case projection,
// events with their place in the tamper-evident chain, attachments and suggestions. Plain
// values; the store port (store.h) reads and writes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/case_event.h"
#include "core/case_transitions.h"
#include "core/deadline.h"

namespace caredesk::core {

using Id = std::int64_t;

// Someone acting for the customer with their consent (an advocate, a relative).
struct Representative {
  std::string name;
  std::string email;
  std::string relationship;
  std::optional<Instant> consent_at;

  friend bool operator==(const Representative&, const Representative&) = default;
};

struct CustomerRecord {
  Id id = 0;
  std::string name;
  std::string email;  // unique when present; how email and the portal find the customer
  std::string phone;
  std::string address;
  std::string language = "en";
  std::string accessibility;             // needs in the customer's words ("BSL interpreter")
  std::vector<std::string> adjustments;  // plain_text, large_print, phone_only, advocate_copy
  std::string contact_preference;        // email, phone or post; empty: the contact's channel
  std::optional<Id> account_manager_id;  // a staff member
  std::optional<Representative> representative;
  Instant created_at;

  friend bool operator==(const CustomerRecord&, const CustomerRecord&) = default;
};

enum class Role { kAgent, kManager, kAuditor, kAdmin };
std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view text);

struct StaffRecord {
  Id id = 0;
  std::string email;  // unique
  std::string name;
  std::string initials;
  Role role = Role::kAgent;
  std::optional<Id> department_id;
  bool active = true;

  friend bool operator==(const StaffRecord&, const StaffRecord&) = default;
};

struct DepartmentRecord {
  Id id = 0;
  std::string name;  // unique
  std::optional<Id> manager_id;

  friend bool operator==(const DepartmentRecord&, const DepartmentRecord&) = default;
};

struct PolicyVersionRecord {
  std::string version;  // Policy::version, derived from the text
  std::string text;
  Instant installed_at;
  bool active = false;  // the version new contacts are judged under

  friend bool operator==(const PolicyVersionRecord&, const PolicyVersionRecord&) = default;
};

// The queryable projection of a case: what the queue, filters and reports read. Derived from
// the events (the fold and the deadlines) and rewritten with each event in one transaction.
struct CaseRecord {
  Id id = 0;
  std::string reference;  // CD-2026-000123
  Kind kind = Kind::kQuestion;
  Channel channel = Channel::kEmail;
  std::optional<Stage> stage;  // complaints only
  CaseStatus status = CaseStatus::kOpen;
  bool anonymous = false;
  std::optional<Id> customer_id;
  std::optional<Id> department_id;
  std::optional<Id> assignee_id;
  std::string subject;
  std::string nature;
  std::string service;
  std::string policy_version;  // the version in force at receipt; deadlines are judged by it
  Instant received_at;         // when the customer made contact
  Instant logged_at;           // when it was put on file
  Instant updated_at;
  std::optional<Instant> next_due;  // the earliest open deadline
  std::string next_standard;
  std::optional<DeadlineStatus> next_status;
  std::int64_t event_count = 0;

  friend bool operator==(const CaseRecord&, const CaseRecord&) = default;
};

// One event as kept on file: its place in the case's history and in the hash chain.
struct StoredEvent {
  Id case_id = 0;
  std::int64_t seq = 0;  // 1, 2, 3 … within the case
  CaseEvent event;
  Instant recorded_at;
  std::string prev_hash;  // the previous event's hash; 64 zeros for the first
  std::string hash;       // SHA-256 over the event's canonical content and prev_hash

  friend bool operator==(const StoredEvent&, const StoredEvent&) = default;
};

struct AttachmentRecord {
  std::string sha256;  // content address
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;
  std::int64_t event_seq = 0;  // the event it came with

  friend bool operator==(const AttachmentRecord&, const AttachmentRecord&) = default;
};

enum class SuggestionStatus { kReceived, kUnderReview, kAdopted, kNotAdopted };
std::string_view ToString(SuggestionStatus status);
std::optional<SuggestionStatus> ParseSuggestionStatus(std::string_view text);

struct SuggestionRecord {
  Id id = 0;
  std::optional<Id> customer_id;
  Channel channel = Channel::kWeb;
  std::string text;
  Instant received_at;
  SuggestionStatus status = SuggestionStatus::kReceived;
  std::string response;    // what was done, or the reasons it was not adopted (seed 004)
  bool published = false;  // shown under "you said, we did"

  friend bool operator==(const SuggestionRecord&, const SuggestionRecord&) = default;
};

}  // namespace caredesk::core
