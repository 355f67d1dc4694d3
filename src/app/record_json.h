// JSON forms of stored records for export and import (and later the API): cases, customers and
// staff, without database ids, which differ between stores. Reading is strict: an error names
// the field.
#pragma once

#include <nlohmann/json.hpp>

#include "core/store_records.h"

namespace caredesk::app {

nlohmann::ordered_json CaseJson(const core::CaseRecord& record);
core::Result<core::CaseRecord> CaseFromJson(const nlohmann::json& json);

nlohmann::ordered_json CustomerJson(const core::CustomerRecord& customer);
core::Result<core::CustomerRecord> CustomerFromJson(const nlohmann::json& json);

nlohmann::ordered_json StaffJson(const core::StaffRecord& staff);
core::Result<core::StaffRecord> StaffFromJson(const nlohmann::json& json);

}  // namespace caredesk::app
