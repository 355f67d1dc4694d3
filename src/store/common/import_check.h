// What both engines check before importing cases, so that an import either stores every case
// whole or refuses the batch before writing anything.
#pragma once

#include <span>

#include "core/store.h"

namespace caredesk::store {

// Each case has a well-formed reference, at least one event, and an intact hash chain.
core::Result<void> CheckImport(std::span<const core::CaseHistory> cases);

}  // namespace caredesk::store
