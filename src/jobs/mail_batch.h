// Filing many messages at once, as a mailbox poll reads them: all are parsed on several threads,
// then filed by several filers at the same time, so the store commits their writes together
// (store/sqlite/sqlite_group_commit.h) instead of paying a commit each. Messages that belong
// together (core::FilingChains: same sender, same case, answering one another) are filed by one
// filer in their order, so the outcome is what filing them one after another would give.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "jobs/mail_ingest.h"

namespace caredesk::jobs {

// What became of each of `raws`, in their order, as MailIngest::Ingest says. `filers` threads at
// most (one is the calling thread); 1 files everything on the calling thread. When the store is
// unavailable for a message, the later messages of its chain are not filed and get the same
// error, to be filed in order another time.
std::vector<core::Result<Ingested>> FileBatch(MailIngest& ingest, std::span<const std::string> raws,
                                              int filers = 4);

}  // namespace caredesk::jobs
