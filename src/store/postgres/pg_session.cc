#include "store/postgres/pg_session.h"

#include <mutex>
#include <unordered_map>

namespace caredesk::store {
namespace {

// The numbered form of each statement, computed once per process.
const std::string& Numbered(const std::string& sql) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::string> cache;
  std::lock_guard lock(mutex);
  auto found = cache.find(sql);
  if (found == cache.end()) found = cache.emplace(sql, NumberPlaceholders(sql)).first;
  return found->second;
}

}  // namespace

core::Result<std::int64_t> PgSession::Run(const std::string& sql, const std::vector<SqlArg>& args,
                                          const std::function<void(const RowView&)>& row) {
  PgParams params;
  for (const auto& arg : args) {
    if (const auto* number = std::get_if<std::int64_t>(&arg)) {
      params.Int(*number);
    } else if (const auto* text = std::get_if<std::string>(&arg)) {
      params.Text(*text);
    } else if (const auto* bytes = std::get_if<SqlBytes>(&arg)) {
      params.Bytes(bytes->bytes);
    } else {
      params.Null();
    }
  }
  if (params.HasNul()) {
    return core::Fail(core::ErrorCode::kInvalid, "text may not contain a NUL character");
  }
  auto result = conn_.Query(Numbered(sql), params);
  if (!result) return tl::unexpected(result.error());
  if (row) {
    for (int i = 0; i < result->Rows(); ++i) row(PgRow(*result, i));
  }
  return std::int64_t{result->Rows()};
}

}  // namespace caredesk::store
