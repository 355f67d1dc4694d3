#include "print/case_file.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/access.h"
#include "core/directory.h"
#include "print/case_file_entries.h"
#include "print/figure_text.h"

namespace caredesk::print {
namespace {

using case_file::EntryContext;
using case_file::PlainText;
using case_file::WhenText;

const core::StaffRecord* FindStaff(const std::vector<core::StaffRecord>& staff, core::Id id) {
  auto found =
      std::find_if(staff.begin(), staff.end(), [&](const auto& member) { return member.id == id; });
  return found == staff.end() ? nullptr : &*found;
}

// Who made an entry: a staff member's initials (and name), "customer", "system", or the initials
// another writer recorded (the command line's "CLI").
std::string WhoText(const core::Actor& actor, const std::vector<core::StaffRecord>& staff) {
  if (actor.id == "system") return "system";
  if (auto id = core::StaffIdOf(actor)) {
    std::string name = PlainText(actor.name), initials = PlainText(actor.initials);
    if (const core::StaffRecord* member = FindStaff(staff, *id)) {
      if (name.empty()) name = PlainText(member->name);
      if (initials.empty()) initials = PlainText(member->initials);
    }
    if (initials.empty()) initials = core::InitialsOf(name);
    return name.empty() ? initials : fmt::format("{} ({})", initials, name);
  }
  // The customer; or someone else who wrote in (an email from a third party), or the command
  // line, which records its own initials.
  std::string who = actor.id.starts_with("customer") ? "customer" : PlainText(actor.initials);
  if (who.empty()) who = "external";
  return actor.name.empty() ? who : fmt::format("{} ({})", who, PlainText(actor.name));
}

std::string StageText(const std::optional<core::Stage>& stage) {
  return stage ? Words(core::ToString(*stage)) : "none";
}

std::string SizeText(std::int64_t bytes) {
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
}

class CaseFileBuilder {
 public:
  CaseFileBuilder(const CaseFileInput& input, CaseFileAudience audience)
      : input_(input),
        view_(input.view),
        context_{*view_.policy, view_.policy->calendar->zone(),
                 audience == CaseFileAudience::kRegulator} {}

  Document Build() const {
    Document document;
    const std::string& reference = view_.record.reference;
    document.title = "Case file " + reference;
    document.subtitle = context_.staff ? "The complete record (regulator's copy)"
                                       : "The case as recorded (customer's copy)";
    document.organisation = PlainText(context_.policy.name);
    document.generated_at =
        fmt::format("{} ({})", WhenText(input_.generated_at, context_.zone), context_.zone.name());
    document.page_label = "Case file " + reference;
    document.sections = {TheCase(), TheCustomer(), TheRecord(), Deadlines(), Attachments()};
    if (context_.staff) document.sections.push_back(Integrity());
    return document;
  }

 private:
  Section TheCase() const {
    const core::CaseRecord& r = view_.record;
    const core::CaseState& state = view_.state;
    Table table{"The case as recorded", {"Item", "As recorded"}, {}, {}};
    auto row = [&](std::string name, std::string value) {
      table.rows.push_back({std::move(name), std::move(value)});
    };
    row("Reference", r.reference);
    row("Kind", Words(core::ToString(r.kind)));
    if (state.kind_received && context_.staff) {
      row("Received as", Words(core::ToString(*state.kind_received)));
    }
    row("Channel", Words(core::ToString(r.channel)));
    row("Received", WhenText(r.received_at, context_.zone));
    if (context_.staff) row("Put on file", WhenText(r.logged_at, context_.zone));
    row("Customer", CustomerName());
    row("Status", Words(core::ToString(r.status)));
    row("Stage", StageText(r.stage));
    if (const core::Resolution* latest = state.LatestResolution(); latest && latest->outcome) {
      row("Outcome", fmt::format("{} (at {})", Words(core::ToString(*latest->outcome)),
                                 StageText(latest->stage)));
    }
    if (state.closed_at) row("Closed", WhenText(*state.closed_at, context_.zone));
    if (context_.staff) row("Department", input_.department.empty() ? "none" : input_.department);
    row("Service", r.service.empty() ? "not recorded" : PlainText(r.service));
    if (context_.staff) row("Nature", r.nature.empty() ? "not recorded" : PlainText(r.nature));
    row("Subject", PlainText(r.subject));
    if (context_.staff) {
      row("Assigned to", state.assignee ? WhoText(*state.assignee, input_.staff) : "nobody");
      for (core::Stage stage : core::kAllStages) {
        if (const auto& handler = state.handler(stage)) {
          row("Handler at " + StageText(stage), WhoText(*handler, input_.staff));
        }
      }
      row("Policy version", r.policy_version);
    }
    Section section{"The case", {std::move(table)}};
    if (!state.points.empty()) {
      List points;
      for (std::size_t i = 0; i < state.points.size(); ++i) {
        const core::PointState& point = state.points[i];
        const std::string outcome =
            point.outcome ? fmt::format("{} (at {})", Words(core::ToString(*point.outcome)),
                                        StageText(point.stage))
                          : "no outcome yet";
        points.items.push_back(fmt::format("{}. {} — {}", i + 1, PlainText(point.text), outcome));
      }
      section.blocks.push_back(Paragraph{"Points of complaint", ParagraphStyle::kSubheading});
      section.blocks.push_back(std::move(points));
    }
    return section;
  }

  std::string CustomerName() const {
    if (view_.record.anonymous) return "anonymous";
    if (!input_.customer) return "not recorded";
    return PlainText(input_.customer->name);
  }

  Section TheCustomer() const {
    Section section{"The customer", {}};
    if (!input_.customer) {
      section.blocks.push_back(Paragraph{view_.record.anonymous
                                             ? "The contact was made anonymously."
                                             : "No customer record is on file for this case."});
      return section;
    }
    const core::CustomerRecord& c = *input_.customer;
    Table table{"The customer as recorded", {"Item", "As recorded"}, {}, {}};
    auto row = [&](std::string name, const std::string& value) {
      if (!value.empty()) table.rows.push_back({std::move(name), PlainText(value)});
    };
    row("Name", c.name);
    row("Email", c.email);
    row("Phone", c.phone);
    row("Language", c.language);
    if (context_.staff) {
      row("Address", c.address);
      row("Contact preference", c.contact_preference);
      std::vector<std::string> adjustments;
      for (const auto& adjustment : c.adjustments) adjustments.push_back(Words(adjustment));
      row("Adjustments", fmt::format("{}", fmt::join(adjustments, ", ")));
      row("Accessibility needs", c.accessibility);
      if (c.representative) {
        const core::Representative& rep = *c.representative;
        std::string text = rep.name;
        if (!rep.relationship.empty()) text += ", " + rep.relationship;
        if (!rep.email.empty()) text += ", " + rep.email;
        text += rep.consent_at ? "; consent given " + WhenText(*rep.consent_at, context_.zone)
                               : "; no consent recorded";
        row("Representative", text);
      }
    }
    section.blocks.push_back(std::move(table));
    return section;
  }

  bool Shows(const core::OutboxMessage& message) const {
    return context_.staff || (!message.staff_id && message.delivery != core::Delivery::kCallTask);
  }

  // Every event and message, in the order they happened; a message written with an event follows
  // it.
  Section TheRecord() const {
    Section section{"The record", {}};
    section.blocks.push_back(Paragraph{
        fmt::format("Every entry gives its date and time in {} (the organisation's time zone) and "
                    "who made it: a member of staff by their initials, the customer, or the system "
                    "(caredesk itself).{}",
                    context_.zone.name(),
                    context_.staff ? ""
                                   : " This copy leaves out the organisation's internal notes "
                                     "and staff-only details."),
        ParagraphStyle::kNote});
    std::vector<const core::OutboxMessage*> messages;
    for (const auto& message : input_.messages) {
      if (Shows(message)) messages.push_back(&message);
    }
    std::stable_sort(messages.begin(), messages.end(),
                     [](const auto* a, const auto* b) { return a->created_at < b->created_at; });
    auto next_message = messages.begin();
    core::CaseState state;
    for (const core::StoredEvent& stored : view_.events) {
      const core::CaseEvent& event = stored.event;
      for (; next_message != messages.end() && (*next_message)->created_at < event.at;
           ++next_message) {
        AddMessage(section, **next_message);
      }
      core::CaseState before = state;
      (void)core::ApplyTo(state, event);  // the stored history was accepted when written
      if (!context_.staff && !core::CustomerSees(event)) continue;
      std::string heading =
          fmt::format("{} · {} · {}", WhenText(event.at, context_.zone),
                      WhoText(event.actor, input_.staff), case_file::EventTitle(event, state));
      if (context_.staff) heading = fmt::format("{}. {}", stored.seq, heading);
      section.blocks.push_back(Paragraph{std::move(heading), ParagraphStyle::kSubheading});
      if (context_.staff && stored.recorded_at - event.at > std::chrono::minutes(1)) {
        section.blocks.push_back(
            Paragraph{"Put on file " + WhenText(stored.recorded_at, context_.zone) + ".",
                      ParagraphStyle::kNote});
      }
      case_file::AddEventBlocks(section.blocks, event, before, state, context_);
    }
    for (; next_message != messages.end(); ++next_message) AddMessage(section, **next_message);
    return section;
  }

  void AddMessage(Section& section, const core::OutboxMessage& message) const {
    section.blocks.push_back(
        Paragraph{fmt::format("{} · system · {}", WhenText(message.created_at, context_.zone),
                              case_file::MessageTitle(message)),
                  ParagraphStyle::kSubheading});
    case_file::AddMessageBlocks(section.blocks, message, context_);
  }

  Section Deadlines() const {
    Section section{"Deadlines", {}};
    if (view_.deadlines.empty()) {
      section.blocks.push_back(Paragraph{"No published standard applies to this case."});
      return section;
    }
    Table table{
        "Each deadline and whether it was met", {"Standard", "For", "Due", "Status"}, {}, {}};
    if (context_.staff) table.headings.push_back("Fulfilled");
    int met = 0, breached = 0;
    for (const core::Deadline& deadline : view_.deadlines) {
      met += deadline.status == core::DeadlineStatus::kMet ? 1 : 0;
      breached += deadline.status == core::DeadlineStatus::kBreached ? 1 : 0;
      const core::Standard* standard = context_.policy.FindStandard(deadline.standard_id);
      std::string status = Words(core::ToString(deadline.status));
      if (deadline.extended) status += " (extended)";
      table.rows.push_back({standard ? PlainText(standard->name) : deadline.standard_id,
                            Words(core::ToString(deadline.event)),
                            deadline.due ? WhenText(*deadline.due, context_.zone) : "not started",
                            std::move(status)});
      if (context_.staff) {
        table.rows.back().push_back(
            deadline.fulfilled_at ? WhenText(*deadline.fulfilled_at, context_.zone) : "not yet");
      }
    }
    section.blocks.push_back(Paragraph{fmt::format("{} of {} deadlines met, {} breached.", met,
                                                   view_.deadlines.size(), breached)});
    section.blocks.push_back(std::move(table));
    return section;
  }

  Section Attachments() const {
    Section section{"Files", {}};
    Table table{"The files that came with the case",
                {"File", "Type", "Size", "Came with"},
                {},
                {false, false, true, false}};
    for (const core::AttachmentRecord& file : input_.attachments) {
      auto event = std::find_if(view_.events.begin(), view_.events.end(),
                                [&](const auto& e) { return e.seq == file.event_seq; });
      if (event == view_.events.end()) continue;
      if (!context_.staff && !core::CustomerSees(event->event)) continue;
      std::string with = WhenText(event->event.at, context_.zone);
      if (context_.staff) with = fmt::format("{}. {}", event->seq, with);
      table.rows.push_back({PlainText(file.filename), PlainText(file.content_type),
                            SizeText(file.size), std::move(with)});
    }
    if (table.rows.empty()) {
      section.blocks.push_back(Paragraph{"No files came with the case."});
    } else {
      section.blocks.push_back(std::move(table));
    }
    return section;
  }

  Section Integrity() const {
    Section section{"Integrity of the record", {}};
    std::string text;
    if (!input_.chain) {
      text = "The hash chain of the case's events was not checked for this file.";
    } else if (input_.chain->broken) {
      text = fmt::format(
          "The hash chain is broken at event {}: {}. The record from that event on may have been "
          "changed after it was written.",
          input_.chain->broken->seq, PlainText(input_.chain->broken->reason));
    } else {
      text = fmt::format(
          "The {} events of this case form an unbroken hash chain, checked when this file was "
          "produced: no event has been changed, removed or reordered since it was written. The "
          "newest event's hash (SHA-256) is {}.",
          view_.events.size(), input_.chain->last_hash);
    }
    section.blocks.push_back(Paragraph{std::move(text)});
    return section;
  }

  const CaseFileInput& input_;
  const core::CaseView& view_;
  EntryContext context_;
};

}  // namespace

std::optional<CaseFileAudience> ParseCaseFileAudience(std::string_view text) {
  if (text == "customer") return CaseFileAudience::kCustomer;
  if (text == "regulator") return CaseFileAudience::kRegulator;
  return std::nullopt;
}

std::string_view ToString(CaseFileAudience audience) {
  return audience == CaseFileAudience::kCustomer ? "customer" : "regulator";
}

Document CaseFile(const CaseFileInput& input, CaseFileAudience audience) {
  return CaseFileBuilder(input, audience).Build();
}

}  // namespace caredesk::print
