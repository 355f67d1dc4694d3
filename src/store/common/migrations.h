// The schema versions each dialect knows, embedded from migrations/<dialect>/NNNN_name.sql at
// build time. A store applies the ones its database lacks, in order, each in a transaction, and
// refuses to open a database whose schema is newer than the last one here.
#pragma once

#include <span>
#include <string_view>

namespace caredesk::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();
std::span<const Migration> PostgresMigrations();

// The newest version in `migrations` (0 when empty).
int LatestVersion(std::span<const Migration> migrations);

}  // namespace caredesk::store
