#include "app/serve_settings.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace caredesk::app {
namespace {

EnvLookup Env(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(ServeSettings, FlagBeatsEnvironmentBeatsConfigFileBeatsDefault) {
  const std::string config =
      "db = \"file.db\"\nlisten = \"127.0.0.1:1111\"\npolicy = \"file.toml\"\n"
      "queue_capacity = 7\n";
  auto settings = ResolveServeSettings(
      {{"db", "flag.db"}}, Env({{"CAREDESK_DB", "env.db"}, {"CAREDESK_LISTEN", "0.0.0.0:2222"}}),
      config, "caredesk.toml");
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_EQ(settings->db, "flag.db");    // flag over environment and file
  EXPECT_EQ(settings->host, "0.0.0.0");  // environment over file
  EXPECT_EQ(settings->port, 2222);
  EXPECT_EQ(settings->policy, "file.toml");  // file when nothing else says
  EXPECT_EQ(settings->queue_capacity, 7u);
  EXPECT_EQ(settings->header_timeout, std::chrono::seconds(10));  // default
}

TEST(ServeSettings, MailSettingsResolveAndPasswordsComeFromFilesOrTheEnvironment) {
  const auto secret = std::filesystem::temp_directory_path() /
                      ("caredesk-smtp-secret-" + std::to_string(::getpid()));
  std::ofstream(secret) << "s3cret\n";
  const std::string config = "smtp_url = \"smtp://mail.example.org:587\"\nimap_poll = 60\n";
  auto settings = ResolveServeSettings(
      {{"smtp_password_file", secret.string()}, {"mail_from", "care@example.org"}},
      Env({{"CAREDESK_IMAP_PASSWORD", "from-env"}, {"CAREDESK_JOBS", "off"}}), config, "c.toml");
  std::filesystem::remove(secret);
  ASSERT_TRUE(settings) << settings.error().message;
  EXPECT_EQ(settings->mail.smtp_url, "smtp://mail.example.org:587");
  EXPECT_EQ(settings->mail.smtp_password, "s3cret");  // without the file's newline
  EXPECT_EQ(settings->mail.imap_password, "from-env");
  EXPECT_EQ(settings->mail.imap_poll, std::chrono::seconds(60));
  EXPECT_FALSE(settings->mail.jobs);
  EXPECT_EQ(settings->mail.smtp_tls, "required");  // TLS unless told otherwise
  const auto names = ServeSettingNames();
  EXPECT_EQ(std::find(names.begin(), names.end(), "smtp_password"), names.end())
      << "no flag may carry a password";
}

TEST(ServeSettings, BadMailSettingsNameTheSettingAndTheReason) {
  auto tls = ResolveServeSettings({{"smtp_tls", "maybe"}}, Env({}), "", "c.toml");
  ASSERT_FALSE(tls);
  EXPECT_EQ(tls.error().field, "smtp_tls");
  auto from = ResolveServeSettings({{"mail_from", "not an address"}}, Env({}), "", "c.toml");
  ASSERT_FALSE(from);
  EXPECT_EQ(from.error().field, "mail_from");
  auto file =
      ResolveServeSettings({{"imap_password_file", "/nonexistent/secret"}}, Env({}), "", "c.toml");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().field, "imap_password_file");
  auto poll = ResolveServeSettings({{"imap_poll", "0"}}, Env({}), "", "c.toml");
  ASSERT_FALSE(poll);
  EXPECT_EQ(poll.error().field, "imap_poll");
}

TEST(ServeSettings, MoreMailboxesComeFromMailboxTablesEachWithItsAccount) {
  const auto secret = std::filesystem::temp_directory_path() /
                      ("caredesk-imap-secret-" + std::to_string(::getpid()));
  std::ofstream(secret) << "complaints-pass\n";
  const std::string config =
      "imap_url = \"imaps://mail.example.org:993/INBOX\"\nimap_user = \"care\"\n"
      "[[mailbox]]\nurl = \"imaps://mail.example.org:993/Complaints\"\n"
      "user = \"complaints\"\npassword_file = \"" +
      secret.string() +
      "\"\n"
      "[[mailbox]]\nurl = \"imap://127.0.0.1:1143/INBOX\"\ntls = \"none\"\n";
  auto settings =
      ResolveServeSettings({}, Env({{"CAREDESK_IMAP_PASSWORD", "care-pass"}}), config, "c.toml");
  std::filesystem::remove(secret);
  ASSERT_TRUE(settings) << settings.error().message;
  const auto boxes = settings->mail.Mailboxes();
  ASSERT_EQ(boxes.size(), 3u);
  EXPECT_EQ(boxes[0].url, "imaps://mail.example.org:993/INBOX");
  EXPECT_EQ(boxes[0].user, "care");
  EXPECT_EQ(boxes[0].password, "care-pass");
  EXPECT_EQ(boxes[1].url, "imaps://mail.example.org:993/Complaints");
  EXPECT_EQ(boxes[1].user, "complaints");
  EXPECT_EQ(boxes[1].password, "complaints-pass");
  EXPECT_EQ(boxes[1].tls, "required");
  EXPECT_EQ(boxes[2].tls, "none");
  EXPECT_EQ(boxes[2].password, "");
  EXPECT_TRUE(ResolveServeSettings({}, Env({}), "", "c.toml")->mail.Mailboxes().empty());
}

TEST(ServeSettings, ABadMailboxTableNamesItsKeyAndLine) {
  auto field_of = [](const std::string& config) {
    auto settings = ResolveServeSettings({}, Env({}), config, "c.toml");
    EXPECT_FALSE(settings);
    return settings ? std::string() : settings.error().field + " | " + settings.error().message;
  };
  EXPECT_EQ(field_of("[[mailbox]]\nuser = \"x\"\n"),
            "mailbox.url | c.toml:1: a [[mailbox]] needs its url");
  EXPECT_EQ(field_of("[[mailbox]]\nurl = \"pop3://x/\"\n").substr(0, 14), "mailbox.url | ");
  EXPECT_EQ(field_of("[[mailbox]]\nurl = \"imaps//care:Secr3t@host/\"\n").find("Secr3t"),
            std::string::npos)
      << "a mistyped URL is not repeated: it may carry a password";
  EXPECT_EQ(field_of("[[mailbox]]\nurl = \"imap://x/\"\npassword = \"p\"\n").substr(0, 19),
            "mailbox.password | ")
      << "a password is never written in the config file itself";
  EXPECT_EQ(field_of("[[mailbox]]\nurl = \"imap://x/\"\ntls = \"maybe\"\n").substr(0, 14),
            "mailbox.tls | ");
  EXPECT_EQ(field_of("[[mailbox]]\nurl = \"imap://x/\"\npassword_file = \"/nonexistent\"\n")
                .substr(0, 24),
            "mailbox.password_file | ");
  EXPECT_EQ(field_of("mailbox = \"imap://x/\"\n").substr(0, 10), "mailbox | ");
}

TEST(ServeSettings, ListenTakesIpv6InBrackets) {
  auto settings = ResolveServeSettings({{"listen", "[::1]:0"}}, Env({}), "", "");
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->host, "::1");
  EXPECT_EQ(settings->port, 0);
}

TEST(ServeSettings, BadNumberNamesTheSettingAndWhereItCameFrom) {
  auto settings = ResolveServeSettings({}, Env({{"CAREDESK_HEADER_TIMEOUT", "soon"}}), "", "");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().field, "header_timeout");
  EXPECT_NE(settings.error().message.find("CAREDESK_HEADER_TIMEOUT"), std::string::npos);
}

TEST(ServeSettings, UnknownConfigKeyIsRefusedWithItsLine) {
  auto settings = ResolveServeSettings({}, Env({}), "db = \"x\"\nlisten_on = \"y\"\n", "c.toml");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().message, "c.toml:2: unknown setting 'listen_on'");
}

TEST(ServeSettings, MalformedConfigFileIsRefusedWithItsLine) {
  auto settings = ResolveServeSettings({}, Env({}), "db = \n", "c.toml");
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().message.rfind("c.toml:1:", 0), 0u) << settings.error().message;
}

TEST(ServeSettings, PortOutOfRangeIsRefused) {
  EXPECT_FALSE(ResolveServeSettings({{"listen", "127.0.0.1:70000"}}, Env({}), "", ""));
  EXPECT_FALSE(ResolveServeSettings({{"listen", "127.0.0.1:"}}, Env({}), "", ""));
}

}  // namespace
}  // namespace caredesk::app
