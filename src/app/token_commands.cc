// API tokens from the command line: `token create` prints only the new token on stdout (shown
// once; the store keeps its SHA-256), `token list` shows a staff member's tokens without
// secrets, `token revoke` ends one for good.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <variant>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/store_url.h"
#include "app/system_clock.h"
#include "app/user_args.h"
#include "auth/token.h"
#include "core/credential_records.h"
#include "core/directory.h"
#include "core/instant.h"

namespace caredesk::app {
namespace {

struct TokenOptions {
  std::string db;
  std::string email;
  std::string label;
  std::int64_t id = 0;
};

// The staff member named by --email, or the exit status saying why not.
std::variant<core::StaffRecord, int> StaffByEmail(core::Store& store, const std::string& email) {
  auto found = store.StaffPasswordHash(email);
  if (!found) {
    if (found.error().code == core::ErrorCode::kNotFound) {
      return BadArgument("--email", "no staff member has this email");
    }
    return StoreFailure(found.error());
  }
  return found->staff;
}

int RunTokenCreate(const TokenOptions& options) {
  if (auto bad = core::EmailProblem(options.email)) return BadArgument("--email", *bad);
  if (options.label.size() > 200)
    return BadArgument("--label", "a label is at most 200 characters");
  SystemClock clock;
  auto store = OpenOrSay(options.db, clock);
  if (!store) return kExitFailed;
  auto staff = StaffByEmail(*store, options.email);
  if (auto* status = std::get_if<int>(&staff)) return *status;
  const auto& member = std::get<core::StaffRecord>(staff);
  if (!member.active) return BadArgument("--email", "this staff member is deactivated");
  auth::SodiumTokenSource random;
  const std::string token = auth::NewToken(random, auth::TokenKind::kApiToken);
  core::ApiTokenRecord record;
  record.staff_id = member.id;
  record.token_hash = auth::TokenHash(token);
  record.label = options.label;
  record.created_at = clock.Now();
  auto saved = store->SaveApiToken(record);
  if (!saved) return StoreFailure(saved.error());
  std::cout << token << "\n";
  std::cerr << fmt::format("API token {} created for {}; it is shown only this once\n", saved->id,
                           member.email);
  return kExitOk;
}

nlohmann::ordered_json When(const std::optional<core::Instant>& at) {
  return at ? nlohmann::ordered_json(core::FormatUtc(*at)) : nlohmann::ordered_json();
}

int RunTokenList(const TokenOptions& options) {
  if (auto bad = core::EmailProblem(options.email)) return BadArgument("--email", *bad);
  SystemClock clock;
  auto store = OpenOrSay(options.db, clock);
  if (!store) return kExitFailed;
  auto staff = StaffByEmail(*store, options.email);
  if (auto* status = std::get_if<int>(&staff)) return *status;
  auto tokens = store->ApiTokens(std::get<core::StaffRecord>(staff).id);
  if (!tokens) return StoreFailure(tokens.error());
  for (const auto& token : *tokens) {
    std::cout << nlohmann::ordered_json{{"id", token.id},
                                        {"label", token.label},
                                        {"created_at", core::FormatUtc(token.created_at)},
                                        {"last_used_at", When(token.last_used_at)},
                                        {"revoked_at", When(token.revoked_at)}}
                     .dump()
              << "\n";
  }
  return kExitOk;
}

int RunTokenRevoke(const TokenOptions& options) {
  if (options.id <= 0)
    return BadArgument("--id", "a token id (from `caredesk token list`) is required");
  SystemClock clock;
  auto store = OpenOrSay(options.db, clock);
  if (!store) return kExitFailed;
  auto revoked = store->RevokeApiToken(options.id, clock.Now());
  if (!revoked) {
    if (revoked.error().code == core::ErrorCode::kNotFound) {
      return BadArgument("--id", fmt::format("no API token has id {}", options.id));
    }
    return StoreFailure(revoked.error());
  }
  std::cerr << fmt::format("API token {} revoked\n", options.id);
  return kExitOk;
}

}  // namespace

void AddTokenCommands(CLI::App& app, int& exit_code) {
  auto* token = app.add_subcommand("token", "API tokens (Authorization: Bearer)");
  token->require_subcommand(1);

  auto create_options = std::make_shared<TokenOptions>();
  auto* create = token->add_subcommand(
      "create", "Create an API token for a staff member; prints only the token");
  create->add_option("--db", create_options->db, "SQLite file or postgresql:// URL")->required();
  create->add_option("--email", create_options->email, "The staff member it acts as")->required();
  create->add_option("--label", create_options->label, "What the token is for");
  create->callback([create_options, &exit_code] { exit_code = RunTokenCreate(*create_options); });

  auto list_options = std::make_shared<TokenOptions>();
  auto* list = token->add_subcommand("list", "A staff member's tokens (no secrets)");
  list->add_option("--db", list_options->db, "SQLite file or postgresql:// URL")->required();
  list->add_option("--email", list_options->email, "The staff member")->required();
  list->callback([list_options, &exit_code] { exit_code = RunTokenList(*list_options); });

  auto revoke_options = std::make_shared<TokenOptions>();
  auto* revoke = token->add_subcommand("revoke", "Revoke a token for good");
  revoke->add_option("--db", revoke_options->db, "SQLite file or postgresql:// URL")->required();
  revoke->add_option("--id", revoke_options->id, "The token's id (see `token list`)")->required();
  revoke->callback([revoke_options, &exit_code] { exit_code = RunTokenRevoke(*revoke_options); });
}

}  // namespace caredesk::app
