// `caredesk serve` settings and where they come from: a command-line flag wins, then the
// environment (CAREDESK_DB, CAREDESK_LISTEN, CAREDESK_POLICY, … — the setting's name upper-cased),
// then the TOML config file (top-level keys named like the settings), then the default.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "app/mail_settings.h"
#include "core/error.h"

namespace caredesk::app {

struct ServeSettings {
  std::string db;
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::string policy;      // a policy file to make active, if any
  std::string access_log;  // a file, or stderr when empty
  std::string web_dir;     // serve the web UI from this built directory instead of the embedded one
  std::size_t io_threads = 0;      // 0: one per core
  std::size_t worker_threads = 0;  // 0: 2 per core as fibers on SQLite, 32 on PostgreSQL (writes)
  std::size_t read_threads = 0;    // 0: 3 per core (GET and HEAD)
  std::size_t queue_capacity = 1024;
  std::chrono::seconds header_timeout{10};
  std::chrono::seconds idle_timeout{60};
  std::size_t attachment_limit = 10 * 1024 * 1024;  // bytes
  int portal_per_minute = 60;                       // portal submissions per minute per address
  int sign_in_per_minute = 10;                      // sign-in attempts per minute per address
  MailSettings mail;
};

// The names of every setting: flags are `--NAME` with '_' as '-', environment variables
// CAREDESK_NAME, config keys NAME.
const std::vector<std::string>& ServeSettingNames();

// Looks an environment variable up; returns nothing when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

// Resolves every setting from `flags` (name → text, only those given), `env`, and the TOML
// `config_text` (named `config_name` in errors). kInvalid names the setting and its source.
core::Result<ServeSettings> ResolveServeSettings(const std::map<std::string, std::string>& flags,
                                                 const EnvLookup& env,
                                                 const std::string& config_text,
                                                 const std::string& config_name);

// "HOST:PORT" or "[V6]:PORT" into the settings' host and port.
core::Result<void> ParseListen(const std::string& text, ServeSettings& settings);

}  // namespace caredesk::app
