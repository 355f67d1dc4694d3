#include "core/case_service.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/case_deadlines.h"
#include "core/directory.h"
#include "core/figures_of.h"
#include "core/utf8.h"

namespace caredesk::core {
namespace {

constexpr int kMaxAttempts = 8;  // concurrent writers on one case; each retry re-reads
constexpr std::size_t kMaxSubject = 500;
constexpr std::size_t kMaxBody = 100000;

Result<void> ValidateContact(const NewContact& contact) {
  if (contact.subject.empty() || contact.subject.size() > kMaxSubject) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("the subject must be 1 to {} characters", kMaxSubject), "subject");
  }
  if (contact.body.size() > kMaxBody) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("the body must be at most {} characters", kMaxBody), "body");
  }
  for (const auto& [text, field] :
       {std::pair{&contact.subject, "subject"}, std::pair{&contact.body, "body"},
        std::pair{&contact.service, "service"}, std::pair{&contact.nature, "nature"}}) {
    if (!IsValidUtf8(*text)) {
      return Fail(ErrorCode::kInvalid, "the text is not valid UTF-8", field);
    }
  }
  if (contact.customer && contact.customer->email.empty() && contact.customer->name.empty() &&
      contact.customer->phone.empty()) {
    return Fail(ErrorCode::kInvalid, "a customer needs an email, a name or a phone number",
                "customer");
  }
  return {};
}

}  // namespace

std::string ActorIdOf(Id staff_id) { return std::to_string(staff_id); }

std::optional<Id> StaffIdOf(const Actor& actor) {
  Id id = 0;
  const char* end = actor.id.data() + actor.id.size();
  auto [after, error] = std::from_chars(actor.id.data(), end, id);
  if (error != std::errc() || after != end || actor.id.empty()) return std::nullopt;
  return id;
}

Result<std::shared_ptr<const Policy>> CaseService::PolicyOf(const std::string& version) {
  std::string name = version;
  if (name.empty()) {
    auto active = store_.ActivePolicyVersion();
    if (!active) return tl::unexpected(active.error());
    name = std::move(*active);
  }
  {
    // A stored version never changes: once parsed, it needs no store read.
    std::lock_guard lock(policies_mutex_);
    if (auto found = policies_.find(name); found != policies_.end()) return found->second;
  }
  auto record = store_.PolicyVersion(name);
  if (!record) return tl::unexpected(record.error());
  std::lock_guard lock(policies_mutex_);
  if (auto found = policies_.find(record->version); found != policies_.end()) return found->second;
  auto parsed = ParsePolicy(record->text);
  if (!parsed) {
    return Fail(
        ErrorCode::kInvalid,
        fmt::format("stored policy version {} no longer parses: line {}: {}", record->version,
                    parsed.error().front().line, parsed.error().front().reason));
  }
  auto policy = std::make_shared<const Policy>(std::move(*parsed));
  policies_.emplace(record->version, policy);
  return policy;
}

Result<CaseView> CaseService::Projection(CaseRecord base, const std::vector<CaseEvent>& events,
                                         std::shared_ptr<const Policy> policy) {
  auto folded = FoldCase(events);
  if (!folded) return tl::unexpected(folded.error());
  const Instant now = clock_.Now();
  auto deadlines = CaseDeadlines(*policy, *folded, now);
  if (!deadlines) return tl::unexpected(deadlines.error());
  const CaseState& state = folded->state;
  base.kind = state.kind;
  base.channel = state.channel;
  base.stage = state.stage;
  base.status = state.status;
  base.anonymous = state.anonymous;
  base.subject = state.subject;
  base.nature = state.nature;
  base.service = state.service;
  base.assignee_id = state.assignee ? StaffIdOf(*state.assignee) : std::nullopt;
  base.updated_at = now;
  auto next = NextDue(*deadlines);
  base.next_due = next ? next->due : std::nullopt;
  base.next_standard = next ? next->standard_id : "";
  base.next_status = next ? std::optional(next->status) : std::nullopt;
  CaseFigures figures = core::FiguresOf(base, *policy, events, *folded, *deadlines);
  return CaseView{std::move(base),   {}, state, std::move(*deadlines), std::move(policy),
                  std::move(figures)};
}

std::vector<Timer> CaseService::TimersOf(const CaseView& view) {
  const Policy& policy = *view.policy;
  return PlanTimers(policy, view.state, view.deadlines, !view.state.anonymous);
}

Result<CaseRecord> CaseService::LogContact(const NewContact& contact) {
  auto logged = Log(contact);
  if (!logged) return tl::unexpected(logged.error());
  return std::move(logged->view.record);
}

Result<void> CaseService::KnownDepartment(Id department_id) {
  auto departments = store_.ListDepartments();
  if (!departments) return tl::unexpected(departments.error());
  const bool known = std::any_of(departments->begin(), departments->end(),
                                 [&](const auto& d) { return d.id == department_id; });
  if (!known)
    return Fail(ErrorCode::kInvalid, "department_id names no department", "department_id");
  return {};
}

Result<LoggedContact> CaseService::Log(const NewContact& contact) {
  if (auto valid = ValidateContact(contact); !valid) return tl::unexpected(valid.error());
  // The department, the policy in force and the customer on file, read in one snapshot.
  Result<void> department;
  Result<std::shared_ptr<const Policy>> policy;
  Result<std::optional<CustomerRecord>> known = std::optional<CustomerRecord>();
  store_.ReadTogether([&] {
    if (contact.department_id) department = KnownDepartment(*contact.department_id);
    policy = PolicyOf("");
    if (policy && contact.customer && !contact.customer->email.empty()) {
      known = store_.FindCustomerByEmail(contact.customer->email);
    }
  });
  if (!department) return tl::unexpected(department.error());
  if (!policy) return tl::unexpected(policy.error());
  if (!known) return tl::unexpected(known.error());
  const Instant now = clock_.Now();
  const Instant received = contact.received.value_or(now);
  if (received > now + std::chrono::minutes{5}) {
    return Fail(ErrorCode::kInvalid, "a contact cannot be received in the future", "received");
  }
  CaseRecord record;
  record.policy_version = (*policy)->version;
  record.received_at = received;
  record.logged_at = now;
  record.department_id = contact.department_id;
  record.anonymous = !contact.customer.has_value();
  std::optional<Id> account_manager;
  std::optional<CustomerRecord> customer;
  if (contact.customer) {
    auto existing =
        *known ? Result<CustomerRecord>(**known) : FindOrAddCustomer(store_, *contact.customer);
    if (!existing) return tl::unexpected(existing.error());
    record.customer_id = existing->id;
    account_manager = existing->account_manager_id;
    customer = std::move(*existing);
  }
  event::Received payload;
  payload.kind = contact.kind;
  payload.channel = contact.channel;
  payload.anonymous = record.anonymous;
  payload.nature = contact.nature;
  payload.service = contact.service;
  payload.subject = contact.subject;
  payload.body = contact.body;
  payload.points = contact.points;
  // Contacts that arrive by themselves (portal, email) are put on file by the system.
  const Actor logged_by =
      contact.logged_by.id.empty() ? Actor{"system", "caredesk", "SYS"} : contact.logged_by;
  const CaseEvent received_event{received, logged_by, payload};
  if (auto valid = ValidateEvent(received_event); !valid) return tl::unexpected(valid.error());
  auto projection = Projection(record, {received_event}, *policy);
  if (!projection) return tl::unexpected(projection.error());
  NewCase new_case{projection->record, received_event, contact.effects};
  new_case.effects.timers = TimersOf(*projection);
  new_case.effects.figures = projection->figures;
  auto created = store_.CreateCase(new_case);
  if (!created) return tl::unexpected(created.error());
  if (!account_manager) {
    // The case as stored, without reading it back: its one event and the deadlines just judged.
    CaseView view = std::move(*projection);
    view.record = std::move(*created);
    view.events.push_back(
        StoredEvent{view.record.id, 1, received_event, now, std::string(64, '0'), ""});
    return LoggedContact{std::move(view), std::move(customer)};
  }
  // A customer with an account manager is theirs unless routed otherwise: on file as an event.
  const CaseEvent assigned{received, logged_by,
                           event::Assigned{Actor{ActorIdOf(*account_manager), "", ""}}};
  if (auto recorded = Record(created->reference, assigned); !recorded) {
    return tl::unexpected(recorded.error());
  }
  auto view = Read(created->reference);
  if (!view) return tl::unexpected(view.error());
  return LoggedContact{std::move(*view), std::move(customer)};
}

Result<std::optional<Id>> CaseService::DepartmentReferredTo(const CaseEvent& event) {
  const auto* referred = std::get_if<event::Referred>(&event.payload);
  if (referred == nullptr) return std::optional<Id>();
  auto departments = store_.ListDepartments();
  if (!departments) return tl::unexpected(departments.error());
  const auto lower = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  };
  const std::string wanted = lower(referred->department);
  for (const auto& department : *departments) {
    if (lower(department.name) == wanted) return std::optional<Id>(department.id);
  }
  return std::optional<Id>();  // a department outside caredesk: the case stays where it is
}

Result<StoredEvent> CaseService::Record(std::string_view reference, const CaseEvent& event) {
  return Record(reference, event, EffectsOf());
}

Result<StoredEvent> CaseService::Record(std::string_view reference, const CaseEvent& event,
                                        const EffectsOf& effects_of) {
  if (auto valid = ValidateEvent(event); !valid) return tl::unexpected(valid.error());
  auto routed = DepartmentReferredTo(event);
  if (!routed) return tl::unexpected(routed.error());
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    auto record = store_.FindCase(reference);
    if (!record) return tl::unexpected(record.error());
    auto stored = store_.Events(record->id);
    if (!stored) return tl::unexpected(stored.error());
    std::vector<CaseEvent> events;
    for (const auto& s : *stored) events.push_back(s.event);
    events.push_back(event);
    auto policy = PolicyOf(record->policy_version);
    if (!policy) return tl::unexpected(policy.error());
    auto projection = Projection(*record, events, *policy);
    if (!projection) return tl::unexpected(projection.error());
    if (*routed) projection->record.department_id = projection->figures.department_id = **routed;
    CaseEffects effects;
    if (effects_of) {
      projection->events = *stored;
      auto wanted = effects_of(*projection);
      if (!wanted) return tl::unexpected(wanted.error());
      effects = std::move(*wanted);
    }
    effects.timers = TimersOf(*projection);
    effects.figures = projection->figures;
    auto appended =
        store_.AppendEvent(record->id, record->event_count, event, projection->record, effects);
    if (appended || appended.error().code != ErrorCode::kConflict ||
        appended.error().message.find("changed meanwhile") == std::string::npos) {
      return appended;
    }
  }
  return Fail(ErrorCode::kConflict,
              fmt::format("case {} is changing too fast; try again", reference));
}

Result<CaseView> CaseService::Read(std::string_view reference) {
  auto record = store_.FindCase(reference);
  if (!record) return tl::unexpected(record.error());
  return Read(*record);
}

Result<CaseView> CaseService::Read(const CaseRecord& record) {
  auto stored = store_.Events(record.id);
  if (!stored) return tl::unexpected(stored.error());
  std::vector<CaseEvent> events;
  events.reserve(stored->size());
  for (const auto& s : *stored) events.push_back(s.event);
  auto policy = PolicyOf(record.policy_version);
  if (!policy) return tl::unexpected(policy.error());
  auto folded = FoldCase(events);
  if (!folded) return tl::unexpected(folded.error());
  auto deadlines = CaseDeadlines(**policy, *folded, clock_.Now());
  if (!deadlines) return tl::unexpected(deadlines.error());
  CaseFigures figures = core::FiguresOf(record, **policy, events, *folded, *deadlines);
  return CaseView{record,  std::move(*stored), folded->state, std::move(*deadlines),
                  *policy, std::move(figures)};
}

}  // namespace caredesk::core
