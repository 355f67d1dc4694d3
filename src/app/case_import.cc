// `caredesk import`: the export's lines back into a store, in batches. Policy versions, customers
// (matched by email), staff (by email) and departments (by name) are created when missing.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "app/base64.h"
#include "app/case_export.h"
#include "app/record_json.h"
#include "core/sha256.h"
#include "store/common/event_codec.h"

namespace caredesk::app {
namespace {

using nlohmann::json;

constexpr std::size_t kBatch = 200;

struct PendingAttachment {
  std::string reference;
  std::int64_t event_seq = 0;
  std::string filename;
  std::string content_type;
  std::string bytes;
};

class Importer {
 public:
  Importer(core::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  core::Result<void> Line(const json& line) {
    if (!line.is_object()) return Invalid("line", "must be a JSON object");
    if (line.contains("policy")) {
      if (auto done = Policy(line["policy"]); !done) return done;
    }
    auto record = CaseFromJson(line.value("case", json()));
    if (!record) return tl::unexpected(record.error());
    core::CaseHistory history{*record, {}, {}};
    if (auto done = People(line, history.record); !done) return done;
    if (!line.contains("events") || !line["events"].is_array()) {
      return Invalid("events", "must be a list");
    }
    for (const auto& entry : line["events"]) {
      auto stored = StoredFromJson(entry);
      if (!stored) return tl::unexpected(stored.error());
      history.events.push_back(std::move(*stored));
    }
    if (line.contains("attachments")) {
      if (auto done = Attachments(line["attachments"], record->reference); !done) return done;
    }
    summary_.events += static_cast<std::int64_t>(history.events.size());
    batch_.push_back(std::move(history));
    if (batch_.size() >= kBatch) return Flush();
    return {};
  }

  core::Result<ImportSummary> Finish(const std::string& previously_active) {
    if (auto done = Flush(); !done) return tl::unexpected(done.error());
    const std::string& active = to_activate_.empty() ? previously_active : to_activate_;
    if (!active.empty()) {
      auto record = store_.PolicyVersion(active);
      if (!record) return tl::unexpected(record.error());
      if (auto done = store_.InstallPolicy(active, record->text, record->installed_at); !done) {
        return tl::unexpected(done.error());
      }
    }
    return summary_;
  }

 private:
  static tl::unexpected<core::Error> Invalid(const std::string& field, const std::string& why) {
    return core::Fail(core::ErrorCode::kInvalid, field + " " + why, field);
  }

  core::Result<void> Policy(const json& policy) {
    if (!policy.is_object() || !policy.contains("version") || !policy.contains("text") ||
        !policy["version"].is_string() || !policy["text"].is_string()) {
      return Invalid("policy", "needs a version and its text");
    }
    const std::string version = policy["version"];
    if (!store_.PolicyVersion(version)) {
      auto installed = core::ParseInstant(policy.value("installed_at", ""));
      auto done = store_.InstallPolicy(version, policy["text"], installed.value_or(clock_.Now()));
      if (!done) return tl::unexpected(done.error());
    }
    if (policy.value("active", false)) to_activate_ = version;
    return {};
  }

  core::Result<void> People(const json& line, core::CaseRecord& record) {
    if (line.contains("customer") && !line["customer"].is_null()) {
      auto customer = CustomerFromJson(line["customer"]);
      if (!customer) return tl::unexpected(customer.error());
      std::optional<core::CustomerRecord> existing;
      if (!customer->email.empty()) {
        auto found = store_.FindCustomerByEmail(customer->email);
        if (!found) return tl::unexpected(found.error());
        existing = *found;
      }
      if (!existing) {
        auto saved = store_.SaveCustomer(*customer);
        if (!saved) return tl::unexpected(saved.error());
        existing = *saved;
      }
      record.customer_id = existing->id;
    }
    if (line.contains("assignee") && !line["assignee"].is_null()) {
      auto staff = StaffFromJson(line["assignee"]);
      if (!staff) return tl::unexpected(staff.error());
      auto id = StaffId(*staff);
      if (!id) return tl::unexpected(id.error());
      record.assignee_id = *id;
    }
    if (line.contains("department") && line["department"].is_string()) {
      auto id = DepartmentId(line["department"]);
      if (!id) return tl::unexpected(id.error());
      record.department_id = *id;
    }
    return {};
  }

  core::Result<core::Id> StaffId(const core::StaffRecord& staff) {
    if (staff_.empty()) {
      auto all = store_.ListStaff();
      if (!all) return tl::unexpected(all.error());
      for (const auto& s : *all) staff_[s.email] = s.id;
    }
    if (auto found = staff_.find(staff.email); found != staff_.end()) return found->second;
    auto saved = store_.SaveStaff(staff);
    if (!saved) return tl::unexpected(saved.error());
    return staff_[staff.email] = saved->id;
  }

  core::Result<core::Id> DepartmentId(const std::string& name) {
    if (departments_.empty()) {
      auto all = store_.ListDepartments();
      if (!all) return tl::unexpected(all.error());
      for (const auto& d : *all) departments_[d.name] = d.id;
    }
    if (auto found = departments_.find(name); found != departments_.end()) return found->second;
    auto saved = store_.SaveDepartment({0, name, std::nullopt});
    if (!saved) return tl::unexpected(saved.error());
    return departments_[name] = saved->id;
  }

  core::Result<core::StoredEvent> StoredFromJson(const json& entry) {
    if (!entry.is_object()) return Invalid("events[]", "must be an object");
    auto event = store::EventFromJson(entry.value("event", json()));
    if (!event) return tl::unexpected(event.error());
    auto recorded = core::ParseInstant(entry.value("recorded_at", ""));
    if (!recorded || !entry.contains("seq") || !entry["seq"].is_number_integer()) {
      return Invalid("events[].seq", "and recorded_at are required");
    }
    return core::StoredEvent{0,         entry["seq"].get<std::int64_t>(), std::move(*event),
                             *recorded, entry.value("prev_hash", ""),     entry.value("hash", "")};
  }

  core::Result<void> Attachments(const json& list, const std::string& reference) {
    if (!list.is_array()) return Invalid("attachments", "must be a list");
    for (const auto& a : list) {
      auto bytes = Base64Decode(a.value("data", ""));
      if (!bytes) return Invalid("attachments[].data", "is not base64");
      if (core::Sha256Hex(*bytes) != a.value("sha256", "")) {
        return Invalid("attachments[].sha256", "does not match the data");
      }
      pending_.push_back({reference, a.value("event_seq", std::int64_t{0}), a.value("filename", ""),
                          a.value("content_type", ""), std::move(*bytes)});
    }
    return {};
  }

  core::Result<void> Flush() {
    if (batch_.empty()) return {};
    if (auto done = store_.ImportCases(batch_); !done) return done;
    summary_.cases += static_cast<std::int64_t>(batch_.size());
    batch_.clear();
    for (const auto& a : pending_) {
      auto record = store_.FindCase(a.reference);
      if (!record) return tl::unexpected(record.error());
      auto done = store_.Attach(record->id, a.event_seq, a.filename, a.content_type, a.bytes);
      if (!done) return tl::unexpected(done.error());
      ++summary_.attachments;
    }
    pending_.clear();
    return {};
  }

  core::Store& store_;
  const core::Clock& clock_;
  ImportSummary summary_;
  std::vector<core::CaseHistory> batch_;
  std::vector<PendingAttachment> pending_;
  std::string to_activate_;
  std::map<std::string, core::Id> staff_;
  std::map<std::string, core::Id> departments_;
};

}  // namespace

core::Result<ImportSummary> ImportStore(core::Store& store, std::istream& in,
                                        const core::Clock& clock) {
  auto active = store.ActivePolicy();
  const std::string previously_active = active ? active->version : "";
  Importer importer(store, clock);
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (text.empty()) continue;
    auto line = json::parse(text, nullptr, false);
    auto done = line.is_discarded() ? core::Fail(core::ErrorCode::kInvalid, "is not JSON", "line")
                                    : importer.Line(line);
    if (!done) {
      core::Error error = done.error();
      error.message = fmt::format("line {}: {}", number, error.message);
      return tl::unexpected(error);
    }
  }
  return importer.Finish(previously_active);
}

}  // namespace caredesk::app
