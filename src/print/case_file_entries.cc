#include "print/case_file_entries.h"

#include <fmt/format.h>

#include "core/access.h"
#include "core/case_service.h"
#include "core/utf8.h"
#include "print/figure_text.h"

namespace caredesk::print::case_file {
namespace {

using core::CaseEvent;
namespace event = core::event;

bool StaffSees(std::string_view field, const EntryContext& context) {
  if (context.staff) return true;
  for (auto hidden : core::kStaffOnlyEventFields) {
    if (hidden == field) return false;
  }
  return true;
}

// "In person" → "in person", for the middle of a sentence.
std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::string StageText(const std::optional<core::Stage>& stage) {
  return stage ? Words(core::ToString(*stage)) : "no stage";
}

std::string RemedyText(const core::Remedy& remedy) {
  std::string text = Words(core::ToString(remedy.type));
  if (!remedy.description.empty()) text += ": " + PlainText(remedy.description);
  if (remedy.amount) {
    text += fmt::format(" ({})", MoneyText(remedy.amount->minor_units, remedy.amount->currency));
  }
  return text;
}

// Adds `text` as a paragraph of `style` unless it is empty, after `label` when one is given.
void AddText(std::vector<Block>& out, std::string_view label, std::string_view text,
             ParagraphStyle style = ParagraphStyle::kBody) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  out.push_back(Paragraph{
      label.empty() ? PlainText(text) : fmt::format("{}: {}", label, PlainText(text)), style});
}

// The blocks of each event type.
struct EventBlocks {
  std::vector<Block>& out;
  const CaseEvent& event;
  const core::CaseState& before;
  const core::CaseState& after;
  const EntryContext& context;

  void operator()(const event::Received& e) const {
    std::string facts = fmt::format("{}, by {}", Words(core::ToString(e.kind)),
                                    Lower(Words(core::ToString(e.channel))));
    if (e.stage || after.stage) {
      facts += ", at " + Lower(StageText(e.stage ? e.stage : after.stage));
    }
    if (e.anonymous) facts += ", anonymously";
    out.push_back(Paragraph{facts + "."});
    AddText(out, "Subject", e.subject);
    AddText(out, "Service", e.service);
    if (StaffSees("nature", context)) AddText(out, "Nature", e.nature);
    AddText(out, "", e.body, ParagraphStyle::kQuote);
    AddPoints(e.points);
  }
  void operator()(const event::Acknowledged& e) const {
    out.push_back(Paragraph{e.verbal ? "Acknowledged in person or on the call."
                                     : "The contact was acknowledged."});
  }
  void operator()(const event::Note& e) const {
    // Words the customer or someone else wrote are set apart from the staff's own.
    const bool staff_wrote = core::StaffIdOf(event.actor).has_value();
    AddText(out, "", e.text, staff_wrote ? ParagraphStyle::kBody : ParagraphStyle::kQuote);
  }
  void operator()(const event::CallLogged& e) const { AddText(out, "", e.summary); }
  void operator()(const event::Reclassified& e) const {
    AddText(out, "Reason", e.reason);
    if (e.stage) out.push_back(Paragraph{"Stage: " + StageText(e.stage) + "."});
    AddPoints(e.points);
  }
  void operator()(const event::Redirected& e) const { AddText(out, "", e.details); }
  void operator()(const event::Referred& e) const {
    AddText(out, "To", e.person);
    out.push_back(
        Paragraph{"An answer is expected by " + WhenText(e.expected_by, context.zone) + "."});
  }
  void operator()(const event::Replied& e) const { AddText(out, "", e.summary); }
  void operator()(const event::HoldingSent& e) const {
    out.push_back(Paragraph{"The customer was told to expect the answer by " +
                            WhenText(e.new_expected, context.zone) + "."});
    AddText(out, "Reason", e.reason);
  }
  void operator()(const event::Paused& e) const { AddText(out, "Reason", e.reason); }
  void operator()(const event::Resumed&) const {}
  void operator()(const event::Extended& e) const {
    const core::Standard* standard = context.policy.FindStandard(e.standard_id);
    const std::string which =
        e.standard_id.empty()
            ? "Every open deadline"
            : fmt::format("The deadline \"{}\"", standard ? standard->name : e.standard_id);
    out.push_back(
        Paragraph{fmt::format("{} is now due {}.", which, WhenText(e.new_due, context.zone))});
    AddText(out, "Reason", e.reason);
  }
  void operator()(const event::Escalated& e) const {
    out.push_back(
        Paragraph{fmt::format("From {} to {}.", StageText(before.stage), StageText(after.stage))});
    AddText(out, "Reason", e.reason);
  }
  void operator()(const event::Decided& e) const { AddText(out, "Reason", e.reason); }
  void operator()(const event::Resolved& e) const {
    if (e.outcome) {
      out.push_back(Paragraph{fmt::format("Outcome: {}.", Words(core::ToString(*e.outcome)))});
    }
    AddText(out, "", e.summary);
    if (!e.points.empty()) {
      List points;
      for (const auto& point : e.points) {
        const std::size_t index = static_cast<std::size_t>(point.number - 1);
        const std::string text = index < after.points.size()
                                     ? PlainText(after.points[index].text)
                                     : fmt::format("Point {}", point.number);
        points.items.push_back(
            fmt::format("{}. {}: {}", point.number, text, Words(core::ToString(point.outcome))));
      }
      out.push_back(Paragraph{"Outcome of each point of complaint:"});
      out.push_back(std::move(points));
    }
    if (!e.remedies.empty()) {
      List remedies;
      for (const auto& remedy : e.remedies) remedies.items.push_back(RemedyText(remedy));
      out.push_back(Paragraph{"Remedies:"});
      out.push_back(std::move(remedies));
    }
    if (StaffSees("root_cause", context)) AddText(out, "Root cause", e.root_cause);
    if (StaffSees("service_failure", context) && e.service_failure) {
      out.push_back(Paragraph{"A service failure was found."});
    }
    if (StaffSees("preventive_actions", context) && !e.preventive_actions.empty()) {
      List actions;
      for (const auto& action : e.preventive_actions) {
        actions.items.push_back(fmt::format("{} (owner: {}; due {})", PlainText(action.description),
                                            action.owner.empty() ? "none named" : action.owner,
                                            WhenText(action.due, context.zone)));
      }
      out.push_back(Paragraph{"Preventive actions planned:"});
      out.push_back(std::move(actions));
    }
  }
  void operator()(const event::PreventiveActionDone& e) const {
    AddAction(e.number);
    AddText(out, "", e.note);
  }
  void operator()(const event::PreventiveActionVerified& e) const {
    AddAction(e.number);
    out.push_back(Paragraph{e.recurred ? "Complaints of the same nature recurred."
                                       : "Complaints of the same nature did not recur."});
    AddText(out, "", e.note);
  }
  void operator()(const event::ExternalReferral& e) const {
    AddText(out, "Their reference", e.reference);
    AddText(out, "", e.details);
  }
  void operator()(const event::Reopened& e) const { AddText(out, "Reason", e.reason); }
  void operator()(const event::Closed& e) const { AddText(out, "Reason", e.reason); }
  void operator()(const event::SurveyAnswered& e) const {
    AddText(out, "", e.comment, ParagraphStyle::kQuote);
  }
  void operator()(const event::Assigned&) const {}

  void AddPoints(const std::vector<std::string>& points) const {
    if (points.empty()) return;
    List list;
    for (std::size_t i = 0; i < points.size(); ++i) {
      list.items.push_back(fmt::format("{}. {}", i + 1, PlainText(points[i])));
    }
    out.push_back(Paragraph{"Points of complaint:"});
    out.push_back(std::move(list));
  }
  void AddAction(int number) const {
    const std::size_t index = static_cast<std::size_t>(number - 1);
    if (number >= 1 && index < after.preventive_actions.size()) {
      AddText(out, "Action", after.preventive_actions[index].action.description);
    }
  }
};

}  // namespace

std::string WhenText(core::Instant at, const date::time_zone& zone) {
  return date::format("%F %H:%M %Z", date::make_zoned(&zone, at));
}

std::string PlainText(std::string_view text) {
  const bool valid = core::IsValidUtf8(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 == text.size() || text[i + 1] != '\n') out += '\n';
    } else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7F && c < 0x80)) {
      out += static_cast<char>(c);
    } else if (c >= 0x80) {
      if (valid) {
        out += static_cast<char>(c);
      } else {
        out += "\xEF\xBF\xBD";
      }
    }
  }
  return out;
}

std::string EventTitle(const CaseEvent& e, const core::CaseState& after) {
  using core::EventType;
  switch (e.type()) {
    case EventType::kReceived:
      return "Contact received";
    case EventType::kAcknowledged:
      return "Acknowledged";
    case EventType::kNote:
      if (core::CustomerSees(e)) return "Information from the customer";
      return e.actor.id.starts_with("email:") ? "Email on file" : "Internal note";
    case EventType::kCallLogged:
      return std::get<event::CallLogged>(e.payload).inbound ? "Call from the customer logged"
                                                            : "Call to the customer logged";
    case EventType::kReclassified:
      return "Reclassified as " +
             Words(core::ToString(std::get<event::Reclassified>(e.payload).new_kind));
    case EventType::kRedirected:
      return "Redirected to " + PlainText(std::get<event::Redirected>(e.payload).third_party);
    case EventType::kReferred:
      return "Referred to " + PlainText(std::get<event::Referred>(e.payload).department);
    case EventType::kReplied:
      return "Replied to the customer";
    case EventType::kHoldingSent:
      return "Holding reply sent";
    case EventType::kPaused:
      return "Paused, awaiting the customer";
    case EventType::kResumed:
      return "Resumed";
    case EventType::kExtended:
      return "Deadline extended";
    case EventType::kEscalated:
      return "Escalated to " + StageText(after.stage);
    case EventType::kDecided:
      return "Adjustment request decided: " +
             Words(core::ToString(std::get<event::Decided>(e.payload).decision));
    case EventType::kResolved: {
      const auto& outcome = std::get<event::Resolved>(e.payload).outcome;
      return outcome ? "Resolved: " + Words(core::ToString(*outcome)) : "Resolved";
    }
    case EventType::kPreventiveActionDone:
      return fmt::format("Preventive action {} done",
                         std::get<event::PreventiveActionDone>(e.payload).number);
    case EventType::kPreventiveActionVerified:
      return fmt::format("Preventive action {} verified",
                         std::get<event::PreventiveActionVerified>(e.payload).number);
    case EventType::kExternalReferral: {
      const auto& referral = std::get<event::ExternalReferral>(e.payload);
      return referral.outcome ? fmt::format("Decision of {}: {}", PlainText(referral.body),
                                            Words(core::ToString(*referral.outcome)))
                              : "Referred to " + PlainText(referral.body);
    }
    case EventType::kReopened:
      return "Reopened";
    case EventType::kClosed:
      return std::get<event::Closed>(e.payload).withdrawn ? "Closed: withdrawn by the customer"
                                                          : "Closed";
    case EventType::kSurveyAnswered:
      return fmt::format("Satisfaction survey answered: {} of 5",
                         std::get<event::SurveyAnswered>(e.payload).score);
    case EventType::kAssigned:
      return "Assigned to " + PlainText(std::get<event::Assigned>(e.payload).assignee.name);
  }
  return std::string(core::ToString(e.type()));
}

void AddEventBlocks(std::vector<Block>& out, const CaseEvent& event, const core::CaseState& before,
                    const core::CaseState& after, const EntryContext& context) {
  std::visit(EventBlocks{out, event, before, after, context}, event.payload);
}

std::string MessageTitle(const core::OutboxMessage& message) {
  const std::string subject = message.subject.empty() ? "" : ": " + PlainText(message.subject);
  if (message.staff_id) return "Alert to staff (" + Words(message.kind) + ")" + subject;
  switch (message.delivery) {
    case core::Delivery::kEmail:
      return "Email to the customer" + subject;
    case core::Delivery::kLetter:
      return "Letter to the customer" + subject;
    case core::Delivery::kCallTask:
      return "Call to make to the customer" + subject;
  }
  return "Message" + subject;
}

void AddMessageBlocks(std::vector<Block>& out, const core::OutboxMessage& message,
                      const EntryContext& context) {
  std::string to = "To: " + PlainText(message.recipient);
  for (const auto& cc : message.cc) to += "; copy to " + PlainText(cc);
  out.push_back(Paragraph{to, ParagraphStyle::kNote});
  std::string status;
  switch (message.status) {
    case core::OutboxStatus::kSent:
      status = message.sent_at ? "Sent " + WhenText(*message.sent_at, context.zone) + "." : "Sent.";
      break;
    case core::OutboxStatus::kPending:
      status = "Not sent yet.";
      break;
    case core::OutboxStatus::kFailed:
      status = "Could not be sent.";
      if (context.staff && !message.last_error.empty()) {
        status += " " + PlainText(message.last_error);
      }
      break;
    case core::OutboxStatus::kCancelled:
      status = "Cancelled; not sent.";
      break;
  }
  out.push_back(Paragraph{status, ParagraphStyle::kNote});
  if (!message.text.empty()) {
    out.push_back(Paragraph{PlainText(message.text)});
  } else if (!message.html.empty()) {
    out.push_back(Paragraph{"(Written as HTML only; the outbox keeps it.)", ParagraphStyle::kNote});
  }
}

}  // namespace caredesk::print::case_file
