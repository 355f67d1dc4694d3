// What the commands share: saying why an argument or the store failed (exit 2 and 1), opening
// the store, and reading a new password from stdin (the account commands).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "core/store.h"

namespace caredesk::app {

// Prints "caredesk: FLAG: REASON" and returns the bad-arguments exit status.
int BadArgument(const std::string& flag, const std::string& reason);
// Prints the store's error and returns the failure exit status.
int StoreFailure(const core::Error& error);
// The store at `db` (created and migrated when a missing SQLite file), or nothing after saying
// why not.
std::unique_ptr<core::Store> OpenOrSay(const std::string& db, const core::Clock& clock);
// Writes `bytes` to the file at `path` (created or replaced); false when it cannot.
bool WriteFile(const std::string& path, std::string_view bytes);
// A new password: the first line of stdin, checked; nothing after saying why not.
std::optional<std::string> NewPasswordFromStdin();
// `user password` and `customer password`: checks --email, reads the new password from stdin,
// opens the store, hashes it (argon2id) and hands store and hash to `apply`, whose exit status
// it returns.
int ChangePassword(const std::string& db, const std::string& email,
                   const std::function<int(core::Store&, const std::string& hash)>& apply);

}  // namespace caredesk::app
