#include "app/command_support.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "app/cli.h"
#include "app/password_input.h"
#include "app/store_url.h"
#include "app/system_clock.h"
#include "auth/password.h"
#include "core/directory.h"

namespace caredesk::app {

int BadArgument(const std::string& flag, const std::string& reason) {
  std::cerr << fmt::format("caredesk: {}: {}\n", flag, reason);
  return kExitBadArguments;
}

int StoreFailure(const core::Error& error) {
  std::cerr << fmt::format("caredesk: {}\n", error.message);
  return kExitFailed;
}

bool WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  return static_cast<bool>(out);
}

std::unique_ptr<core::Store> OpenOrSay(const std::string& db, const core::Clock& clock) {
  auto store = OpenStore(db, clock);
  if (!store) {
    std::cerr << fmt::format("caredesk: --db: {}\n", store.error().message);
    return nullptr;
  }
  return std::move(*store);
}

std::optional<std::string> NewPasswordFromStdin() {
  auto password = ReadPasswordLine(std::cin, "Password: ");
  if (!password || password->empty()) {
    std::cerr << "caredesk: password: give the password as the first line of standard input\n";
    return std::nullopt;
  }
  if (auto valid = auth::CheckNewPassword(*password); !valid) {
    std::cerr << fmt::format("caredesk: password: {}\n", valid.error().message);
    return std::nullopt;
  }
  return password;
}

int ChangePassword(const std::string& db, const std::string& email,
                   const std::function<int(core::Store&, const std::string& hash)>& apply) {
  if (auto bad = core::EmailProblem(email)) return BadArgument("--email", *bad);
  auto password = NewPasswordFromStdin();
  if (!password) return kExitBadArguments;
  SystemClock clock;
  auto store = OpenOrSay(db, clock);
  if (!store) return kExitFailed;
  auto hash = auth::HashPassword(*password);
  if (!hash) return StoreFailure(hash.error());
  return apply(*store, *hash);
}

}  // namespace caredesk::app
