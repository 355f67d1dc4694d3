#include "store/sqlite/sqlite_session.h"

namespace caredesk::store {

core::Result<std::int64_t> SqliteSession::Run(const std::string& sql,
                                              const std::vector<SqlArg>& args,
                                              const std::function<void(const RowView&)>& row) {
  auto statement = db_.Prepare(sql);
  if (!statement) return tl::unexpected(statement.error());
  for (const auto& arg : args) {
    if (const auto* number = std::get_if<std::int64_t>(&arg)) {
      statement->Bind(*number);
    } else if (const auto* text = std::get_if<std::string>(&arg)) {
      statement->Bind(std::string_view(*text));
    } else if (const auto* bytes = std::get_if<SqlBytes>(&arg)) {
      statement->BindBlob(bytes->bytes);
    } else {
      statement->BindNull();
    }
  }
  std::int64_t rows = 0;
  while (true) {
    auto stepped = statement->Step();
    if (!stepped) return tl::unexpected(stepped.error());
    if (!*stepped) return rows;
    ++rows;
    if (row) row(*statement);
  }
}

}  // namespace caredesk::store
