#include "app/serve_settings.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>

namespace caredesk::app {
namespace {

std::string EnvName(const std::string& name) {
  std::string upper = "CAREDESK_";
  for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

// A config value as text (a string or an integer), so that every source is parsed by the same
// code; none for another kind of value.
std::optional<std::string> TextOf(const toml::node& node) {
  if (auto s = node.value<std::string>(); s && node.is_string()) return *s;
  if (auto i = node.value<std::int64_t>(); i && node.is_integer()) return std::to_string(*i);
  return std::nullopt;
}

// The config file's [[mailbox]] tables.
core::Result<std::vector<MailboxSettings>> ReadMailboxes(const toml::node& node,
                                                         const std::string& name) {
  const int line = static_cast<int>(node.source().begin.line);
  const auto* tables = node.as_array();
  if (!tables || !tables->is_array_of_tables()) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("{}:{}: 'mailbox' must be [[mailbox]] tables", name, line),
                      "mailbox");
  }
  std::vector<MailboxSettings> mailboxes;
  const auto& keys = MailboxKeys();
  for (const auto& element : *tables) {
    const auto& table = *element.as_table();
    const std::string where =
        fmt::format("{}:{}", name, static_cast<int>(table.source().begin.line));
    MailboxSettings mailbox;
    for (const auto& [key, value] : table) {
      const std::string field(key.str());
      const auto text = TextOf(value);
      if (std::find(keys.begin(), keys.end(), field) == keys.end() || !text) {
        return core::Fail(core::ErrorCode::kInvalid,
                          fmt::format("{}: [[mailbox]] takes {} (strings), not '{}'", where,
                                      fmt::join(keys, ", "), field),
                          "mailbox." + field);
      }
      if (auto applied = ApplyMailboxKey(field, *text, where, mailbox); !applied) {
        return tl::unexpected(applied.error());
      }
    }
    if (mailbox.url.empty()) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("{}: a [[mailbox]] needs its url", where), "mailbox.url");
    }
    mailboxes.push_back(std::move(mailbox));
  }
  return mailboxes;
}

// The config file's values as text, and its [[mailbox]] tables.
core::Result<std::map<std::string, std::string>> ReadConfig(
    const std::string& text, const std::string& name, std::vector<MailboxSettings>& mailboxes) {
  std::map<std::string, std::string> values;
  if (text.empty()) return values;
  toml::table table;
  try {
    table = toml::parse(text, name);
  } catch (const toml::parse_error& error) {
    return core::Fail(
        core::ErrorCode::kInvalid,
        fmt::format("{}:{}: {}", name, error.source().begin.line, error.description()), "config");
  }
  const auto& known = ServeSettingNames();
  for (const auto& [key, node] : table) {
    const std::string setting(key.str());
    const int line = static_cast<int>(node.source().begin.line);
    if (setting == "mailbox") {
      auto read = ReadMailboxes(node, name);
      if (!read) return tl::unexpected(read.error());
      mailboxes = std::move(*read);
      continue;
    }
    if (std::find(known.begin(), known.end(), setting) == known.end()) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("{}:{}: unknown setting '{}'", name, line, setting), setting);
    }
    auto value = TextOf(node);
    if (!value) {
      return core::Fail(
          core::ErrorCode::kInvalid,
          fmt::format("{}:{}: '{}' must be a string or an integer", name, line, setting), setting);
    }
    values[setting] = std::move(*value);
  }
  return values;
}

core::Result<std::int64_t> Number(const std::string& name, const std::string& text,
                                  const std::string& source, std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("{} ({}): '{}' is not a whole number from {} to {}", name, source,
                                  text, min, max),
                      name);
  }
  return value;
}

}  // namespace

const std::vector<std::string>& ServeSettingNames() {
  static const std::vector<std::string> names = {"db",
                                                 "listen",
                                                 "policy",
                                                 "access_log",
                                                 "io_threads",
                                                 "worker_threads",
                                                 "read_threads",
                                                 "queue_capacity",
                                                 "header_timeout",
                                                 "idle_timeout",
                                                 "attachment_limit",
                                                 "portal_per_minute",
                                                 "sign_in_per_minute",
                                                 "web_dir"};
  static const std::vector<std::string> all = [] {
    std::vector<std::string> every = names;
    for (const auto& name : MailSettingNames()) every.push_back(name);
    return every;
  }();
  return all;
}

core::Result<void> ParseListen(const std::string& text, ServeSettings& settings) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("listen: '{}' is not HOST:PORT (e.g. 127.0.0.1:8080)", text),
                      "listen");
  }
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  auto port = Number("listen", text.substr(colon + 1), "port", 0, 65535);
  if (!port) return tl::unexpected(port.error());
  settings.host = host;
  settings.port = static_cast<unsigned short>(*port);
  return {};
}

core::Result<ServeSettings> ResolveServeSettings(const std::map<std::string, std::string>& flags,
                                                 const EnvLookup& env,
                                                 const std::string& config_text,
                                                 const std::string& config_name) {
  ServeSettings settings;
  auto config = ReadConfig(config_text, config_name, settings.mail.more_mailboxes);
  if (!config) return tl::unexpected(config.error());
  for (const auto& name : ServeSettingNames()) {
    std::string value;
    std::string source;
    if (auto flag = flags.find(name); flag != flags.end()) {
      value = flag->second;
      source = "--" + name;
      std::replace(source.begin(), source.end(), '_', '-');
    } else if (auto from_env = env ? env(EnvName(name)) : std::nullopt) {
      value = *from_env;
      source = EnvName(name);
    } else if (auto from_file = config->find(name); from_file != config->end()) {
      value = from_file->second;
      source = config_name;
    } else {
      continue;
    }
    auto number = [&](std::int64_t min, std::int64_t max) {
      return Number(name, value, source, min, max);
    };
    core::Result<std::int64_t> n = 0;
    const auto& mail_names = MailSettingNames();
    if (std::find(mail_names.begin(), mail_names.end(), name) != mail_names.end()) {
      if (auto applied = ApplyMailSetting(name, value, source, settings.mail); !applied) {
        return tl::unexpected(applied.error());
      }
    } else if (name == "db") {
      settings.db = value;
    } else if (name == "listen") {
      if (auto parsed = ParseListen(value, settings); !parsed)
        return tl::unexpected(parsed.error());
    } else if (name == "policy") {
      settings.policy = value;
    } else if (name == "access_log") {
      settings.access_log = value;
    } else if (name == "web_dir") {
      settings.web_dir = value;
    } else if (name == "io_threads" && (n = number(0, 256))) {
      settings.io_threads = static_cast<std::size_t>(*n);
    } else if (name == "worker_threads" && (n = number(0, 1024))) {
      settings.worker_threads = static_cast<std::size_t>(*n);
    } else if (name == "read_threads" && (n = number(0, 1024))) {
      settings.read_threads = static_cast<std::size_t>(*n);
    } else if (name == "queue_capacity" && (n = number(1, 1000000))) {
      settings.queue_capacity = static_cast<std::size_t>(*n);
    } else if (name == "header_timeout" && (n = number(1, 3600))) {
      settings.header_timeout = std::chrono::seconds(*n);
    } else if (name == "idle_timeout" && (n = number(1, 86400))) {
      settings.idle_timeout = std::chrono::seconds(*n);
    } else if (name == "attachment_limit" && (n = number(1, std::int64_t{1} << 32))) {
      settings.attachment_limit = static_cast<std::size_t>(*n);
    } else if (name == "portal_per_minute" && (n = number(1, 1000000))) {
      settings.portal_per_minute = static_cast<int>(*n);
    } else if (name == "sign_in_per_minute" && (n = number(1, 1000000))) {
      settings.sign_in_per_minute = static_cast<int>(*n);
    }
    if (!n) return tl::unexpected(n.error());
  }
  if (env) {
    if (auto password = env("CAREDESK_SMTP_PASSWORD")) settings.mail.smtp_password = *password;
    if (auto password = env("CAREDESK_IMAP_PASSWORD")) settings.mail.imap_password = *password;
  }
  return settings;
}

}  // namespace caredesk::app
