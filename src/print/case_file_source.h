// Gathers what a case's file shows (case_file.h) from the store: the case as the case service
// reads it, its customer, its department's name, the staff who acted on it, every message about
// it, its files, and whether its hash chain holds — so the CLI and the API print the same file.
// Reads only; the caller has already decided that whoever asks may see the case.
#pragma once

#include "core/case_service.h"
#include "print/case_file.h"

namespace caredesk::print {

// Everything the file of `record` shows, as of `now`.
core::Result<CaseFileInput> ReadCaseFile(core::Store& store, core::CaseService& cases,
                                         const core::CaseRecord& record, core::Instant now);

}  // namespace caredesk::print
