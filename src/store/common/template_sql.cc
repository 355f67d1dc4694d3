// The message templates an admin has edited (correspondence_sql.h): kept per kind and language,
// replacing the shipped template of that kind and language while they exist.
#include <fmt/format.h>

#include "store/common/correspondence_sql.h"

namespace caredesk::store {

using core::Fail;
using core::Result;

Result<std::vector<core::MessageTemplate>> SavedTemplates(SqlSession& session) {
  std::vector<core::MessageTemplate> out;
  auto ran = session.Run(
      "SELECT kind, language, subject, text FROM message_templates ORDER BY kind, language", {},
      [&](const RowView& row) {
        if (auto kind = core::ParseTemplateKind(row.Text(0))) {
          out.push_back(core::MessageTemplate{*kind, row.Text(1), row.Text(2), row.Text(3)});
        }
      });
  if (!ran) return tl::unexpected(ran.error());
  return out;
}

Result<void> SaveTemplate(SqlSession& session, const core::MessageTemplate& t, core::Instant at,
                          std::optional<core::Id> staff_id) {
  auto saved = session.Run(
      "INSERT INTO message_templates (kind, language, subject, text, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, language) DO UPDATE SET subject = "
      "excluded.subject, text = excluded.text, updated_at = excluded.updated_at, updated_by = "
      "excluded.updated_by",
      {std::string(core::ToString(t.kind)), t.language, t.subject, t.text, Seconds(at),
       ArgOf(staff_id)});
  if (!saved) return tl::unexpected(saved.error());
  return {};
}

Result<void> DeleteTemplate(SqlSession& session, core::TemplateKind kind,
                            const std::string& language) {
  auto deleted =
      session.Run("DELETE FROM message_templates WHERE kind = ? AND language = ? RETURNING kind",
                  {std::string(core::ToString(kind)), language});
  if (!deleted) return tl::unexpected(deleted.error());
  if (*deleted == 0) {
    return Fail(core::ErrorCode::kNotFound,
                fmt::format("no edited {} template in \"{}\"", core::ToString(kind), language));
  }
  return {};
}

}  // namespace caredesk::store
