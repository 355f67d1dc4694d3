// Staff accounts from the command line: `user add` (password on stdin, argon2id), `user
// password`, `user list` (no secrets), and `department add` so a fresh install can route staff.
// Bad input exits 2 naming the flag and changes nothing.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cli.h"
#include "app/command_support.h"
#include "app/commands.h"
#include "app/store_url.h"
#include "app/system_clock.h"
#include "app/user_args.h"
#include "auth/password.h"
#include "core/directory.h"

namespace caredesk::app {
namespace {

struct UserOptions {
  std::string db;
  std::string email;
  std::string name;
  std::string role;
  std::string department;
  std::string initials;
};

int RunUserAdd(const UserOptions& options) {
  if (auto bad = core::EmailProblem(options.email)) return BadArgument("--email", *bad);
  if (options.name.empty() || options.name.size() > 200) {
    return BadArgument("--name", "a name of 1 to 200 characters is required");
  }
  auto role = core::ParseRole(options.role);
  if (!role) return BadArgument("--role", "must be one of agent, manager, auditor, admin");
  std::string initials =
      options.initials.empty() ? core::InitialsOf(options.name) : options.initials;
  if (auto bad = core::InitialsProblem(initials)) return BadArgument("--initials", *bad);
  auto password = NewPasswordFromStdin();
  if (!password) return kExitBadArguments;

  SystemClock clock;
  auto store = OpenOrSay(options.db, clock);
  if (!store) return kExitFailed;
  std::optional<core::Id> department_id;
  if (!options.department.empty()) {
    auto departments = store->ListDepartments();
    if (!departments) return StoreFailure(departments.error());
    for (const auto& department : *departments) {
      if (department.name == options.department) department_id = department.id;
    }
    if (!department_id) {
      return BadArgument("--department", fmt::format("no department is named \"{}\" (add it with "
                                                     "`caredesk department add`)",
                                                     options.department));
    }
  }
  auto existing = store->StaffPasswordHash(options.email);
  if (existing) {
    return BadArgument("--email",
                       "a staff member with this email exists (change a password "
                       "with `caredesk user password`)");
  }
  if (existing.error().code != core::ErrorCode::kNotFound) return StoreFailure(existing.error());
  // Hash before saving anything, so a failure here leaves no account without a password.
  auto hash = auth::HashPassword(*password);
  if (!hash) return StoreFailure(hash.error());
  core::StaffRecord staff{0, options.email, options.name, initials, *role, department_id, true};
  auto saved = store->SaveStaff(staff);
  if (!saved) return StoreFailure(saved.error());
  if (auto set = store->SetStaffPassword(saved->id, *hash); !set) return StoreFailure(set.error());
  std::cout << StaffSummary(*saved, options.department, true).dump() << "\n";
  return kExitOk;
}

int RunUserPassword(const std::string& db, const std::string& email) {
  return ChangePassword(db, email, [&](core::Store& store, const std::string& hash) {
    auto staff = store.StaffPasswordHash(email);
    if (!staff) {
      if (staff.error().code == core::ErrorCode::kNotFound) {
        return BadArgument("--email", "no staff member has this email");
      }
      return StoreFailure(staff.error());
    }
    if (auto set = store.SetStaffPassword(staff->staff.id, hash); !set) {
      return StoreFailure(set.error());
    }
    // A changed password signs the old sessions out; API tokens are revoked separately.
    auto revoked = store.RevokeStaffSessions(staff->staff.id);
    if (!revoked) return StoreFailure(revoked.error());
    std::cerr << fmt::format("password changed; {} browser session(s) signed out\n", *revoked);
    return kExitOk;
  });
}

int RunUserList(const std::string& db) {
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitFailed;
  auto staff = store->ListStaff();
  if (!staff) return StoreFailure(staff.error());
  auto departments = store->ListDepartments();
  if (!departments) return StoreFailure(departments.error());
  for (const auto& member : *staff) {
    std::string department;
    for (const auto& d : *departments) {
      if (member.department_id == d.id) department = d.name;
    }
    auto credential = store->StaffPasswordHash(member.email);
    if (!credential) return StoreFailure(credential.error());
    std::cout << StaffSummary(member, department, !credential->password_hash.empty()).dump()
              << "\n";
  }
  return kExitOk;
}

int RunDepartmentAdd(const std::string& db, const std::string& name) {
  if (name.empty() || name.size() > 200) {
    return BadArgument("--name", "a name of 1 to 200 characters is required");
  }
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitFailed;
  auto saved = store->SaveDepartment({0, name, std::nullopt});
  if (!saved) {
    if (saved.error().code == core::ErrorCode::kConflict) {
      return BadArgument("--name", "a department with this name exists");
    }
    return StoreFailure(saved.error());
  }
  std::cout << nlohmann::ordered_json{{"id", saved->id}, {"name", saved->name}}.dump() << "\n";
  return kExitOk;
}

}  // namespace

void AddUserCommands(CLI::App& app, int& exit_code) {
  auto* user = app.add_subcommand("user", "Staff accounts");
  user->require_subcommand(1);
  auto options = std::make_shared<UserOptions>();
  auto* add = user->add_subcommand(
      "add", "Add a staff member; the password is the first line of standard input");
  add->add_option("--db", options->db, "SQLite file or postgresql:// URL")->required();
  add->add_option("--email", options->email, "Their email, used to sign in")->required();
  add->add_option("--name", options->name, "Their name as shown on cases")->required();
  add->add_option("--role", options->role, "agent, manager, auditor or admin")->required();
  add->add_option("--department", options->department, "The department they work in");
  add->add_option("--initials", options->initials, "Shown with their notes (default: from name)");
  add->callback([options, &exit_code] { exit_code = RunUserAdd(*options); });

  auto password = std::make_shared<UserOptions>();
  auto* change = user->add_subcommand(
      "password", "Set a staff member's password from standard input; signs out their sessions");
  change->add_option("--db", password->db, "SQLite file or postgresql:// URL")->required();
  change->add_option("--email", password->email, "The staff member's email")->required();
  change->callback(
      [password, &exit_code] { exit_code = RunUserPassword(password->db, password->email); });

  auto list_db = std::make_shared<std::string>();
  auto* list = user->add_subcommand("list", "One JSON line per staff member (no secrets)");
  list->add_option("--db", *list_db, "SQLite file or postgresql:// URL")->required();
  list->callback([list_db, &exit_code] { exit_code = RunUserList(*list_db); });

  auto* department = app.add_subcommand("department", "Departments (services)");
  department->require_subcommand(1);
  auto department_options = std::make_shared<UserOptions>();
  auto* department_add = department->add_subcommand("add", "Add a department");
  department_add->add_option("--db", department_options->db, "SQLite file or postgresql:// URL")
      ->required();
  department_add->add_option("--name", department_options->name, "Its name")->required();
  department_add->callback([department_options, &exit_code] {
    exit_code = RunDepartmentAdd(department_options->db, department_options->name);
  });
}

}  // namespace caredesk::app
