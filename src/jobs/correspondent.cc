#include "jobs/correspondent.h"

#include <fmt/format.h>

#include <algorithm>

#include "mail/default_templates.h"

namespace caredesk::jobs {
namespace {

bool ByPost(core::Channel channel) {
  return channel == core::Channel::kPost || channel == core::Channel::kFax;
}

}  // namespace

bool Wants(const core::CustomerRecord& customer, std::string_view adjustment) {
  return std::find(customer.adjustments.begin(), customer.adjustments.end(), adjustment) !=
         customer.adjustments.end();
}

std::string Correspondent::NewMessageId() {
  return fmt::format("{}@{}", unique_(), identity_.domain);
}

core::Result<void> Correspondent::Write(core::TemplateKind kind, const core::Policy& policy,
                                        std::string_view language,
                                        const mail::MessageValues& values,
                                        const mail::RenderOptions& options,
                                        core::OutboxMessage& message) {
  auto saved = store_.SavedTemplates();
  if (!saved) return tl::unexpected(saved.error());
  std::vector<core::MessageTemplate> templates = std::move(*saved);
  for (auto& shipped : mail::DefaultTemplates()) templates.push_back(std::move(shipped));
  const std::string fallback = policy.languages.empty() ? "en" : policy.languages.front();
  // An edit comes before the shipped template of its kind and language: SelectTemplate takes
  // the first match.
  const core::MessageTemplate* chosen = core::SelectTemplate(templates, kind, language, fallback);
  if (!chosen) chosen = core::SelectTemplate(templates, kind, "en", "en");
  if (!chosen) {
    return core::Fail(core::ErrorCode::kNotFound,
                      fmt::format("no {} template in \"{}\"", core::ToString(kind), language));
  }
  auto rendered = mail::Render(*chosen, values, options);
  if (!rendered) return tl::unexpected(rendered.error());
  message.kind = std::string(core::ToString(kind));
  message.language = chosen->language;
  message.subject = std::move(rendered->subject);
  message.text = std::move(rendered->text);
  message.html = std::move(rendered->html);
  message.large_print = options.large_print;
  message.message_id = NewMessageId();
  return {};
}

core::Result<std::optional<core::OutboxMessage>> Correspondent::ToCustomer(
    core::TemplateKind kind, const core::CaseView& view,
    const std::optional<core::CustomerRecord>& customer, const mail::MessageValues& extra) {
  if (!customer || view.state.anonymous) return std::optional<core::OutboxMessage>();
  core::OutboxMessage message;
  message.case_id = view.record.id;
  message.customer_id = customer->id;
  const bool phone_only = Wants(*customer, "phone_only") || customer->contact_preference == "phone";
  const bool post = customer->contact_preference == "post" ||
                    (customer->contact_preference.empty() && ByPost(view.state.channel));
  if (phone_only && !customer->phone.empty()) {
    message.delivery = core::Delivery::kCallTask;
    message.recipient = fmt::format("{} {}", customer->name, customer->phone);
  } else if ((post || customer->email.empty()) && !customer->address.empty()) {
    message.delivery = core::Delivery::kLetter;
    message.recipient = customer->name.empty()
                            ? customer->address
                            : fmt::format("{}\n{}", customer->name, customer->address);
  } else if (!customer->email.empty()) {
    message.delivery = core::Delivery::kEmail;
    message.recipient = customer->email;
    if (Wants(*customer, "advocate_copy") && customer->representative &&
        !customer->representative->email.empty()) {
      message.cc.push_back(customer->representative->email);
    }
  } else if (!customer->phone.empty()) {
    message.delivery = core::Delivery::kCallTask;
    message.recipient = fmt::format("{} {}", customer->name, customer->phone);
  } else {
    return std::optional<core::OutboxMessage>();
  }
  const std::string& language = customer->language.empty() ? "en" : customer->language;
  mail::MessageValues values = CaseValues(view, &*customer, language, site_);
  for (const auto& [name, value] : extra) values[name] = value;
  const mail::RenderOptions options{
      Wants(*customer, "plain_text") || message.delivery != core::Delivery::kEmail,
      Wants(*customer, "large_print")};
  if (auto written = Write(kind, *view.policy, language, values, options, message); !written) {
    return tl::unexpected(written.error());
  }
  return std::optional(std::move(message));
}

core::Result<std::optional<core::OutboxMessage>> Correspondent::ToStaff(
    core::TemplateKind kind, const core::CaseView& view, const core::StaffRecord& staff,
    const mail::MessageValues& extra) {
  if (staff.email.empty() || !staff.active) return std::optional<core::OutboxMessage>();
  core::OutboxMessage message;
  message.case_id = view.record.id;
  message.staff_id = staff.id;
  message.delivery = core::Delivery::kEmail;
  message.recipient = staff.email;
  const std::string language =
      view.policy->languages.empty() ? "en" : view.policy->languages.front();
  mail::MessageValues values = CaseValues(view, nullptr, language, site_);
  values["staff_name"] = staff.name;
  for (const auto& [name, value] : extra) values[name] = value;
  if (auto written = Write(kind, *view.policy, language, values, {}, message); !written) {
    return tl::unexpected(written.error());
  }
  return std::optional(std::move(message));
}

core::Result<std::optional<core::OutboxMessage>> Correspondent::ToSuggester(
    const core::SuggestionRecord& suggestion, const core::CustomerRecord& customer,
    const core::Policy& policy) {
  if (customer.email.empty()) return std::optional<core::OutboxMessage>();
  core::OutboxMessage message;
  message.customer_id = customer.id;
  message.delivery = core::Delivery::kEmail;
  message.recipient = customer.email;
  const std::string& language = customer.language.empty() ? "en" : customer.language;
  mail::MessageValues values;
  values["organisation"] = policy.name;
  values["customer_name"] = customer.name;
  values["reference"] = fmt::format("S-{}", suggestion.id);
  values["received_date"] = LongDate(suggestion.received_at, policy.calendar->zone(), language);
  values["suggestion_text"] = suggestion.text;
  values["outcome_text"] = suggestion.response;
  if (suggestion.status == core::SuggestionStatus::kAdopted) values["adopted"] = "yes";
  const mail::RenderOptions options{Wants(customer, "plain_text"), Wants(customer, "large_print")};
  if (auto written =
          Write(core::TemplateKind::kSuggestionOutcome, policy, language, values, options, message);
      !written) {
    return tl::unexpected(written.error());
  }
  return std::optional(std::move(message));
}

}  // namespace caredesk::jobs
