#include "mail_bench_fixture.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace caredesk::bench {

namespace fs = std::filesystem;
using testing::DovecotServer;

namespace {

std::string DefaultPolicy() {
  std::ifstream in(std::string(CAREDESK_SOURCE_DIR) + "/policies/default.toml");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

double OwnCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double GroupCpuSeconds(pid_t group) {
  const double ticks = double(sysconf(_SC_CLK_TCK));
  double total = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::string field;
    long pgrp = -1;
    double utime = 0, stime = 0;
    for (int i = 3; fields >> field && i <= 15; ++i) {  // fields 5, 14, 15: pgrp, utime, stime
      if (i == 5) pgrp = std::stol(field);
      if (i == 14) utime = std::stod(field);
      if (i == 15) stime = std::stod(field);
    }
    if (pgrp == group || std::stol(name) == group) total += (utime + stime) / ticks;
  }
  return total;
}

double BytesWritten() {
  std::ifstream io("/proc/self/io");
  std::string key;
  double value = 0;
  while (io >> key >> value) {
    if (key == "wchar:") return value;
  }
  return 0;
}

World::World(const core::Clock& clock, std::string& error) {
  char pattern[] = "/tmp/caredesk-mail-bench-XXXXXX";
  if (!mkdtemp(pattern)) {
    error = "cannot make a temporary directory";
    return;
  }
  dir_ = pattern;
  auto opened = store::SqliteStore::Open((dir_ / "caredesk.db").string(), clock);
  if (!opened) {
    error = opened.error().message;
    return;
  }
  store_ = std::move(*opened);
  const std::string text = DefaultPolicy();
  auto policy = core::ParsePolicy(text);
  if (!policy) {
    error = "policies/default.toml does not parse";
    return;
  }
  if (auto installed = store_->InstallPolicy(policy->version, text, clock.Now()); !installed) {
    error = installed.error().message;
    return;
  }
  cases_ = std::make_unique<core::CaseService>(*store_, clock);
}

World::~World() {
  cases_.reset();
  store_.reset();
  std::error_code ignored;
  if (!dir_.empty()) fs::remove_all(dir_, ignored);
}

core::Result<core::LoggedContact> World::LogComplaint(int n) {
  const Person person = Customer(n);
  core::NewContact contact;
  contact.kind = core::Kind::kComplaint;
  contact.channel = core::Channel::kEmail;
  contact.subject = "Certificate never arrived";
  contact.body = "I passed in October and still have no certificate.";
  core::CustomerRecord customer;
  customer.name = person.name;
  customer.email = person.email;
  contact.customer = customer;
  return cases_->Log(contact);
}

bool Maildir::Open(DovecotServer& dovecot, std::string& error) {
  if (!dovecot.Deliver(kMailbox, "From: setup@example.test\nSubject: setup\n\nsetup\n", error)) {
    return false;
  }
  root_ = dovecot.Dir() / "home" / kMailbox / "Maildir";
  for (const char* sub : {"new", "cur"}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root_ / sub, ec)) {
      struct stat info {};
      if (::stat(entry.path().c_str(), &info) != 0) continue;
      uid_ = info.st_uid;
      gid_ = info.st_gid;
      return true;
    }
  }
  error = "dovecot-lda left no message in " + root_.string();
  return false;
}

bool Maildir::MakeDirectory(const fs::path& path, std::string& error) const {
  std::error_code ec;
  fs::create_directory(path, ec);
  if (ec || (geteuid() == 0 && ::chown(path.c_str(), uid_, gid_) != 0)) {
    error = "cannot make " + path.string() + " for the mail user";
    return false;
  }
  return true;
}

bool Maildir::AddFolder(const std::string& name, std::string& error) {
  const fs::path folder = root_ / ("." + name);
  return MakeDirectory(folder, error) && MakeDirectory(folder / "tmp", error) &&
         MakeDirectory(folder / "new", error) && MakeDirectory(folder / "cur", error);
}

std::string Maildir::NewName() {
  return "1795392000.M" + std::to_string(++count_) + "P" + std::to_string(getpid()) + ".bench";
}

bool Maildir::Write(const std::string& folder, const std::string& raw, bool seen,
                    std::string& error) {
  const fs::path dir = root_ / ("." + folder);
  const std::string name = NewName();
  const fs::path tmp = dir / "tmp" / name;
  {
    std::ofstream out(tmp, std::ios::binary);
    out << raw;
    if (!out.flush()) {
      error = "cannot write " + tmp.string();
      return false;
    }
  }
  if (::chown(tmp.c_str(), uid_, gid_) != 0 && geteuid() == 0) {
    error = "cannot give " + tmp.string() + " to the mail user";
    return false;
  }
  std::error_code ec;
  fs::rename(tmp, dir / (seen ? "cur/" + name + ":2,S" : "new/" + name), ec);
  if (ec) {
    error = "cannot move " + name + " out of tmp/: " + ec.message();
    return false;
  }
  last_ = name;
  return true;
}

bool Maildir::Put(const std::string& folder, const std::vector<CorpusMessage>& messages,
                  std::string& error) {
  for (const auto& message : messages) {
    if (!Write(folder, message.raw, false, error)) return false;
  }
  return true;
}

bool Maildir::PutSeen(const std::string& folder, int count, std::string& error) {
  if (count == 0) return true;
  const std::vector<ExistingCase> cases = {{"CD-2026-000001", Customer(0).email, "Sam Jones"}};
  if (!Write(folder, CustomerMail(1, cases, 7u, NextTag()).front().raw, true, error)) {
    return false;
  }
  const fs::path cur = root_ / ("." + folder) / "cur";
  const fs::path first = cur / (last_ + ":2,S");
  std::error_code ec;
  for (int i = 1; i < count && !ec; ++i) {
    fs::create_hard_link(first, cur / (NewName() + ":2,S"), ec);
  }
  if (ec) error = "cannot put seen messages in " + cur.string() + ": " + ec.message();
  return !ec;
}

mail::ImapSettings SharedMailbox::Settings(const std::string& folder) const {
  mail::ImapSettings settings;
  settings.url = dovecot->ImapUrl(folder);
  settings.username = kMailbox;
  settings.password = DovecotServer::DefaultUsers().front().password;
  settings.tls = mail::ImapSettings::Tls::kNone;
  return settings;
}

SharedMailbox* TheMailbox(std::string& error) {
  static SharedMailbox shared;
  static std::string failure;
  if (!shared.dovecot && failure.empty()) {
    shared.dovecot = DovecotServer::Start(DovecotServer::DefaultUsers(), failure);
    if (shared.dovecot && !shared.maildir.Open(*shared.dovecot, failure)) shared.dovecot.reset();
    if (!shared.dovecot && failure.empty()) failure = "cannot start Dovecot";
  }
  error = failure;
  return shared.dovecot ? &shared : nullptr;
}

bool FillFolder(SharedMailbox& shared, const std::string& folder, int seen,
                const std::vector<CorpusMessage>& corpus, std::string& error) {
  return shared.maildir.AddFolder(folder, error) && shared.maildir.PutSeen(folder, seen, error) &&
         shared.maildir.Put(folder, corpus, error);
}

std::string NextTag() {
  static int tags = 0;
  return "b" + std::to_string(getpid()) + "n" + std::to_string(++tags);
}

bool PrepareRound(const core::Clock& clock, int count, unsigned seed, IngestRound& round,
                  std::string& error) {
  round.world.reset();
  round.world = std::make_unique<World>(clock, error);
  if (!round.world->ok()) return false;
  std::vector<ExistingCase> existing;
  for (int n = 0; n < kExistingCases; ++n) {
    auto logged = round.world->LogComplaint(n);
    if (!logged) {
      error = logged.error().message;
      return false;
    }
    const Person person = Customer(n);
    existing.push_back({logged->view.record.reference, person.email, person.name});
  }
  round.corpus = CustomerMail(count, existing, seed, NextTag());
  return true;
}

std::string CheckFiling(core::Store& store, const std::vector<CorpusMessage>& corpus) {
  for (const auto& message : corpus) {
    auto filed = store.MailFiled(message.message_id);
    if (!filed || !*filed) return "not filed: " + message.message_id;
    auto onto = store.CaseOfMessageId(message.message_id);
    if (!onto) return onto.error().message;
    std::optional<std::string> expected;
    switch (message.filing) {
      case Filing::kOpens:
        if (!*onto) return "opened no case: " + message.message_id;
        continue;
      case Filing::kRecorded:
        break;
      case Filing::kThreadsBySubject:
        expected = message.answers;
        break;
      case Filing::kThreadsByReply:
        expected = store.CaseOfMessageId(message.answers).value_or(std::nullopt);
        if (!expected) return "the message answered opened no case: " + message.answers;
        break;
    }
    if (*onto != expected) {
      return "filed on " + onto->value_or("no case") + " instead of " +
             expected.value_or("no case") + ": " + message.message_id;
    }
  }
  return "";
}

}  // namespace caredesk::bench
