#include "jobs/notice_mail.h"

namespace caredesk::jobs {

core::Result<std::vector<core::OutboxMessage>> NoticeMessages(core::Store& store,
                                                              core::CaseService& cases,
                                                              Correspondent& correspondent,
                                                              const core::ServiceNotice& notice,
                                                              const std::string& staff_name) {
  auto concerned = store.NoticeCases(notice.service);
  if (!concerned) return tl::unexpected(concerned.error());
  const mail::MessageValues extra = {
      {"notice_title", notice.title}, {"notice_text", notice.text}, {"staff_name", staff_name}};
  std::vector<core::OutboxMessage> messages;
  for (const auto& record : *concerned) {
    if (!record.customer_id) continue;
    auto view = cases.Read(record);
    if (!view) return tl::unexpected(view.error());
    auto customer = store.FindCustomer(*record.customer_id);
    if (!customer) return tl::unexpected(customer.error());
    auto message =
        correspondent.ToCustomer(core::TemplateKind::kServiceNotice, *view, *customer, extra);
    if (!message) return tl::unexpected(message.error());
    if (*message) messages.push_back(std::move(**message));
  }
  return messages;
}

}  // namespace caredesk::jobs
