#include "app/mail_settings.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace caredesk::app {
namespace {

core::Result<std::string> ReadSecret(const std::string& name, const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return core::Fail(core::ErrorCode::kInvalid, fmt::format("{}: cannot read {}", name, path),
                      name);
  }
  std::stringstream text;
  text << in.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  return secret;
}

core::Result<void> OneOf(const std::string& name, const std::string& value,
                         const std::string& source, std::initializer_list<const char*> allowed) {
  for (const char* option : allowed) {
    if (value == option) return {};
  }
  return core::Fail(
      core::ErrorCode::kInvalid,
      fmt::format("{} ({}): '{}' is not one of {}", name, source, value, fmt::join(allowed, ", ")),
      name);
}

}  // namespace

const std::vector<std::string>& MailSettingNames() {
  static const std::vector<std::string> names = {
      "jobs",     "smtp_url",  "smtp_user",          "smtp_password_file",
      "smtp_tls", "mail_from", "mail_from_name",     "public_url",
      "imap_url", "imap_user", "imap_password_file", "imap_tls",
      "imap_poll"};
  return names;
}

const std::vector<std::string>& MailboxKeys() {
  static const std::vector<std::string> keys = {"url", "user", "password_file", "tls"};
  return keys;
}

core::Result<void> ApplyMailboxKey(const std::string& name, const std::string& value,
                                   const std::string& where, MailboxSettings& mailbox) {
  const std::string field = "mailbox." + name;
  if (name == "url") {
    if (value.rfind("imap://", 0) != 0 && value.rfind("imaps://", 0) != 0) {
      // The value is not repeated: a mistyped URL may carry a password.
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("{} ({}): must start imap:// or imaps://", field, where),
                        field);
    }
    mailbox.url = value;
  } else if (name == "user") {
    mailbox.user = value;
  } else if (name == "password_file") {
    auto secret = ReadSecret(field, value);
    if (!secret) return tl::unexpected(secret.error());
    mailbox.password = *secret;
  } else if (name == "tls") {
    if (auto ok = OneOf(field, value, where, {"none", "starttls", "required"}); !ok) return ok;
    mailbox.tls = value;
  }
  return {};
}

std::vector<MailboxSettings> MailSettings::Mailboxes() const {
  std::vector<MailboxSettings> all;
  if (!imap_url.empty()) all.push_back({imap_url, imap_user, imap_password, imap_tls});
  all.insert(all.end(), more_mailboxes.begin(), more_mailboxes.end());
  return all;
}

core::Result<void> ApplyMailSetting(const std::string& name, const std::string& value,
                                    const std::string& source, MailSettings& settings) {
  if (name == "jobs") {
    if (auto ok = OneOf(name, value, source, {"on", "off"}); !ok) return ok;
    settings.jobs = value == "on";
  } else if (name == "smtp_url") {
    settings.smtp_url = value;
  } else if (name == "smtp_user") {
    settings.smtp_user = value;
  } else if (name == "smtp_password_file" || name == "imap_password_file") {
    auto secret = ReadSecret(name, value);
    if (!secret) return tl::unexpected(secret.error());
    (name == "smtp_password_file" ? settings.smtp_password : settings.imap_password) = *secret;
  } else if (name == "smtp_tls" || name == "imap_tls") {
    if (auto ok = OneOf(name, value, source, {"none", "starttls", "required"}); !ok) return ok;
    (name == "smtp_tls" ? settings.smtp_tls : settings.imap_tls) = value;
  } else if (name == "mail_from") {
    if (value.find('@') == std::string::npos) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("mail_from ({}): '{}' is not an email address", source, value),
                        name);
    }
    settings.mail_from = value;
  } else if (name == "mail_from_name") {
    settings.mail_from_name = value;
  } else if (name == "public_url") {
    settings.public_url = value;
    while (!settings.public_url.empty() && settings.public_url.back() == '/') {
      settings.public_url.pop_back();
    }
  } else if (name == "imap_url") {
    settings.imap_url = value;
  } else if (name == "imap_user") {
    settings.imap_user = value;
  } else if (name == "imap_poll") {
    int seconds = 0;
    try {
      std::size_t used = 0;
      seconds = std::stoi(value, &used);
      if (used != value.size()) seconds = 0;
    } catch (...) {
      seconds = 0;
    }
    if (seconds < 1 || seconds > 86400) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("imap_poll ({}): '{}' is not a whole number of seconds from 1 "
                                    "to 86400",
                                    source, value),
                        name);
    }
    settings.imap_poll = std::chrono::seconds(seconds);
  }
  return {};
}

}  // namespace caredesk::app
