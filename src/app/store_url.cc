#include "app/store_url.h"

#include "app/policy_source.h"
#include "store/sqlite/sqlite_store.h"
#ifdef CAREDESK_HAVE_POSTGRES_STORE
#include "store/postgres/pg_store.h"
#endif

namespace caredesk::app {

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

core::Result<std::unique_ptr<core::Store>> OpenStore(const std::string& url,
                                                     const core::Clock& clock) {
  if (url.empty()) return core::Fail(core::ErrorCode::kInvalid, "a database is required", "db");
  std::unique_ptr<core::Store> store;
  if (IsPostgresUrl(url)) {
#ifdef CAREDESK_HAVE_POSTGRES_STORE
    auto opened = store::PgStore::Open(url, clock);
    if (!opened) return tl::unexpected(opened.error());
    store = std::move(*opened);
#else
    return core::Fail(core::ErrorCode::kInvalid,
                      "this caredesk was built without PostgreSQL support", "db");
#endif
  } else {
    auto opened = store::SqliteStore::Open(url, clock);
    if (!opened) return tl::unexpected(opened.error());
    store = std::move(*opened);
  }
  auto active = store->ActivePolicy();
  if (!active && active.error().code == core::ErrorCode::kNotFound) {
    const std::string text(BuiltInDefaultPolicy());
    auto policy = core::ParsePolicy(text);
    if (!policy) return core::Fail(core::ErrorCode::kInvalid, "the built-in policy is invalid");
    auto installed = store->InstallPolicy(policy->version, text, clock.Now());
    if (!installed) return tl::unexpected(installed.error());
  } else if (!active) {
    return tl::unexpected(active.error());
  }
  return store;
}

}  // namespace caredesk::app
