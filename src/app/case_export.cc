#include "app/case_export.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "app/base64.h"
#include "app/record_json.h"
#include "store/common/event_codec.h"

namespace caredesk::app {
namespace {

using nlohmann::ordered_json;

constexpr int kPage = 500;

core::Result<ordered_json> CaseLine(core::Store& store, const core::CaseRecord& record,
                                    std::set<std::string>& policies_written,
                                    const std::string& active_policy) {
  ordered_json line;
  line["case"] = CaseJson(record);
  if (policies_written.insert(record.policy_version).second) {
    auto policy = store.PolicyVersion(record.policy_version);
    if (!policy) return tl::unexpected(policy.error());
    line["policy"] = {{"version", policy->version},
                      {"text", policy->text},
                      {"installed_at", core::FormatUtc(policy->installed_at)},
                      {"active", policy->version == active_policy}};
  }
  line["customer"] = nullptr;
  if (record.customer_id) {
    auto customer = store.FindCustomer(*record.customer_id);
    if (!customer) return tl::unexpected(customer.error());
    line["customer"] = CustomerJson(*customer);
  }
  line["assignee"] = nullptr;
  if (record.assignee_id) {
    auto staff = store.FindStaff(*record.assignee_id);
    if (staff) line["assignee"] = StaffJson(*staff);
  }
  line["department"] = nullptr;
  if (record.department_id) {
    auto departments = store.ListDepartments();
    if (!departments) return tl::unexpected(departments.error());
    for (const auto& d : *departments) {
      if (d.id == *record.department_id) line["department"] = d.name;
    }
  }
  auto events = store.Events(record.id);
  if (!events) return tl::unexpected(events.error());
  line["events"] = ordered_json::array();
  for (const auto& stored : *events) {
    line["events"].push_back({{"seq", stored.seq},
                              {"recorded_at", core::FormatUtc(stored.recorded_at)},
                              {"prev_hash", stored.prev_hash},
                              {"hash", stored.hash},
                              {"event", store::EventToJson(stored.event)}});
  }
  auto attachments = store.Attachments(record.id);
  if (!attachments) return tl::unexpected(attachments.error());
  line["attachments"] = ordered_json::array();
  for (const auto& attachment : *attachments) {
    auto bytes = store.AttachmentBytes(attachment.sha256);
    if (!bytes) return tl::unexpected(bytes.error());
    line["attachments"].push_back({{"event_seq", attachment.event_seq},
                                   {"filename", attachment.filename},
                                   {"content_type", attachment.content_type},
                                   {"sha256", attachment.sha256},
                                   {"data", Base64Encode(*bytes)}});
  }
  return line;
}

}  // namespace

core::Result<std::int64_t> ExportStore(core::Store& store, std::ostream& out) {
  auto active = store.ActivePolicy();
  const std::string active_version = active ? active->version : "";
  std::set<std::string> policies_written;
  core::QueueQuery query;
  query.limit = kPage;
  std::int64_t count = 0;
  while (true) {
    auto page = store.Queue(query);
    if (!page) return tl::unexpected(page.error());
    for (const auto& record : page->rows) {
      auto line = CaseLine(store, record, policies_written, active_version);
      if (!line) return tl::unexpected(line.error());
      out << line->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      ++count;
    }
    if (page->next_cursor.empty()) break;
    query.cursor = page->next_cursor;
  }
  out.flush();
  return count;
}

}  // namespace caredesk::app
