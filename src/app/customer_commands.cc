// Customer portal accounts from the command line: `customer password` gives a customer (found
// by email; customers are created by their contacts) a password for the portal, or changes it
// and signs their sessions out. The password is the first line of standard input. Customers
// cannot register themselves yet: that needs their email confirmed, which comes with the email
// channel; until then the organisation sets a password after confirming who is asking.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/system_clock.h"
#include "auth/password.h"
#include "core/directory.h"

namespace caredesk::app {
namespace {

int RunCustomerPassword(const std::string& db, const std::string& email) {
  return ChangePassword(db, email, [&](core::Store& store, const std::string& hash) {
    auto customer = store.FindCustomerByEmail(email);
    if (!customer) return StoreFailure(customer.error());
    if (!*customer) return BadArgument("--email", "no customer has this email");
    const core::Id id = (*customer)->id;
    if (auto set = store.SetCustomerPassword(id, hash); !set) return StoreFailure(set.error());
    auto revoked = store.RevokeCustomerSessions(id);
    if (!revoked) return StoreFailure(revoked.error());
    std::cerr << fmt::format("portal password set for customer {}; {} session(s) signed out\n", id,
                             *revoked);
    return kExitOk;
  });
}

}  // namespace

void AddCustomerCommands(CLI::App& app, int& exit_code) {
  auto* customer = app.add_subcommand("customer", "Customers' portal accounts");
  customer->require_subcommand(1);
  auto db = std::make_shared<std::string>();
  auto email = std::make_shared<std::string>();
  auto* password = customer->add_subcommand(
      "password", "Set a customer's portal password from standard input; signs out their sessions");
  password->add_option("--db", *db, "SQLite file or postgresql:// URL")->required();
  password->add_option("--email", *email, "The customer's email")->required();
  password->callback([db, email, &exit_code] { exit_code = RunCustomerPassword(*db, *email); });
}

}  // namespace caredesk::app
