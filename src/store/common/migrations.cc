#include "store/common/migrations.h"

namespace caredesk::store {

int LatestVersion(std::span<const Migration> migrations) {
  int latest = 0;
  for (const auto& migration : migrations)
    latest = migration.version > latest ? migration.version : latest;
  return latest;
}

}  // namespace caredesk::store
