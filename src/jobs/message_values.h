// The values a message template is rendered with (mail/template_renderer.h), read off a case:
// its reference, subject and dates written out in the reader's language and the policy's time
// zone, who it was referred to, when the customer can expect an answer, the portal links.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/case_service.h"
#include "mail/template_renderer.h"

namespace caredesk::jobs {

// Where caredesk is reached from outside, for the links in messages ("https://care.example.org").
// Empty: messages carry no links.
struct PublicSite {
  std::string url;
};

// "Monday 23 November 2026" / "lunes, 23 de noviembre de 2026": the local date of `instant` in
// `zone`, for a reader of `language`.
std::string LongDate(core::Instant instant, const date::time_zone& zone, std::string_view language);

// The reply the customer is waiting for: the strictest pending reply (or resolution) deadline.
std::optional<core::Instant> ExpectedReply(const core::CaseView& view);

// Every value a customer's message about `view` may use, written for `language`.
mail::MessageValues CaseValues(const core::CaseView& view, const core::CustomerRecord* customer,
                               std::string_view language, const PublicSite& site);

}  // namespace caredesk::jobs
