#include "core/case_changes.h"

namespace caredesk::core {

CaseChange ChangeOf(const CaseRecord& record, EventType event) {
  return CaseChange{record.reference,     record.status,      record.next_due,
                    record.department_id, record.assignee_id, event};
}

CaseRecord VisibilityOf(const CaseChange& change) {
  CaseRecord record;
  record.reference = change.reference;
  record.status = change.status;
  record.department_id = change.department_id;
  record.assignee_id = change.assignee_id;
  return record;
}

CaseChangeSubscription CaseChangeHub::Subscribe(Subscriber subscriber) {
  std::lock_guard lock(mutex_);
  const std::uint64_t id = next_id_++;
  subscribers_.emplace(id, std::move(subscriber));
  return CaseChangeSubscription([this, id] {
    std::lock_guard lock(mutex_);
    subscribers_.erase(id);
  });
}

void CaseChangeHub::Publish(const CaseChange& change) {
  std::lock_guard lock(mutex_);
  for (const auto& [id, subscriber] : subscribers_) subscriber(change);
}

std::size_t CaseChangeHub::SubscriberCount() const {
  std::lock_guard lock(mutex_);
  return subscribers_.size();
}

}  // namespace caredesk::core
