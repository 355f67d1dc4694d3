// `caredesk ingest-mail` as an MTA runs it: the message on stdin, the outcome on stdout, and an
// exit status the MTA acts on (0 stored or duplicate, 65 refused for good, 75 try again).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.h"

namespace caredesk::testing {
namespace {

namespace fs = std::filesystem;

class IngestMailCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("caredesk-ingest-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "care.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  caredesk::testing::Run Ingest(const std::string& name, const std::string& raw) {
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << raw;
    return Caredesk("ingest-mail --db " + db_ + " < " + file.string());
  }

  fs::path dir_;
  std::string db_;
};

constexpr const char* kEmail =
    "From: Sam <sam@example.test>\r\nSubject: My order\r\nMessage-ID: <order-1@example.test>\r\n"
    "\r\nWhere is it?\r\n";

TEST_F(IngestMailCli, StoresAMessageOnceAndSaysWhichTimeItWas) {
  auto first = Ingest("a.eml", kEmail);
  EXPECT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.out.find("opened CD-"), std::string::npos) << first.out;
  auto again = Ingest("a.eml", kEmail);
  EXPECT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find("duplicate: <order-1@example.test>"), std::string::npos) << again.out;
  const std::string reference = first.out.substr(first.out.find("CD-"), 14);
  auto reply = Ingest("b.eml", "From: sam@example.test\r\nSubject: Re: [" + reference +
                                   "] My order\r\nMessage-ID: <order-2@example.test>\r\n\r\nAny "
                                   "news?\r\n");
  EXPECT_EQ(reply.status, 0) << reply.err;
  EXPECT_NE(reply.out.find("onto " + reference), std::string::npos) << reply.out;
}

TEST_F(IngestMailCli, ABounceIsRecordedNotOpened) {
  auto bounce = Ingest("bounce.eml",
                       "From: MAILER-DAEMON@mx.example.test\r\nSubject: Undelivered\r\n"
                       "Auto-Submitted: auto-replied\r\nMessage-ID: <b-1@mx.example.test>\r\n\r\n"
                       "failed\r\n");
  EXPECT_EQ(bounce.status, 0) << bounce.err;
  EXPECT_NE(bounce.out.find("recorded"), std::string::npos) << bounce.out;
}

TEST_F(IngestMailCli, AMessageOverTheLimitIsRefusedWithTheReason) {
  std::string huge = "From: a@example.test\r\nSubject: big\r\n\r\n";
  huge.append(31u << 20, 'x');
  auto refused = Ingest("huge.eml", huge);
  EXPECT_EQ(refused.status, 65);
  EXPECT_NE(refused.err.find("refused"), std::string::npos) << refused.err;
}

TEST_F(IngestMailCli, AnUnreachableStoreAsksTheMtaToTryAgain) {
  auto later = Caredesk("ingest-mail --db postgresql://nobody@127.0.0.1:1/none < /dev/null");
  EXPECT_EQ(later.status, 75) << later.err;
}

}  // namespace
}  // namespace caredesk::testing
