// `caredesk serve`: opens the store (creating and migrating a missing SQLite file), makes
// `--policy` the active version when it differs, and serves HTTP until SIGTERM or SIGINT, which
// drain in-flight requests and exit 0. Settings: flags, then CAREDESK_* environment variables,
// then the `--config` TOML file (see serve_settings.h).
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <thread>

#include "app/cli.h"
#include "app/commands.h"
#include "app/mail_jobs.h"
#include "app/policy_source.h"
#include "app/serve_settings.h"
#include "app/store_url.h"
#include "app/system_clock.h"
#include "auth/token.h"
#include "core/report_service.h"
#include "http/access_log.h"
#include "http/api.h"
#include "http/case_counts.h"
#include "http/metrics.h"
#include "http/ops_routes.h"
#include "http/router.h"
#include "http/server.h"
#include "http/web_routes.h"
#include "store/common/migrations.h"

namespace caredesk::app {
namespace {

std::optional<std::string> Getenv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

// Makes the policy file the active version unless it already is; false after printing why not.
bool InstallIfChanged(core::Store& store, const std::string& file, const core::Clock& clock,
                      int& status) {
  auto checked = ReadPolicyFile(file);
  if (!checked.policy) {
    status = checked.status;
    return false;
  }
  auto active = store.ActivePolicy();
  if (active && active->version == checked.policy->version && active->text == checked.text) {
    return true;
  }
  auto installed = store.InstallPolicy(checked.policy->version, checked.text, clock.Now());
  if (!installed) {
    std::cerr << "caredesk: --policy: " << installed.error().message << "\n";
    status = kExitFailed;
    return false;
  }
  std::cerr << "caredesk: installed policy \"" << checked.policy->name << "\" version "
            << checked.policy->version << " as the active policy\n";
  return true;
}

http::ServerOptions ServerOptionsFrom(const ServeSettings& settings) {
  http::ServerOptions options;
  options.host = settings.host;
  options.port = settings.port;
  options.io_threads = settings.io_threads;
  options.fiber_writes = !IsPostgresUrl(settings.db);  // SQLite's writes wait in this process
  options.worker_threads = settings.worker_threads;
  options.read_threads = settings.read_threads;
  options.queue_capacity = settings.queue_capacity;
  options.header_timeout = settings.header_timeout;
  options.idle_timeout = settings.idle_timeout;
  return options;
}

int RunServe(const std::map<std::string, std::string>& flags, std::string config_path) {
  if (config_path.empty()) config_path = Getenv("CAREDESK_CONFIG").value_or("");
  std::string config_text;
  if (!config_path.empty()) {
    std::string error;
    auto text = ReadFile(config_path, error);
    if (!text) {
      std::cerr << "caredesk: --config: " << error << "\n";
      return kExitBadArguments;
    }
    config_text = std::move(*text);
  }
  auto settings = ResolveServeSettings(flags, Getenv, config_text, config_path);
  if (!settings) {
    std::cerr << "caredesk: " << settings.error().message << "\n";
    return kExitBadArguments;
  }
  if (settings->db.empty()) {
    std::cerr << "caredesk: --db (or CAREDESK_DB, or db in the config file) is required\n";
    return kExitBadArguments;
  }
  SystemClock clock;
  auto opened = OpenStore(settings->db, clock);
  if (!opened) {
    std::cerr << "caredesk: --db: " << opened.error().message << "\n";
    return kExitFailed;
  }
  core::Store& store = **opened;
  int status = kExitOk;
  if (!settings->policy.empty() && !InstallIfChanged(store, settings->policy, clock, status)) {
    return status;
  }

  http::Metrics metrics;
  http::AccessLog access_log(settings->access_log);
  http::CachedCaseCounts case_counts(store, clock);
  const int schema = store::LatestVersion(IsPostgresUrl(settings->db) ? store::PostgresMigrations()
                                                                      : store::SqliteMigrations());
  http::Router router;
  http::AddOpsRoutes(router, {store, clock, metrics, case_counts, schema});
  auth::SodiumTokenSource random;
  const auto correspondent = CorrespondentFor(store, settings->mail, random);
  http::Api api(
      store, clock, random,
      {settings->portal_per_minute, settings->sign_in_per_minute, settings->attachment_limit},
      correspondent.get());
  api.AddRoutes(router);
  std::optional<http::WebAssetFiles> web_files;
  if (!settings->web_dir.empty()) {
    web_files = http::ReadWebAssets(settings->web_dir);
    if (!web_files) {
      std::cerr << "caredesk: --web-dir: no index.html in " << settings->web_dir << "\n";
      return kExitBadArguments;
    }
  }
  http::AddWebRoutes(router, web_files ? web_files->assets : http::WebAssets());

  std::unique_ptr<MailJobs> jobs;
  if (settings->mail.jobs) {
    jobs = std::make_unique<MailJobs>(
        store, clock, settings->mail, *correspondent, [](bool error, const std::string& text) {
          std::cerr << (error ? "caredesk: jobs: error: " : "caredesk: jobs: ") << text
                    << std::endl;
        });
    std::cerr << "caredesk: jobs: " << jobs->Describe() << std::endl;
  }

  // Cases written before reports kept figures (a store upgraded from schema 4) are given theirs
  // in the background; stopped between batches when the server stops.
  core::CaseService figure_cases(store, clock);
  std::jthread figures([&store, &figure_cases](std::stop_token stop) {
    auto filled = core::FillMissingFigures(store, figure_cases, 500,
                                           [&stop] { return stop.stop_requested(); });
    if (!filled) {
      std::cerr << "caredesk: report figures: " << filled.error().message << std::endl;
    } else if (*filled > 0) {
      std::cerr << "caredesk: report figures computed for " << *filled << " cases" << std::endl;
    }
  });

  http::Server server(router, ServerOptionsFrom(*settings), &metrics, &access_log);
  if (auto started = server.Start(); !started) {
    std::cerr << "caredesk: --listen: " << started.error().message << "\n";
    return kExitFailed;
  }
  server.RunUntilSignalled(
      [&server] { std::cout << "caredesk listening on " << server.url() << std::endl; });
  std::cerr << "caredesk: stopped\n";
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, int& exit_code) {
  auto* serve = app.add_subcommand("serve", "Serve the HTTP API until SIGTERM or SIGINT");
  auto config = std::make_shared<std::string>();
  struct Flag {
    const char* name;
    const char* help;
  };
  static constexpr Flag kFlags[] = {
      {"db", "SQLite file or postgresql:// URL"},
      {"listen", "HOST:PORT to listen on (port 0: any free port)"},
      {"policy", "Policy TOML file to make the active version"},
      {"access_log", "Access log file (default: stderr)"},
      {"io_threads", "I/O threads (0: one per core)"},
      {"worker_threads",
       "Worker threads for requests that may write (0: on SQLite 2 per core, running fibers; on "
       "PostgreSQL 32 per core)"},
      {"read_threads", "Worker threads for GET and HEAD requests (0: 3 per core)"},
      {"queue_capacity", "Requests that may wait for a worker before 503"},
      {"header_timeout", "Seconds to read a request's headers"},
      {"idle_timeout", "Seconds a keep-alive connection may idle"},
      {"attachment_limit", "Largest attachment body, in bytes"},
      {"portal_per_minute", "Portal submissions per minute per address"},
      {"sign_in_per_minute", "Sign-in attempts per minute per address"},
      {"web_dir", "Serve the web UI from this vite build directory (development)"},
      {"jobs", "on: fire timers, send mail and read the mailbox in this process; off: not"},
      {"smtp_url", "smtp://host:port or smtps://host:port for outgoing mail (none: it waits)"},
      {"smtp_user", "SMTP user (the password: smtp_password_file or CAREDESK_SMTP_PASSWORD)"},
      {"smtp_password_file", "File holding the SMTP password"},
      {"smtp_tls", "none, starttls (if offered) or required"},
      {"mail_from", "The address caredesk's messages come from"},
      {"mail_from_name", "The name they come from (default: the organisation's)"},
      {"public_url", "The address customers reach caredesk at, for links in messages"},
      {"imap_url",
       "imap://host:port/MAILBOX or imaps://… to read incoming mail from (more mailboxes: "
       "[[mailbox]] tables in the --config file)"},
      {"imap_user", "IMAP user (the password: imap_password_file or CAREDESK_IMAP_PASSWORD)"},
      {"imap_password_file", "File holding the IMAP password"},
      {"imap_tls", "none, starttls (if offered) or required"},
      {"imap_poll", "Seconds between mailbox reads"},
  };
  auto options = std::make_shared<std::vector<std::pair<std::string, CLI::Option*>>>();
  auto texts = std::make_shared<std::map<std::string, std::string>>();
  for (const auto& flag : kFlags) {
    std::string option = std::string("--") + flag.name;
    std::replace(option.begin(), option.end(), '_', '-');
    options->emplace_back(flag.name, serve->add_option(option, (*texts)[flag.name], flag.help));
  }
  serve->add_option("--config", *config, "TOML config file (flags and CAREDESK_* win over it)");
  serve->callback([options, texts, config, &exit_code] {
    std::map<std::string, std::string> given;
    for (const auto& [name, option] : *options) {
      if (option->count() > 0) given[name] = (*texts)[name];
    }
    exit_code = RunServe(given, *config);
  });
}

}  // namespace caredesk::app
