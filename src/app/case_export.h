// `caredesk export` / `import`: one JSON object per case per line — the case, its customer, its
// assignee and department, every event with its place in the hash chain, its attachments in
// base64, and (on the first case judged under it) the policy version's text. Nothing a store
// holds about a case is left out, so export then import gives the same export again.
#pragma once

#include <istream>
#include <ostream>

#include "core/clock.h"
#include "core/store.h"

namespace caredesk::app {

struct ImportSummary {
  std::int64_t cases = 0;
  std::int64_t events = 0;
  std::int64_t attachments = 0;
};

core::Result<std::int64_t> ExportStore(core::Store& store, std::ostream& out);

// Reads lines until the end of `in`; an error names the line number and the field.
core::Result<ImportSummary> ImportStore(core::Store& store, std::istream& in,
                                        const core::Clock& clock);

}  // namespace caredesk::app
