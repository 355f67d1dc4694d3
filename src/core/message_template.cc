#include "core/message_template.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/mustache_scan.h"

namespace caredesk::core {
namespace {

constexpr auto kVariables = std::to_array<TemplateVariable>({
    {"organisation", "the organisation's name"},
    {"customer_name", "the customer's name as they gave it; empty when not known"},
    {"reference", "the case reference, e.g. CD-2026-000123"},
    {"subject", "what the case is about, in the customer's words or a summary"},
    {"received_date", "when the contact was received"},
    {"expected_date",
     "when the customer can expect the full response (for a stage 2 acknowledgement, the "
     "outcome of the review); in a holding reply, the date given before"},
    {"referred_to",
     "who the case was referred to: a person's name, with their team if useful, e.g. \"Sam "
     "Patel (Certificates team)\"; empty when not referred"},
    {"staff_name",
     "the member of staff signing the message; in an alert, the member of staff it is sent to"},
    {"is_complaint", "flag: the contact is a complaint"},
    {"reply_text", "the reply the member of staff wrote"},
    {"new_expected_date", "the new date by which the customer can expect the full response"},
    {"delay_reason", "why the response will be later than first said"},
    {"escalated_date", "when the customer asked for the complaint to be reviewed"},
    {"survey_url", "the link to this case's satisfaction survey"},
    {"track_url", "the link to this case on the customer portal; empty when there is none"},
    {"suggestion_text", "the suggestion as the customer made it"},
    {"outcome_text", "what was done with the suggestion, or the reasons it was not adopted"},
    {"adopted", "flag: the suggestion was adopted, wholly or in part"},
    {"notice_title", "the service notice's title"},
    {"notice_text", "the service notice: what is affected, since when, what to expect"},
    {"standard", "the standard the deadline comes from, in words"},
    {"due_at", "when the deadline falls due (date and time)"},
    {"case_url", "the link to the case in the staff console"},
});

using Names = std::span<const std::string_view>;

constexpr std::string_view kAckVariables[] = {
    "organisation", "customer_name", "reference",    "subject",       "received_date",
    "track_url",    "staff_name",    "is_complaint", "expected_date", "referred_to"};
constexpr std::string_view kAckRequired[] = {"reference", "expected_date", "referred_to"};

constexpr std::string_view kHoldingVariables[] = {
    "organisation",  "customer_name",     "reference",    "subject",
    "received_date", "track_url",         "staff_name",   "is_complaint",
    "expected_date", "new_expected_date", "delay_reason", "referred_to"};
constexpr std::string_view kHoldingRequired[] = {"reference", "new_expected_date", "delay_reason"};

constexpr std::string_view kReplyVariables[] = {"organisation", "customer_name", "reference",
                                                "subject",      "received_date", "track_url",
                                                "staff_name",   "is_complaint",  "reply_text"};
constexpr std::string_view kReplyRequired[] = {"reference", "reply_text"};

constexpr std::string_view kStage2Variables[] = {
    "organisation", "customer_name", "reference",      "subject",       "received_date",
    "track_url",    "staff_name",    "escalated_date", "expected_date", "referred_to"};
constexpr std::string_view kStage2Required[] = {"reference", "expected_date"};

constexpr std::string_view kSurveyVariables[] = {"organisation", "customer_name", "reference",
                                                 "subject",      "received_date", "track_url",
                                                 "staff_name",   "survey_url"};
constexpr std::string_view kSurveyRequired[] = {"reference", "survey_url"};

constexpr std::string_view kSuggestionVariables[] = {
    "organisation", "customer_name", "reference",       "subject",      "received_date",
    "track_url",    "staff_name",    "suggestion_text", "outcome_text", "adopted"};
constexpr std::string_view kSuggestionRequired[] = {"reference", "outcome_text"};

constexpr std::string_view kAlertVariables[] = {
    "organisation",  "staff_name",  "reference", "subject", "customer_name",
    "received_date", "referred_to", "standard",  "due_at",  "case_url"};
constexpr std::string_view kAlertRequired[] = {"reference", "standard", "due_at"};

constexpr std::string_view kNoticeVariables[] = {"organisation", "customer_name", "reference",
                                                 "subject",      "track_url",     "staff_name",
                                                 "notice_title", "notice_text"};
constexpr std::string_view kNoticeRequired[] = {"notice_title", "notice_text"};

bool Contains(Names names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string Join(Names names) {
  std::string joined;
  for (const auto name : names) {
    if (!joined.empty()) joined += ", ";
    joined += name;
  }
  return joined;
}

std::string_view MeaningOf(std::string_view name) {
  for (const auto& variable : kVariables) {
    if (variable.name == name) return variable.meaning;
  }
  return {};
}

bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The checks of one field of one template; adds the names it uses to `used`.
void CheckField(const MessageTemplate& tmpl, std::string_view field, std::string_view text,
                std::set<std::string>& used, std::vector<TemplateProblem>& problems) {
  auto add = [&](TemplateProblemKind problem, std::string message) {
    problems.push_back({problem, tmpl.kind, tmpl.language, std::string(field), std::move(message)});
  };
  if (IsBlank(text)) {
    add(TemplateProblemKind::kEmpty, fmt::format("the {} is empty", field));
    return;
  }
  auto tags = ScanMustache(text);
  if (!tags) {
    add(TemplateProblemKind::kSyntax, fmt::format("{}: {}", field, tags.error().message));
    return;
  }
  const Names allowed = VariablesOf(tmpl.kind);
  std::set<std::string> reported;
  for (const auto& tag : *tags) {
    if (tag.type == MustacheTagType::kComment || tag.type == MustacheTagType::kSectionEnd) continue;
    used.insert(tag.name);
    if (Contains(allowed, tag.name) || !reported.insert(tag.name).second) continue;
    add(TemplateProblemKind::kUnknownVariable,
        fmt::format("{}, line {}: `{}` is not a variable of {} templates (they may use: {})", field,
                    tag.line, tag.name, ToString(tmpl.kind), Join(allowed)));
  }
}

}  // namespace

std::string_view ToString(TemplateKind kind) {
  return NameOf(kTemplateKindNames, kind, "acknowledgement");
}
std::optional<TemplateKind> ParseTemplateKind(std::string_view text) {
  return EnumNamed(kTemplateKindNames, text);
}
std::string_view ToString(TemplateProblemKind kind) {
  return NameOf(kTemplateProblemKindNames, kind, "syntax");
}

bool IsStaffAlert(TemplateKind kind) {
  return kind == TemplateKind::kDueSoonAlert || kind == TemplateKind::kBreachAlert;
}

std::span<const TemplateVariable> AllTemplateVariables() { return kVariables; }

std::span<const std::string_view> VariablesOf(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::kAcknowledgement:
      return kAckVariables;
    case TemplateKind::kHoldingReply:
      return kHoldingVariables;
    case TemplateKind::kReply:
      return kReplyVariables;
    case TemplateKind::kStage2Acknowledgement:
      return kStage2Variables;
    case TemplateKind::kSurveyInvitation:
      return kSurveyVariables;
    case TemplateKind::kSuggestionOutcome:
      return kSuggestionVariables;
    case TemplateKind::kDueSoonAlert:
    case TemplateKind::kBreachAlert:
      return kAlertVariables;
    case TemplateKind::kServiceNotice:
      return kNoticeVariables;
  }
  return {};
}

std::span<const std::string_view> RequiredVariablesOf(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::kAcknowledgement:
      return kAckRequired;
    case TemplateKind::kHoldingReply:
      return kHoldingRequired;
    case TemplateKind::kReply:
      return kReplyRequired;
    case TemplateKind::kStage2Acknowledgement:
      return kStage2Required;
    case TemplateKind::kSurveyInvitation:
      return kSurveyRequired;
    case TemplateKind::kSuggestionOutcome:
      return kSuggestionRequired;
    case TemplateKind::kDueSoonAlert:
    case TemplateKind::kBreachAlert:
      return kAlertRequired;
    case TemplateKind::kServiceNotice:
      return kNoticeRequired;
  }
  return {};
}

std::vector<TemplateProblem> CheckTemplates(std::span<const MessageTemplate> templates,
                                            std::span<const std::string> languages) {
  std::vector<TemplateProblem> problems;
  std::set<std::pair<TemplateKind, std::string>> seen;
  for (const auto& tmpl : templates) {
    if (IsBlank(tmpl.language)) {
      problems.push_back({TemplateProblemKind::kEmpty, tmpl.kind, tmpl.language, "language",
                          fmt::format("a {} template has no language", ToString(tmpl.kind))});
    } else if (!seen.insert({tmpl.kind, tmpl.language}).second) {
      problems.push_back({TemplateProblemKind::kDuplicate, tmpl.kind, tmpl.language, "",
                          fmt::format("there is more than one {} template in \"{}\"",
                                      ToString(tmpl.kind), tmpl.language)});
    }
    std::set<std::string> used;
    const std::size_t before = problems.size();
    CheckField(tmpl, "subject", tmpl.subject, used, problems);
    CheckField(tmpl, "text", tmpl.text, used, problems);
    // A required variable is only missing from a template whose fields could be read.
    const bool readable = std::none_of(problems.begin() + static_cast<std::ptrdiff_t>(before),
                                       problems.end(), [](const TemplateProblem& p) {
                                         return p.problem == TemplateProblemKind::kSyntax ||
                                                p.problem == TemplateProblemKind::kEmpty;
                                       });
    if (!readable) continue;
    for (const auto name : RequiredVariablesOf(tmpl.kind)) {
      if (used.count(std::string(name)) != 0) continue;
      problems.push_back({TemplateProblemKind::kMissingVariable, tmpl.kind, tmpl.language, "text",
                          fmt::format("a {} template must use `{}` ({})", ToString(tmpl.kind), name,
                                      MeaningOf(name))});
    }
  }
  for (const auto& language : languages) {
    for (const auto kind : kAllTemplateKinds) {
      if (seen.count({kind, language}) != 0) continue;
      problems.push_back({TemplateProblemKind::kMissingTranslation, kind, language, "",
                          fmt::format("there is no {} template in \"{}\", one of the policy's "
                                      "languages",
                                      ToString(kind), language)});
    }
  }
  return problems;
}

const MessageTemplate* SelectTemplate(std::span<const MessageTemplate> templates, TemplateKind kind,
                                      std::string_view language,
                                      std::string_view fallback_language) {
  auto find = [&](std::string_view wanted) -> const MessageTemplate* {
    if (wanted.empty()) return nullptr;
    for (const auto& tmpl : templates) {
      if (tmpl.kind == kind && tmpl.language == wanted) return &tmpl;
    }
    return nullptr;
  };
  if (const auto* exact = find(language)) return exact;
  if (const auto dash = language.find_first_of("-_"); dash != std::string_view::npos) {
    if (const auto* primary = find(language.substr(0, dash))) return primary;
  }
  return find(fallback_language);
}

}  // namespace caredesk::core
