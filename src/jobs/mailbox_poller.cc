#include "jobs/mailbox_poller.h"

#include <fmt/format.h>

namespace caredesk::jobs {

core::Result<PollReport> PollMailbox(mail::CurlImapMailbox& mailbox, MailIngest& ingest,
                                     const std::function<void(const std::string&)>& warn) {
  PollReport report;
  auto uids = mailbox.UnseenUids();
  if (!uids) return tl::unexpected(uids.error());
  for (std::uint32_t uid : *uids) {
    auto raw = mailbox.Fetch(uid);
    if (!raw) {
      if (raw.error().code == core::ErrorCode::kUnavailable) return tl::unexpected(raw.error());
      if (raw.error().code == core::ErrorCode::kNotFound) continue;  // expunged meanwhile
      ++report.refused;
      if (warn) warn(fmt::format("message UID {} refused: {}", uid, raw.error().message));
    } else {
      auto filed = ingest.Ingest(*raw);
      if (!filed) {
        if (filed.error().code == core::ErrorCode::kUnavailable) {
          return tl::unexpected(filed.error());
        }
        ++report.refused;
        if (warn) warn(fmt::format("message UID {} refused: {}", uid, filed.error().message));
      } else if (filed->outcome == IngestOutcome::kDuplicate) {
        ++report.duplicates;
      } else {
        ++report.filed;
      }
    }
    if (auto seen = mailbox.MarkSeen(uid); !seen) return tl::unexpected(seen.error());
  }
  return report;
}

}  // namespace caredesk::jobs
