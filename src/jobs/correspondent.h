// Writes the messages caredesk sends, from the templates in force (an admin's edit, else the one
// shipped with caredesk) in the reader's language, and decides how each reaches its reader:
// - by email, to the customer's address, with their advocate copied when they asked for it;
// - as a letter (post and fax contacts, or a customer with an address and no email), which staff
//   print from the outbox;
// - as a call task for staff, when the customer asked to be contacted by phone only;
// - plain text only and large print when the customer asked for them.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/case_service.h"
#include "core/store.h"
#include "jobs/message_values.h"

namespace caredesk::jobs {

// Who messages come from, and the domain of the message ids caredesk makes.
struct MailIdentity {
  std::string from_address = "care@localhost";
  std::string from_name;  // empty: the organisation's name
  std::string domain = "caredesk.invalid";
};

class Correspondent {
 public:
  // `unique` returns a new random token for each message id.
  Correspondent(core::Store& store, MailIdentity identity, PublicSite site,
                std::function<std::string()> unique)
      : store_(store),
        identity_(std::move(identity)),
        site_(std::move(site)),
        unique_(std::move(unique)) {}

  // The message of `kind` to the case's customer, rendered with the case's values and `extra`;
  // none when the customer cannot be reached (anonymous, or no address of any kind on file).
  core::Result<std::optional<core::OutboxMessage>> ToCustomer(
      core::TemplateKind kind, const core::CaseView& view,
      const std::optional<core::CustomerRecord>& customer, const mail::MessageValues& extra = {});

  // The alert of `kind` about the case to a member of staff; none when they have no email.
  core::Result<std::optional<core::OutboxMessage>> ToStaff(core::TemplateKind kind,
                                                           const core::CaseView& view,
                                                           const core::StaffRecord& staff,
                                                           const mail::MessageValues& extra = {});

  // The outcome of a decided suggestion to the customer who made it, by email; none when they
  // have no email address.
  core::Result<std::optional<core::OutboxMessage>> ToSuggester(
      const core::SuggestionRecord& suggestion, const core::CustomerRecord& customer,
      const core::Policy& policy);

  const MailIdentity& identity() const { return identity_; }

 private:
  // `kind` rendered for `language` into `message` (subject, text, html).
  core::Result<void> Write(core::TemplateKind kind, const core::Policy& policy,
                           std::string_view language, const mail::MessageValues& values,
                           const mail::RenderOptions& options, core::OutboxMessage& message);
  std::string NewMessageId();

  core::Store& store_;
  MailIdentity identity_;
  PublicSite site_;
  std::function<std::string()> unique_;
};

// True when the customer asked for `adjustment` (plain_text, large_print, phone_only,
// advocate_copy).
bool Wants(const core::CustomerRecord& customer, std::string_view adjustment);

}  // namespace caredesk::jobs
