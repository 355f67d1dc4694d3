#include "store/common/import_check.h"

#include <fmt/format.h>

#include "store/common/event_hash.h"
#include "store/common/reference.h"

namespace caredesk::store {

core::Result<void> CheckImport(std::span<const core::CaseHistory> cases) {
  for (const auto& history : cases) {
    const std::string& reference = history.record.reference;
    if (!ParseReference(reference)) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("\"{}\" is not a case reference", reference), "reference");
    }
    if (history.events.empty()) {
      return core::Fail(core::ErrorCode::kInvalid, fmt::format("case {} has no events", reference),
                        "events");
    }
    if (auto broken = VerifyCaseChain(reference, history.events)) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("case {}: {}", reference, broken->reason), "events");
    }
  }
  return {};
}

}  // namespace caredesk::store
