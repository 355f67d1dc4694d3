// Staff accounts and API tokens from the command line, run as real processes on a real SQLite
// file: passwords come from stdin and are stored only as argon2id hashes, tokens are printed
// once on stdout and stored only as SHA-256, and neither ever appears on stderr.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "cli_runner.h"
#include "core/sha256.h"

namespace {

using caredesk::testing::Caredesk;

constexpr const char* kPassword = "tr0ub4dor-and-3";

class UserCli : public ::testing::Test {
 protected:
  std::filesystem::path dir_ =
      std::filesystem::temp_directory_path() / ("caredesk-user-cli-" + std::to_string(::getpid()));
  std::string db_ = (dir_ / "care.db").string();
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // A file holding `text`, to feed a command's stdin.
  std::string Stdin(const std::string& text) {
    const auto path = dir_ / ("stdin-" + std::to_string(++files_));
    std::ofstream(path) << text;
    return path.string();
  }

  caredesk::testing::Run AddUser(const std::string& email,
                                 const std::string& extra = "--role agent",
                                 const std::string& password = std::string(kPassword) + "\n") {
    return Caredesk("user add --db " + db_ + " --email " + email + " --name 'Sam Agent' " + extra +
                    " < " + Stdin(password));
  }

  caredesk::testing::Run Run(const std::string& args) {
    return Caredesk(args + " --db " + db_ + " < /dev/null");
  }

  // The first column of the first row `sql` selects, as text ("" when none).
  std::string Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0)) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
  }

  int files_ = 0;
};

TEST_F(UserCli, UserAddKeepsOnlyAnArgon2idHashOfThePassword) {
  auto added = AddUser("sam@example.org");
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("\"email\":\"sam@example.org\""), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("\"initials\":\"SA\""), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("\"password_set\":true"), std::string::npos) << added.out;
  EXPECT_EQ(added.out.find(kPassword), std::string::npos);
  EXPECT_EQ(added.err.find(kPassword), std::string::npos);
  const auto hash = Sql("SELECT password_hash FROM staff WHERE email = 'sam@example.org'");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_EQ(hash.find(kPassword), std::string::npos);

  auto list = Run("user list");
  ASSERT_EQ(list.status, 0) << list.err;
  EXPECT_NE(list.out.find("sam@example.org"), std::string::npos);
  EXPECT_NE(list.out.find("\"role\":\"agent\""), std::string::npos);
  EXPECT_EQ(list.out.find("argon2"), std::string::npos) << "no secrets in the list";
  EXPECT_NE(Run("migrate").out.find("schema version 7"), std::string::npos);
}

TEST_F(UserCli, AUserJoinsAnExistingDepartment) {
  auto department = Run("department add --name Certification");
  ASSERT_EQ(department.status, 0) << department.err;
  auto added = AddUser("mo@example.org", "--role manager --department Certification --initials MO");
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("\"department\":\"Certification\""), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("\"initials\":\"MO\""), std::string::npos) << added.out;
  EXPECT_EQ(Sql("SELECT d.name FROM staff s JOIN departments d ON d.id = s.department_id"),
            "Certification");
  auto again = Run("department add --name Certification");
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("--name"), std::string::npos) << again.err;
}

TEST_F(UserCli, BadInputExitsTwoNamingTheFlagAndAddsNobody) {
  struct Case {
    std::string email, extra, password, flag;
  };
  const std::string ok = std::string(kPassword) + "\n";
  for (const auto& c : std::vector<Case>{
           {"sam@example.org", "--role boss", ok, "--role"},
           {"not-an-email", "--role agent", ok, "--email"},
           {"'sam @example.org'", "--role agent", ok, "--email"},
           {"sam@example.org", "--role agent --initials 'TOO LONG'", ok, "--initials"},
           {"sam@example.org", "--role agent --department Nowhere", ok, "--department"},
           {"sam@example.org", "--role agent", "", "password"},
           {"sam@example.org", "--role agent", "\n", "password"},
           {"sam@example.org", "--role agent", "short\n", "password"},
       }) {
    auto run = AddUser(c.email, c.extra, c.password);
    EXPECT_EQ(run.status, 2) << c.flag << ": " << run.err;
    EXPECT_NE(run.err.find(c.flag), std::string::npos) << c.flag << ": " << run.err;
    EXPECT_EQ(run.err.find(kPassword), std::string::npos);
  }
  EXPECT_EQ(Run("user list").out, "") << "nobody was added";
  ASSERT_EQ(AddUser("sam@example.org").status, 0);
  auto duplicate = AddUser("sam@example.org");
  EXPECT_EQ(duplicate.status, 2);
  EXPECT_NE(duplicate.err.find("--email"), std::string::npos) << duplicate.err;
}

TEST_F(UserCli, TokenCreatePrintsOnlyTheTokenAndStoresItsHash) {
  ASSERT_EQ(AddUser("sam@example.org").status, 0);
  auto created = Run("token create --email sam@example.org --label 'nightly export'");
  ASSERT_EQ(created.status, 0) << created.err;
  ASSERT_TRUE(std::regex_match(created.out, std::regex("cdk_[A-Za-z0-9_-]{43}\n"))) << created.out;
  const std::string token = created.out.substr(0, created.out.size() - 1);
  EXPECT_EQ(created.err.find(token), std::string::npos) << "the token is never on stderr";
  EXPECT_EQ(created.err.find(token.substr(4, 12)), std::string::npos);
  const auto stored = Sql("SELECT token_hash FROM api_tokens");
  EXPECT_NE(stored, token);
  EXPECT_EQ(stored, caredesk::core::Sha256Hex(token));

  auto second = Run("token create --email sam@example.org");
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.out, created.out);

  auto list = Run("token list --email sam@example.org");
  ASSERT_EQ(list.status, 0) << list.err;
  EXPECT_NE(list.out.find("nightly export"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find(token), std::string::npos);
  EXPECT_EQ(list.out.find(stored), std::string::npos) << "not even the hash is listed";

  auto revoked = Run("token revoke --id 1");
  ASSERT_EQ(revoked.status, 0) << revoked.err;
  EXPECT_NE(Sql("SELECT revoked_at FROM api_tokens WHERE id = 1"), "");
  EXPECT_EQ(Sql("SELECT revoked_at FROM api_tokens WHERE id = 2"), "");
}

TEST_F(UserCli, TokenCommandsRefuseUnknownPeopleAndTokens) {
  auto nobody = Run("token create --email nobody@example.org");
  EXPECT_EQ(nobody.status, 2);
  EXPECT_NE(nobody.err.find("--email"), std::string::npos) << nobody.err;
  EXPECT_EQ(nobody.out, "");
  auto missing = Run("token revoke --id 99");
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("--id"), std::string::npos) << missing.err;
  auto zero = Run("token revoke --id 0");
  EXPECT_EQ(zero.status, 2);
  EXPECT_NE(zero.err.find("--id"), std::string::npos) << zero.err;
  ASSERT_EQ(AddUser("sam@example.org").status, 0);
  auto long_label = Run("token create --email sam@example.org --label " + std::string(201, 'x'));
  EXPECT_EQ(long_label.status, 2);
  EXPECT_NE(long_label.err.find("--label"), std::string::npos) << long_label.err;
  EXPECT_EQ(Sql("SELECT COUNT(*) FROM api_tokens"), "0");
}

TEST_F(UserCli, UserPasswordReplacesTheHash) {
  ASSERT_EQ(AddUser("sam@example.org").status, 0);
  const auto before = Sql("SELECT password_hash FROM staff");
  auto changed = Caredesk("user password --db " + db_ + " --email sam@example.org < " +
                          Stdin("a-new-long-password\n"));
  ASSERT_EQ(changed.status, 0) << changed.err;
  EXPECT_EQ(changed.err.find("a-new-long-password"), std::string::npos);
  const auto after = Sql("SELECT password_hash FROM staff");
  EXPECT_NE(before, after);
  EXPECT_TRUE(after.starts_with("$argon2id$"));
  auto nobody = Caredesk("user password --db " + db_ + " --email nobody@example.org < " +
                         Stdin("a-new-long-password\n"));
  EXPECT_EQ(nobody.status, 2);
  EXPECT_NE(nobody.err.find("--email"), std::string::npos) << nobody.err;
}

}  // namespace

namespace {

TEST_F(UserCli, CustomerPasswordGivesAKnownCustomerAPortalAccount) {
  ASSERT_EQ(Caredesk("contact add --db " + db_ +
                     " --kind complaint --channel phone --subject Late --body 'Nothing came'"
                     " --customer-email ann@example.org --customer-name Ann")
                .status,
            0);
  auto set = Caredesk("customer password --db " + db_ + " --email ann@example.org < " +
                      Stdin(std::string(kPassword) + "\n"));
  EXPECT_EQ(set.status, 0) << set.err;
  EXPECT_EQ(set.err.find(kPassword), std::string::npos) << "no secret on stderr";
  const std::string hash =
      Sql("SELECT password_hash FROM customers WHERE email = 'ann@example.org'");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;

  auto unknown = Caredesk("customer password --db " + db_ + " --email bob@example.org < " +
                          Stdin(std::string(kPassword) + "\n"));
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("--email: no customer has this email"), std::string::npos)
      << unknown.err;
  auto short_one =
      Caredesk("customer password --db " + db_ + " --email ann@example.org < " + Stdin("short\n"));
  EXPECT_EQ(short_one.status, 2);
  EXPECT_EQ(Sql("SELECT password_hash FROM customers WHERE email = 'ann@example.org'"), hash)
      << "a refused password changes nothing";
}

}  // namespace
