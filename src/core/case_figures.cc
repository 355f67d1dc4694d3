#include "core/case_figures.h"

namespace caredesk::core {

DeadlineStatus StatusAt(const DeadlineFigure& deadline, Instant now) {
  switch (deadline.status) {
    case DeadlineStatus::kMet:
    case DeadlineStatus::kBreached:
    case DeadlineStatus::kNotApplicable:
      return deadline.status;
    case DeadlineStatus::kPaused:
      return DeadlineStatus::kPending;
    case DeadlineStatus::kPending:
    case DeadlineStatus::kDueSoon:
      break;
  }
  if (deadline.due && *deadline.due < now) return DeadlineStatus::kBreached;
  return DeadlineStatus::kPending;
}

}  // namespace caredesk::core
