// The messages caredesk writes: one template per kind and language, which an admin edits. A
// template is a subject and one plain-text body, both mustache; the HTML email and the printed
// letter are derived from the rendered text (paragraphs are separated by blank lines), so there
// is one text to translate and keep right per kind and language. The core knows the kinds, the
// variables each kind may use and how to check a set of templates against the policy's languages;
// rendering (mstch) and letters (cairo) are in src/mail.
//
// Values are plain text the caller has already formatted for the reader (dates in the reader's
// language and the policy's time zone). A flag is "yes" when set and empty when not, and is used
// as a section: {{#is_complaint}}complaint{{/is_complaint}}{{^is_complaint}}message{{/…}}.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_names.h"

namespace caredesk::core {

enum class TemplateKind {
  kAcknowledgement,        // to the customer: received, reference, referred to, expected date
  kHoldingReply,           // to the customer: the reply will be late, new date and reason
  kReply,                  // to the customer: the answer (staff write reply_text)
  kStage2Acknowledgement,  // to the customer: the request for a review was received
  kSurveyInvitation,       // to the customer: how did we do?
  kSuggestionOutcome,      // to the customer: what was done with a suggestion, or why not
  kDueSoonAlert,           // to staff: a deadline is due soon
  kBreachAlert,            // to staff: a deadline was missed
  kServiceNotice,          // to customers a problem affecting service concerns
};
inline constexpr auto kTemplateKindNames = std::to_array<NamedValue<TemplateKind>>({
    {TemplateKind::kAcknowledgement, "acknowledgement"},
    {TemplateKind::kHoldingReply, "holding_reply"},
    {TemplateKind::kReply, "reply"},
    {TemplateKind::kStage2Acknowledgement, "stage2_acknowledgement"},
    {TemplateKind::kSurveyInvitation, "survey_invitation"},
    {TemplateKind::kSuggestionOutcome, "suggestion_outcome"},
    {TemplateKind::kDueSoonAlert, "due_soon_alert"},
    {TemplateKind::kBreachAlert, "breach_alert"},
    {TemplateKind::kServiceNotice, "service_notice"},
});
static_assert(IsOrderedNameTable(kTemplateKindNames));
inline constexpr std::array kAllTemplateKinds = ValuesOf(kTemplateKindNames);

std::string_view ToString(TemplateKind kind);
std::optional<TemplateKind> ParseTemplateKind(std::string_view text);

// True for the kinds written to staff rather than to customers.
bool IsStaffAlert(TemplateKind kind);

struct MessageTemplate {
  TemplateKind kind = TemplateKind::kAcknowledgement;
  std::string language;  // e.g. "en", "es"
  std::string subject;   // mustache; rendered on one line
  std::string text;      // mustache; the plain-text body
};

// One variable a template may use, and what the caller puts in it.
struct TemplateVariable {
  std::string_view name;
  std::string_view meaning;
};

// Every variable any template may use, in the order an admin's help lists them.
std::span<const TemplateVariable> AllTemplateVariables();

// The variables a template of `kind` may use, and those it must use somewhere in its subject or
// text (an acknowledgement that does not name the reference and the expected date is wrong).
std::span<const std::string_view> VariablesOf(TemplateKind kind);
std::span<const std::string_view> RequiredVariablesOf(TemplateKind kind);

enum class TemplateProblemKind {
  kMissingTranslation,  // a kind with no template in one of the policy's languages
  kDuplicate,           // two templates for the same kind and language
  kEmpty,               // an empty subject, text or language
  kSyntax,              // a tag never closed, unbalanced sections, a partial
  kUnknownVariable,     // a variable this kind does not have
  kMissingVariable,     // a variable this kind must use is not used
};
inline constexpr auto kTemplateProblemKindNames = std::to_array<NamedValue<TemplateProblemKind>>({
    {TemplateProblemKind::kMissingTranslation, "missing_translation"},
    {TemplateProblemKind::kDuplicate, "duplicate"},
    {TemplateProblemKind::kEmpty, "empty"},
    {TemplateProblemKind::kSyntax, "syntax"},
    {TemplateProblemKind::kUnknownVariable, "unknown_variable"},
    {TemplateProblemKind::kMissingVariable, "missing_variable"},
});
static_assert(IsOrderedNameTable(kTemplateProblemKindNames));

std::string_view ToString(TemplateProblemKind kind);

struct TemplateProblem {
  TemplateProblemKind problem = TemplateProblemKind::kSyntax;
  TemplateKind kind = TemplateKind::kAcknowledgement;
  std::string language;
  std::string field;    // "subject", "text", "language", or empty for the set as a whole
  std::string message;  // a sentence an admin can act on
};

// Every problem with `templates` as the set a policy with `languages` uses: each kind must have
// a template in each language (a missing translation), once; each template must have a subject
// and a text that scan as mustache, use only its kind's variables and use the required ones.
// Templates in other languages are checked too. No problems means the set is complete.
std::vector<TemplateProblem> CheckTemplates(std::span<const MessageTemplate> templates,
                                            std::span<const std::string> languages);

// The template of `kind` for a reader of `language`: that language, else its primary subtag
// ("es-MX" → "es"), else `fallback_language` (the policy's first), else none.
const MessageTemplate* SelectTemplate(std::span<const MessageTemplate> templates, TemplateKind kind,
                                      std::string_view language,
                                      std::string_view fallback_language);

}  // namespace caredesk::core
