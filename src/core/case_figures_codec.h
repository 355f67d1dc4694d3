// The figures of a case that the store keeps in one text column (case_figures.details): what a
// report reads but never filters on. Derived data, always recomputable from the events; the
// leading format number lets a newer caredesk recognise an older encoding and recompute it.
// Enums are kept as their declaration index, instants as seconds since the epoch.
#pragma once

#include <string>
#include <string_view>

#include "core/case_figures.h"

namespace caredesk::core {

inline constexpr int kFiguresFormat = 1;

// Every field of `figures` but those kept in their own columns (case id, policy version,
// receipt, month, kind, channel, department, service, nature, stage, status).
std::string EncodeFigureDetails(const CaseFigures& figures);

// Fills those fields of `figures` from `details`; kInvalid (field "details") when it is not an
// encoding of this format, which a caller treats as figures to recompute.
Result<void> DecodeFigureDetails(std::string_view details, CaseFigures& figures);

}  // namespace caredesk::core
