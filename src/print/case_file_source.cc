#include "print/case_file_source.h"

#include <algorithm>

#include "store/common/event_hash.h"

namespace caredesk::print {
namespace {

constexpr int kMessagePage = 200;

core::Result<std::vector<core::OutboxMessage>> MessagesOf(core::Store& store, core::Id case_id) {
  std::vector<core::OutboxMessage> messages;
  core::OutboxQuery query;
  query.case_id = case_id;
  query.limit = kMessagePage;
  while (true) {
    auto page = store.Outbox(query);
    if (!page) return tl::unexpected(page.error());
    std::move(page->rows.begin(), page->rows.end(), std::back_inserter(messages));
    if (page->next_cursor.empty()) break;
    query.cursor = std::move(page->next_cursor);
  }
  std::sort(messages.begin(), messages.end(), [](const auto& a, const auto& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
  });
  return messages;
}

}  // namespace

core::Result<CaseFileInput> ReadCaseFile(core::Store& store, core::CaseService& cases,
                                         const core::CaseRecord& record, core::Instant now) {
  CaseFileInput input;
  input.generated_at = now;
  auto view = cases.Read(record);
  if (!view) return tl::unexpected(view.error());
  input.view = std::move(*view);
  if (record.customer_id) {
    auto customer = store.FindCustomer(*record.customer_id);
    if (!customer) return tl::unexpected(customer.error());
    input.customer = std::move(*customer);
  }
  if (record.department_id) {
    auto departments = store.ListDepartments();
    if (!departments) return tl::unexpected(departments.error());
    for (const auto& department : *departments) {
      if (department.id == *record.department_id) input.department = department.name;
    }
  }
  auto staff = store.ListStaff();
  if (!staff) return tl::unexpected(staff.error());
  input.staff = std::move(*staff);
  auto messages = MessagesOf(store, record.id);
  if (!messages) return tl::unexpected(messages.error());
  input.messages = std::move(*messages);
  auto attachments = store.Attachments(record.id);
  if (!attachments) return tl::unexpected(attachments.error());
  input.attachments = std::move(*attachments);
  const auto& events = input.view.events;
  input.chain = ChainCheck{store::VerifyCaseChain(record.reference, events),
                           events.empty() ? "" : events.back().hash};
  return input;
}

}  // namespace caredesk::print
