// What the mail benchmarks (mail_bench.cc) stand on: a fresh SQLite store with the shipped
// policy, one Dovecot for the whole run whose INBOX is filled by writing its Maildir, a check
// that every message was filed where it belongs, and the counters that split the time (this
// process's CPU, a server's CPU, the bytes written).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/case_service.h"
#include "mail/curl_imap_mailbox.h"
#include "mail_corpus.h"
#include "mail_servers.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::bench {

inline constexpr char kMailbox[] = "caredesk@example.test";
inline constexpr int kExistingCases = 100;  // the cases the replies in the corpus answer

// CPU seconds (user + system) used so far by this process, all threads.
double OwnCpuSeconds();
// CPU seconds used so far by the live process `group` and the processes of its process group (a
// server and what it forked), from /proc.
double GroupCpuSeconds(pid_t group);
// Bytes this process has handed to write(2) and pwrite(2) so far (/proc/self/io's wchar): for
// the store, its WAL frames and checkpoints.
double BytesWritten();

// A fresh SQLite store in its own temporary directory with the shipped default policy, and the
// case service over it; removed with the object. ok() is false (and `error` says why) when it
// could not be made.
class World {
 public:
  World(const core::Clock& clock, std::string& error);
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  bool ok() const { return cases_ != nullptr; }
  store::SqliteStore& store() { return *store_; }
  core::CaseService& cases() { return *cases_; }

  // A complaint that came in by email from the n-th customer of the corpus's pool.
  core::Result<core::LoggedContact> LogComplaint(int n);

 private:
  std::filesystem::path dir_;
  std::unique_ptr<store::SqliteStore> store_;
  std::unique_ptr<core::CaseService> cases_;
};

// The user's Maildir, written directly: dovecot-lda takes about a process start per message, too
// slow to fill mailboxes of thousands for every iteration. Each iteration gets a folder of its
// own (Maildir++: a .name directory beside the INBOX's), so none starts with an earlier one's
// mail. Files are written to tmp/ and renamed into new/ (the Maildir protocol), owned like the
// one message dovecot-lda delivered first, so Dovecot finds and indexes them at the next poll
// like any delivery.
class Maildir {
 public:
  bool Open(testing::DovecotServer& dovecot, std::string& error);
  // A new, empty folder `name` (letters and digits).
  bool AddFolder(const std::string& name, std::string& error);
  // Delivers `messages` to `folder`, unseen.
  bool Put(const std::string& folder, const std::vector<CorpusMessage>& messages,
           std::string& error);
  // Puts `count` messages in `folder` as already seen (in cur/, flag S): hard links to one
  // message, since only their names matter to Dovecot until they are fetched.
  bool PutSeen(const std::string& folder, int count, std::string& error);

 private:
  bool MakeDirectory(const std::filesystem::path& path, std::string& error) const;
  std::string NewName();
  // Writes `raw` to the folder's tmp/ and moves it to new/, or when `seen` to cur/ (flag S).
  bool Write(const std::string& folder, const std::string& raw, bool seen, std::string& error);

  std::filesystem::path root_;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  long count_ = 0;
  std::string last_;  // the name of the file Write wrote last
};

// One Dovecot for the whole run. Nothing is deleted while benchmarks run: on this machine's
// ext4 (no journal) every file created in the 30 s after thousands were deleted costs a scan
// past each of those inodes (ext4's recently_deleted), which Dovecot's lock files would pay.
struct SharedMailbox {
  std::unique_ptr<testing::DovecotServer> dovecot;
  Maildir maildir;
  // How caredesk reads `folder`: plain IMAP on loopback, as caredesk@example.test.
  mail::ImapSettings Settings(const std::string& folder) const;
};
// Started on first use; nullptr (with `error`) when Dovecot cannot start here.
SharedMailbox* TheMailbox(std::string& error);

// A fresh folder of the shared mailbox holding `seen` messages already seen (as the poller
// leaves them) and then `corpus`, unseen; false with `error` when it cannot be made.
bool FillFolder(SharedMailbox& shared, const std::string& folder, int seen,
                const std::vector<CorpusMessage>& corpus, std::string& error);

// A new tag (letters and digits) for the messages and the folder of each iteration of any
// benchmark, so their ids and names never repeat.
std::string NextTag();

// A fresh store with kExistingCases complaints on file, and a corpus of `count` messages that
// answers some of them.
struct IngestRound {
  std::unique_ptr<World> world;
  std::vector<CorpusMessage> corpus;
};
// Replaces `round` (the previous store is removed); false with `error` when it cannot.
bool PrepareRound(const core::Clock& clock, int count, unsigned seed, IngestRound& round,
                  std::string& error);

// Checks that each message of `corpus` was filed as it should be (opened a case, threaded onto
// the right one, or only recorded); empty when all were, else what is wrong with the first.
std::string CheckFiling(core::Store& store, const std::vector<CorpusMessage>& corpus);

}  // namespace caredesk::bench
