// The case use cases every entry point shares (CLI, API, mail, jobs): log a new contact, record
// an event on a case, read a case with its deadlines. The service folds the events, judges
// deadlines under the policy version the case was received under, and hands the store the
// event together with the refreshed projection, retrying when another writer got there first.
// No I/O of its own: the store and the clock are ports.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/case_facts.h"
#include "core/clock.h"
#include "core/policy.h"
#include "core/store.h"

namespace caredesk::core {

// A staff member's actor id is their staff id in decimal; the projection's assignee is read
// back from it.
std::string ActorIdOf(Id staff_id);
std::optional<Id> StaffIdOf(const Actor& actor);

struct NewContact {
  Kind kind = Kind::kQuestion;
  Channel channel = Channel::kWeb;
  std::optional<Instant> received;  // when the customer made contact; default: now
  std::string subject;
  std::string body;
  std::optional<CustomerRecord> customer;  // found by email, or created; none: anonymous
  std::string service;
  std::string nature;
  std::optional<Id> department_id;
  std::vector<std::string> points;
  Actor logged_by;      // who put it on file; empty: the system (portal, email)
  CaseEffects effects;  // committed with the case (the email it came in, say)
};

// A case as read: the projection, every event, every deadline under its policy version.
struct CaseView {
  CaseRecord record;
  std::vector<StoredEvent> events;
  CaseState state;
  std::vector<Deadline> deadlines;
  std::shared_ptr<const Policy> policy;
  CaseFigures figures;  // what reports count about it
};

// A contact as put on file: the new case as a reader sees it, and the customer it is filed
// under (found by email or created; none when anonymous).
struct LoggedContact {
  CaseView view;
  std::optional<CustomerRecord> customer;
};

// What a write commits with its event besides the case's timers (which the service plans itself),
// computed from the case as it will be once the event is recorded.
using EffectsOf = std::function<Result<CaseEffects>(const CaseView& after)>;

class CaseService {
 public:
  CaseService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Validates, finds or creates the customer, and stores the case with its received event.
  Result<CaseRecord> LogContact(const NewContact& contact);
  // The same, answering with the case as read (without reading it back from the store).
  Result<LoggedContact> Log(const NewContact& contact);
  // Records `event` on the case if its lifecycle allows it (kConflict with the reason if not).
  // A referral to a department on file (by name, ignoring case) routes the case there: that
  // department's staff see and handle it from then on.
  Result<StoredEvent> Record(std::string_view reference, const CaseEvent& event);
  // The same, committing `effects_of(case after the event)` with it (messages, a fired timer).
  Result<StoredEvent> Record(std::string_view reference, const CaseEvent& event,
                             const EffectsOf& effects_of);
  Result<CaseView> Read(std::string_view reference);
  // The same, for a case whose projection the caller has just read (one store read fewer).
  Result<CaseView> Read(const CaseRecord& record);
  // The parsed policy of a stored version (cached), or the active one when `version` is empty.
  Result<std::shared_ptr<const Policy>> PolicyOf(const std::string& version);

 private:
  // Fails (kInvalid, naming `department_id`) unless the department is on file.
  Result<void> KnownDepartment(Id department_id);
  // The department on file a referral names, if `event` is one and it names one.
  Result<std::optional<Id>> DepartmentReferredTo(const CaseEvent& event);
  // The projection of `events` onto `base`, with the state and deadlines it was judged from.
  Result<CaseView> Projection(CaseRecord base, const std::vector<CaseEvent>& events,
                              std::shared_ptr<const Policy> policy);
  // The timers `view` needs under its policy's automation.
  static std::vector<Timer> TimersOf(const CaseView& view);

  Store& store_;
  const Clock& clock_;
  std::mutex policies_mutex_;
  std::map<std::string, std::shared_ptr<const Policy>> policies_;
};

}  // namespace caredesk::core
