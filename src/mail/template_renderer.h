// Renders a message template (core/message_template.h) with mstch into what is sent: a one-line
// subject, the plain-text body, and an accessible HTML body derived from that text. Values are
// plain text: they appear literally in the text (no mustache HTML escaping) and escaped in the
// HTML. Only the link values caredesk makes itself (track_url, survey_url, case_url) become links;
// a URL inside a customer's or staff member's words stays text.
//
// The customer's adjustments are honoured here: plain text only leaves the HTML empty (the
// message goes out as text/plain), large print sets the HTML at 150 %. Letters for post and fax
// are made from the same rendered text (mail/letter_pdf.h).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/message_template.h"

namespace caredesk::mail {

// Variable name → value, as listed by core::VariablesOf(kind). A name not given renders empty.
using MessageValues = std::map<std::string, std::string>;

struct RenderOptions {
  bool plain_text_only = false;
  bool large_print = false;
};

struct RenderedMessage {
  std::string subject;  // one line
  std::string text;     // paragraphs separated by one blank line, ending in a newline
  std::string html;     // a whole HTML document; empty when plain text only
};

// kInvalid (field "subject" or "text") when the template does not scan (core::ScanMustache) or is
// too long, or (field: the variable's name) when a value is not valid UTF-8 or is too long.
core::Result<RenderedMessage> Render(const core::MessageTemplate& tmpl, const MessageValues& values,
                                     const RenderOptions& options = {});

// Sample values for `kind` written in `language` ("es", else English), for previews and tests.
MessageValues SampleValues(core::TemplateKind kind, std::string_view language);

// The admin's preview: `tmpl` rendered with the sample values in `language` (the template's own
// language when empty).
core::Result<RenderedMessage> Preview(const core::MessageTemplate& tmpl,
                                      std::string_view language = {},
                                      const RenderOptions& options = {});

}  // namespace caredesk::mail
