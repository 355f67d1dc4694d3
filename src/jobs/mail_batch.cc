#include "jobs/mail_batch.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "core/mail_threading.h"

namespace caredesk::jobs {
namespace {

// Runs `work(i)` for i in [0, count) on up to `threads` threads, the caller's among them.
template <class Work>
void OnThreads(std::size_t count, int threads, const Work& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < count;) work(i);
  };
  const std::size_t helpers =
      std::min(count, static_cast<std::size_t>(std::max(threads, 1))) - (count > 0 ? 1 : 0);
  std::vector<std::jthread> pool;
  pool.reserve(helpers);
  for (std::size_t t = 0; t < helpers; ++t) pool.emplace_back(run);
  run();
}

}  // namespace

std::vector<core::Result<Ingested>> FileBatch(MailIngest& ingest, std::span<const std::string> raws,
                                              int filers) {
  std::vector<std::optional<core::Result<core::InboundMail>>> parsed(raws.size());
  OnThreads(raws.size(), filers, [&](std::size_t i) { parsed[i] = ingest.Parse(raws[i]); });

  std::vector<const core::InboundMail*> mails(raws.size(), nullptr);
  for (std::size_t i = 0; i < raws.size(); ++i) {
    if (*parsed[i]) mails[i] = &**parsed[i];
  }
  const auto chains = core::FilingChains(mails);
  std::vector<std::optional<core::Result<Ingested>>> filed(raws.size());
  OnThreads(chains.size(), filers, [&](std::size_t c) {
    std::optional<core::Error> unavailable;
    for (const std::size_t i : chains[c]) {
      if (unavailable) {
        // The rest of the chain waits for the next poll, so that a reply is still filed after
        // what it answers.
        filed[i] = tl::unexpected(*unavailable);
        continue;
      }
      filed[i] = mails[i] ? ingest.File(*mails[i], raws[i])
                          : core::Result<Ingested>(tl::unexpected(parsed[i]->error()));
      if (!*filed[i] && filed[i]->error().code == core::ErrorCode::kUnavailable) {
        unavailable = filed[i]->error();
      }
    }
  });

  std::vector<core::Result<Ingested>> out;
  out.reserve(raws.size());
  for (auto& result : filed) out.push_back(std::move(*result));
  return out;
}

}  // namespace caredesk::jobs
