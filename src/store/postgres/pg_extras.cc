// Attachments (content-addressed, in BYTEA), suggestions and the audit of the hash chain on
// PostgreSQL.
#include <fmt/format.h>

#include "core/sha256.h"
#include "store/common/cursor.h"
#include "store/common/event_hash.h"
#include "store/common/rows.h"
#include "store/postgres/pg_store.h"

namespace caredesk::store {

Result<core::AttachmentRecord> PgStore::Attach(core::Id case_id, std::int64_t event_seq,
                                               const std::string& filename,
                                               const std::string& content_type,
                                               std::string_view bytes) {
  if (static_cast<std::int64_t>(bytes.size()) > kMaxBytes) {
    return Fail(core::ErrorCode::kInvalid,
                fmt::format("the attachment is {} bytes; the limit is {}", bytes.size(), kMaxBytes),
                "attachment");
  }
  if (filename.empty() || filename.size() > 255) {
    return Fail(core::ErrorCode::kInvalid, "a file name of 1 to 255 characters is required",
                "filename");
  }
  core::AttachmentRecord record{core::Sha256Hex(bytes), filename, content_type,
                                static_cast<std::int64_t>(bytes.size()), event_seq};
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  auto stored = InTransaction(**conn, [&]() -> Result<void> {
    // The bytes go as a binary parameter: no escaping, no hex doubling on the wire.
    auto blob = (*conn)->Query(
        "INSERT INTO attachments (sha256, size, content) VALUES ($1, $2, $3) "
        "ON CONFLICT DO NOTHING",
        PgParams().Text(record.sha256).Int(record.size).Bytes(bytes));
    if (!blob) return tl::unexpected(blob.error());
    auto link = (*conn)->Query(
        "INSERT INTO event_attachments (case_id, event_seq, sha256, filename, content_type) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        PgParams()
            .Int(case_id)
            .Int(event_seq)
            .Text(record.sha256)
            .Text(filename)
            .Text(content_type));
    if (!link) return tl::unexpected(link.error());
    return {};
  });
  if (!stored) return tl::unexpected(stored.error());
  return record;
}

Result<std::vector<core::AttachmentRecord>> PgStore::Attachments(core::Id case_id) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return AllRows(**conn,
                 "SELECT l.sha256, l.filename, l.content_type, a.size, l.event_seq "
                 "FROM event_attachments l "
                 "JOIN attachments a ON a.sha256 = l.sha256 WHERE l.case_id = $1 "
                 "ORDER BY l.event_seq, l.filename COLLATE \"C\"",
                 PgParams().Int(case_id), [](const PgRow& row) {
                   return core::AttachmentRecord{row.Text(0), row.Text(1), row.Text(2), row.Int(3),
                                                 row.Int(4)};
                 });
}

Result<std::string> PgStore::AttachmentBytes(const std::string& sha256) {
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  // Binary result format: the BYTEA arrives as the bytes themselves.
  auto result = (*conn)->Query("SELECT content FROM attachments WHERE sha256 = $1",
                               PgParams().Text(sha256), PgConnection::kBinaryResult);
  if (!result) return tl::unexpected(result.error());
  if (result->Rows() == 0) {
    return Fail(core::ErrorCode::kNotFound, "attachment " + sha256 + " not found");
  }
  return PgRow(*result, 0).Text(0);
}

Result<core::SuggestionRecord> PgStore::SaveSuggestion(const core::SuggestionRecord& s) {
  if (s.text.empty()) return Fail(core::ErrorCode::kInvalid, "a suggestion needs text", "text");
  const bool create = s.id == 0;
  static const std::string kInsert = fmt::format(
      "INSERT INTO suggestions (customer_id, channel, text, received_at, status, response, "
      "published) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {}",
      kSuggestionColumns);
  static const std::string kUpdate = fmt::format(
      "UPDATE suggestions SET customer_id = $1, channel = $2, text = $3, received_at = $4, "
      "status = $5, response = $6, published = $7 WHERE id = $8 RETURNING {}",
      kSuggestionColumns);
  PgParams params;
  params.Int(s.customer_id)
      .Text(core::ToString(s.channel))
      .Text(s.text)
      .Int(Seconds(s.received_at))
      .Text(core::ToString(s.status))
      .Text(s.response)
      .Bool(s.published);
  if (!create) params.Int(s.id);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(**conn, create ? kInsert : kUpdate, params, ReadSuggestion,
                fmt::format("suggestion {}", s.id));
}

Result<core::SuggestionRecord> PgStore::FindSuggestion(core::Id id) {
  static const std::string kSql =
      fmt::format("SELECT {} FROM suggestions WHERE id = $1", kSuggestionColumns);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  return OneRow(**conn, kSql, PgParams().Int(id), ReadSuggestion, fmt::format("suggestion {}", id));
}

Result<core::Page<core::SuggestionRecord>> PgStore::Suggestions(
    const core::SuggestionQuery& query) {
  auto below = IdPageStart(query.cursor, query.limit);
  if (!below) return tl::unexpected(below.error());
  static const std::string kSql = fmt::format(
      "SELECT {} FROM suggestions WHERE id < $1 AND ($2 = '' OR status = $2) AND (NOT $3 OR "
      "published) ORDER BY id DESC LIMIT $4",
      kSuggestionColumns);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  auto rows = AllRows(**conn, kSql,
                      PgParams()
                          .Int(*below)
                          .Text(query.status ? core::ToString(*query.status) : "")
                          .Bool(query.published_only)
                          .Int(std::int64_t{query.limit} + 1),
                      ReadSuggestion);
  if (!rows) return tl::unexpected(rows.error());
  return IdPage(std::move(*rows), query.limit);
}

Result<std::optional<core::BrokenLink>> PgStore::VerifyChain() {
  static const std::string kEvents =
      fmt::format("SELECT {} FROM events WHERE case_id = $1 ORDER BY seq", kEventColumns);
  auto conn = pool_.Borrow();
  if (!conn) return tl::unexpected(conn.error());
  auto cases =
      AllRows(**conn, "SELECT id, reference FROM cases ORDER BY id", {}, [](const PgRow& row) {
        return std::pair{row.Int(0), row.Text(1)};
      });
  if (!cases) return tl::unexpected(cases.error());
  // One case at a time, so memory stays bounded by the longest history, not the whole store.
  for (const auto& [id, reference] : *cases) {
    auto rows = AllRows(**conn, kEvents, PgParams().Int(id), ReadEvent);
    if (!rows) return tl::unexpected(rows.error());
    std::vector<core::StoredEvent> events;
    for (std::size_t i = 0; i < rows->size(); ++i) {
      if (!(*rows)[i]) {
        return std::optional<core::BrokenLink>(
            core::BrokenLink{reference, static_cast<std::int64_t>(i + 1),
                             "the stored event cannot be read: " + (*rows)[i].error().message});
      }
      events.push_back(std::move(*(*rows)[i]));
    }
    if (auto broken = VerifyCaseChain(reference, events)) {
      return std::optional<core::BrokenLink>(*broken);
    }
  }
  return std::optional<core::BrokenLink>();
}

}  // namespace caredesk::store
