// The store commands run as real processes on a real SQLite file: contact add, migrate, policy
// install and audit verify — including an edit made behind the store's back.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "cli_runner.h"

namespace {

using caredesk::testing::Caredesk;

class StoreCli : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("caredesk-store-cli-" + std::to_string(::getpid()));
  std::string db_ = (dir_ / "care.db").string();
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
  }
};

TEST_F(StoreCli, ContactAddCreatesTheDatabaseAndPrintsIncreasingReferences) {
  auto first = Caredesk("contact add --db " + db_ +
                        " --kind complaint --channel email --subject 'Late refund' --body 'Still "
                        "waiting' --customer-email ann@example.org --customer-name Ann"
                        " --received 2026-11-20T10:00:00Z");
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(first.out, "CD-2026-000001\n");
  auto anonymous = Caredesk("contact add --db " + db_ +
                            " --kind comment --channel web --subject Praise --body 'Great staff'"
                            " --received 2026-11-20T11:00:00Z");
  ASSERT_EQ(anonymous.status, 0) << anonymous.err;
  EXPECT_EQ(anonymous.out, "CD-2026-000002\n");
  auto migrate = Caredesk("migrate --db " + db_);
  EXPECT_EQ(migrate.status, 0) << migrate.err;
  EXPECT_NE(migrate.out.find("schema version 7"), std::string::npos);
}

TEST_F(StoreCli, BadContactsAreRefusedNamingTheFieldAndStoreNothing) {
  auto bad_kind =
      Caredesk("contact add --db " + db_ + " --kind complain --channel email --subject s --body b");
  EXPECT_EQ(bad_kind.status, 2);
  EXPECT_NE(bad_kind.err.find("--kind"), std::string::npos);
  auto empty_subject = Caredesk("contact add --db " + db_ +
                                " --kind question --channel email --subject '' --body b");
  EXPECT_EQ(empty_subject.status, 2);
  EXPECT_NE(empty_subject.err.find("subject"), std::string::npos) << empty_subject.err;
  auto future = Caredesk("contact add --db " + db_ +
                         " --kind question --channel email --subject s --body b"
                         " --received 2999-01-01T00:00:00Z");
  EXPECT_EQ(future.status, 2);
  EXPECT_NE(future.err.find("received"), std::string::npos) << future.err;
  auto ok = Caredesk("contact add --db " + db_ +
                     " --kind question --channel email --subject s --body b"
                     " --received 2026-11-20T10:00:00Z");
  EXPECT_EQ(ok.out, "CD-2026-000001\n") << "nothing was stored before";
}

TEST_F(StoreCli, PolicyInstallAddsAVersionAndRefusesABadFile) {
  auto installed = Caredesk("policy install --db " + db_ + " " + CAREDESK_SOURCE_DIR +
                            "/policies/plato-training.toml");
  ASSERT_EQ(installed.status, 0) << installed.err;
  EXPECT_NE(installed.out.find("Plato Training UK Ltd"), std::string::npos);
  const auto bad = dir_ / "bad.toml";
  std::ofstream(bad) << "[organisation]\nname = \"x\"\n";
  auto refused = Caredesk("policy install --db " + db_ + " " + bad.string());
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find(bad.string() + ":1:"), std::string::npos) << refused.err;
}

TEST_F(StoreCli, AuditVerifyPassesThenNamesTheFirstBrokenLink) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Caredesk("contact add --db " + db_ +
                       " --kind question --channel email --subject 'Exam date' --body 'When is "
                       "it?' --received 2026-11-20T10:00:00Z")
                  .status,
              0);
  }
  auto clean = Caredesk("audit verify --db " + db_);
  EXPECT_EQ(clean.status, 0) << clean.out << clean.err;
  Sql("DROP TRIGGER events_append_only_update");
  Sql("UPDATE events SET payload = replace(payload, 'When is it?', 'Never mind') WHERE case_id = "
      "(SELECT id FROM cases WHERE reference = 'CD-2026-000002')");
  auto broken = Caredesk("audit verify --db " + db_);
  EXPECT_EQ(broken.status, 1);
  EXPECT_TRUE(std::regex_search(broken.out, std::regex("CD-2026-000002 event 1"))) << broken.out;
}

}  // namespace
