#include "jobs/mailbox_poller.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "jobs/mail_batch.h"

namespace caredesk::jobs {
namespace {

// The most messages fetched and filed together: enough for the store to commit many in one go,
// few enough that a poll reports progress and holds little memory.
constexpr std::size_t kBatchMessages = 64;

// One batch of a poll: the messages it fetches, and those it settles without fetching.
struct Batch {
  std::vector<std::uint32_t> fetch;
  std::vector<std::uint32_t> settled;  // refused for good; to be marked seen
};

// The next batch from `unseen[next]` on: up to kBatchMessages whose sizes together stay within
// `limit`; a message over `limit` on its own is refused unread.
Batch NextBatch(const std::vector<mail::MailboxMessage>& unseen, std::size_t& next,
                std::uint64_t limit, PollReport& report,
                const std::function<void(const std::string&)>& warn) {
  Batch batch;
  std::uint64_t bytes = 0;
  for (; next < unseen.size() && batch.fetch.size() < kBatchMessages; ++next) {
    const auto& message = unseen[next];
    if (message.size > limit) {
      ++report.refused;
      batch.settled.push_back(message.uid);
      if (warn) {
        warn(fmt::format("message UID {} refused: {} bytes, over the limit of {} bytes",
                         message.uid, message.size, limit));
      }
      continue;
    }
    if (!batch.fetch.empty() && bytes + message.size > limit) break;
    batch.fetch.push_back(message.uid);
    bytes += message.size;
  }
  return batch;
}

// The raw bytes of the batch's messages by UID, in one command; when that fails (the server sent
// more than it said, or refused the command), one at a time, refusing a message too large, so
// one bad message never stops the mailbox.
core::Result<std::vector<std::pair<std::uint32_t, std::string>>> FetchBatch(
    mail::CurlImapMailbox& mailbox, Batch& batch, PollReport& report,
    const std::function<void(const std::string&)>& warn) {
  auto fetched = mailbox.FetchMany(batch.fetch);
  if (fetched) {
    std::sort(fetched->begin(), fetched->end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return fetched;
  }
  std::vector<std::pair<std::uint32_t, std::string>> one_by_one;
  for (const std::uint32_t uid : batch.fetch) {
    auto raw = mailbox.Fetch(uid);
    if (raw) {
      one_by_one.emplace_back(uid, std::move(*raw));
    } else if (raw.error().code == core::ErrorCode::kUnavailable) {
      return tl::unexpected(raw.error());
    } else if (raw.error().code != core::ErrorCode::kNotFound) {  // not expunged meanwhile
      ++report.refused;
      batch.settled.push_back(uid);
      if (warn) warn(fmt::format("message UID {} refused: {}", uid, raw.error().message));
    }
  }
  return one_by_one;
}

}  // namespace

core::Result<PollReport> PollMailbox(mail::CurlImapMailbox& mailbox, MailIngest& ingest,
                                     const std::function<void(const std::string&)>& warn,
                                     int filers) {
  PollReport report;
  auto unseen = mailbox.Unseen();
  if (!unseen) return tl::unexpected(unseen.error());
  for (std::size_t next = 0; next < unseen->size();) {
    Batch batch = NextBatch(*unseen, next, mailbox.max_message_bytes(), report, warn);
    auto fetched = FetchBatch(mailbox, batch, report, warn);
    if (!fetched) return tl::unexpected(fetched.error());
    std::vector<std::string> raws;
    raws.reserve(fetched->size());
    for (auto& [uid, raw] : *fetched) raws.push_back(std::move(raw));
    auto results = FileBatch(ingest, raws, filers);
    std::optional<core::Error> unavailable;
    for (std::size_t i = 0; i < results.size(); ++i) {
      const std::uint32_t uid = (*fetched)[i].first;
      const auto& filed = results[i];
      if (!filed && filed.error().code == core::ErrorCode::kUnavailable) {
        if (!unavailable) unavailable = filed.error();  // left unseen, for the next poll
        continue;
      }
      batch.settled.push_back(uid);
      if (!filed) {
        ++report.refused;
        if (warn) warn(fmt::format("message UID {} refused: {}", uid, filed.error().message));
      } else if (filed->outcome == IngestOutcome::kDuplicate) {
        ++report.duplicates;
      } else {
        ++report.filed;
      }
    }
    if (auto seen = mailbox.MarkSeen(batch.settled); !seen) return tl::unexpected(seen.error());
    if (unavailable) return tl::unexpected(*unavailable);
  }
  return report;
}

}  // namespace caredesk::jobs
