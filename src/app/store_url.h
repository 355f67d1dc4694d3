// `--db URL`: a file path opens (creating and migrating when missing) an embedded SQLite store;
// a postgresql:// or postgres:// URL opens a PostgreSQL store. A store without a policy gets the
// built-in default policy as its first version.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/store.h"

namespace caredesk::app {

bool IsPostgresUrl(const std::string& url);

core::Result<std::unique_ptr<core::Store>> OpenStore(const std::string& url,
                                                     const core::Clock& clock);

}  // namespace caredesk::app
