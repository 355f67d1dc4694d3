// A real caredesk API server for tests: every /api/v1 route over a temporary SQLite file, on
// 127.0.0.1 port 0, with one staff member per role (tokens ready) in two departments.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>

#include "app/store_url.h"
#include "app/system_clock.h"
#include "auth/password.h"
#include "auth/token.h"
#include "http/api.h"
#include "http/server.h"
#include "http_client.h"

namespace caredesk::http {

// The password of "agent" (agent@example.org), for sign-in stories.
inline constexpr std::string_view kAgentPassword = "correct horse battery";

class ApiServer {
 public:
  // Starts the server; `Token(role)` is then the API token of "agent", "agent_billing",
  // "manager", "auditor" or "admin".
  explicit ApiServer(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() /
           ("caredesk-api-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = app::OpenStore((dir_ / "caredesk.db").string(), clock_);
    if (!store) throw std::runtime_error(store.error().message);
    store_ = std::move(*store);
    SeedStaff();
    api_ = std::make_unique<Api>(*store_, clock_, random_, ApiLimits{1000, 1000});
    api_->AddRoutes(router_);
    ServerOptions options;
    options.port = 0;
    options.io_threads = 1;
    options.fiber_writes = true;  // as `caredesk serve` runs on SQLite
    options.worker_threads = 2;
    server_ = std::make_unique<Server>(router_, options, nullptr, nullptr);
    if (auto started = server_->Start(); !started) {
      throw std::runtime_error(started.error().message);
    }
  }
  ~ApiServer() {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }

  unsigned short port() const { return server_->port(); }
  core::Store& store() { return *store_; }
  const std::string& Token(const std::string& who) const { return tokens_.at(who); }
  core::Id DepartmentId(const std::string& name) const { return departments_.at(name); }
  core::Id StaffId(const std::string& who) const { return staff_.at(who); }
  // Every route the server has.
  const Router& router() const { return router_; }

  // Gives the customer with `email` (already on file) a portal account with `password`.
  void SetCustomerPassword(const std::string& email, std::string_view password) {
    auto customer = store_->FindCustomerByEmail(email);
    if (!customer || !*customer) throw std::runtime_error("no customer " + email);
    auto hash = auth::HashPassword(password);
    if (!hash || !store_->SetCustomerPassword((*customer)->id, *hash)) {
      throw std::runtime_error("cannot set the password of " + email);
    }
  }

 private:
  void SeedStaff() {
    for (const char* name : {"Certificates", "Billing"}) {
      auto saved = store_->SaveDepartment({0, name, std::nullopt});
      if (!saved) throw std::runtime_error(saved.error().message);
      departments_[name] = saved->id;
    }
    struct Seed {
      const char* who;
      const char* name;
      const char* initials;
      core::Role role;
      const char* department;
    };
    const Seed seeds[] = {
        {"agent", "Alex Agent", "AA", core::Role::kAgent, "Certificates"},
        {"agent_billing", "Bea Billing", "BB", core::Role::kAgent, "Billing"},
        {"manager", "Mo Manager", "MM", core::Role::kManager, "Certificates"},
        {"auditor", "Ada Auditor", "AU", core::Role::kAuditor, nullptr},
        {"admin", "Ari Admin", "AD", core::Role::kAdmin, nullptr},
    };
    for (const auto& seed : seeds) {
      core::StaffRecord staff{0,         std::string(seed.who) + "@example.org",
                              seed.name, seed.initials,
                              seed.role, std::nullopt,
                              true};
      if (seed.department) staff.department_id = departments_.at(seed.department);
      auto saved = store_->SaveStaff(staff);
      if (!saved) throw std::runtime_error(saved.error().message);
      staff_[seed.who] = saved->id;
      const std::string token = auth::NewToken(random_, auth::TokenKind::kApiToken);
      auto stored = store_->SaveApiToken({0, saved->id, auth::TokenHash(token), "tests",
                                          clock_.Now(), std::nullopt, std::nullopt});
      if (!stored) throw std::runtime_error(stored.error().message);
      tokens_[seed.who] = token;
      if (std::string(seed.who) == "agent") {  // the one who signs in with a password
        auto hash = auth::HashPassword(kAgentPassword);
        if (!hash || !store_->SetStaffPassword(saved->id, *hash)) {
          throw std::runtime_error("cannot set the agent's password");
        }
      }
    }
    auto certificates = store_->ListDepartments();
    for (auto department : *certificates) {
      if (department.name != "Certificates") continue;
      department.manager_id = staff_.at("manager");
      (void)store_->SaveDepartment(department);
    }
  }

  std::filesystem::path dir_;
  app::SystemClock clock_;
  auth::SodiumTokenSource random_;
  std::unique_ptr<core::Store> store_;
  std::map<std::string, std::string> tokens_;
  std::map<std::string, core::Id> departments_;
  std::map<std::string, core::Id> staff_;
  std::unique_ptr<Api> api_;
  Router router_;
  std::unique_ptr<Server> server_;
};

}  // namespace caredesk::http
