// A case's complete file (issue 7), for the customer or a regulator: the case as recorded (its
// reference, kind, channel, receipt, customer, status, stage, service, nature and department),
// then every entry of its history in order — each with its date, its time in the organisation's
// time zone (the zone named) and the initials of the staff member who made it, or "customer" or
// "system" — with the correspondence in and out as plain text, its deadlines met or breached,
// the files that came with it and whether its hash chain holds. Built as a Document, so it prints
// to PDF (document_pdf.h) or HTML (document_html.h) alike.
//
// Two audiences. The regulator's copy holds everything. The customer's copy leaves out what the
// customer is not shown anywhere else (core::CustomerSees, core::kStaffOnlyEventFields): internal
// notes, logged calls, pauses, assignments, preventive-action progress, the nature and root cause,
// the department, alerts to staff and delivery errors.
//
// Pure: it formats the instants it is handed in the zone of the case's policy; it reads no clock
// and no store (case_file_source.h gathers what it needs).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_service.h"
#include "core/correspondence.h"
#include "print/document.h"

namespace caredesk::print {

enum class CaseFileAudience { kCustomer, kRegulator };

// "customer" or "regulator".
std::optional<CaseFileAudience> ParseCaseFileAudience(std::string_view text);
std::string_view ToString(CaseFileAudience audience);

// Whether the case's hash chain held when the file was made (store::VerifyCaseChain).
struct ChainCheck {
  std::optional<core::BrokenLink> broken;  // the first event whose hash does not hold
  std::string last_hash;                   // the hash of the newest event
};

// What the file shows, as read from the store.
struct CaseFileInput {
  core::CaseView view;  // the case, every event and every deadline under its policy
  std::optional<core::CustomerRecord> customer;
  std::string department;                     // the name of the case's department; empty: none
  std::vector<core::StaffRecord> staff;       // to name actors and find initials not recorded
  std::vector<core::OutboxMessage> messages;  // every message about the case, oldest first
  std::vector<core::AttachmentRecord> attachments;
  std::optional<ChainCheck> chain;  // none: not checked
  core::Instant generated_at;
};

Document CaseFile(const CaseFileInput& input, CaseFileAudience audience);

}  // namespace caredesk::print
