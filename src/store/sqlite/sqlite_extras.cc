// Attachments (content-addressed), suggestions and the audit of the hash chain on SQLite.
#include <fmt/format.h>

#include "core/sha256.h"
#include "store/common/cursor.h"
#include "store/common/event_hash.h"
#include "store/common/rows.h"
#include "store/sqlite/sqlite_query.h"
#include "store/sqlite/sqlite_store.h"

namespace caredesk::store {

Result<core::AttachmentRecord> SqliteStore::Attach(core::Id case_id, std::int64_t event_seq,
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
  auto stored = writer_->Run([&](SqliteDb& db) -> Result<void> {
    auto blob = db.Prepare(
        "INSERT INTO attachments (sha256, size, content) VALUES (?,?,?) ON CONFLICT DO NOTHING");
    if (!blob) return tl::unexpected(blob.error());
    blob->Bind(record.sha256).Bind(record.size).BindBlob(bytes);
    if (auto done = blob->Run(); !done) return done;
    auto link = db.Prepare(
        "INSERT INTO event_attachments (case_id, event_seq, sha256, filename, content_type) "
        "VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING");
    if (!link) return tl::unexpected(link.error());
    link->Bind(case_id).Bind(event_seq).Bind(record.sha256).Bind(filename).Bind(content_type);
    return link->Run();
  });
  if (!stored) return tl::unexpected(stored.error());
  return record;
}

Result<std::vector<core::AttachmentRecord>> SqliteStore::Attachments(core::Id case_id) {
  auto reader = readers_.Borrow();
  return AllRows(*reader,
                 "SELECT l.sha256, l.filename, l.content_type, a.size, l.event_seq FROM "
                 "event_attachments l "
                 "JOIN attachments a ON a.sha256 = l.sha256 WHERE l.case_id = ? "
                 "ORDER BY l.event_seq, l.filename",
                 {case_id}, [](const Statement& row) {
                   return core::AttachmentRecord{row.Text(0), row.Text(1), row.Text(2), row.Int(3),
                                                 row.Int(4)};
                 });
}

Result<std::string> SqliteStore::AttachmentBytes(const std::string& sha256) {
  auto reader = readers_.Borrow();
  return OneRow(
      *reader, "SELECT content FROM attachments WHERE sha256 = ?", {sha256},
      [](const Statement& row) { return row.Blob(0); }, "attachment " + sha256);
}

Result<core::SuggestionRecord> SqliteStore::SaveSuggestion(const core::SuggestionRecord& s) {
  if (s.text.empty()) return Fail(core::ErrorCode::kInvalid, "a suggestion needs text", "text");
  return Write<
      core::SuggestionRecord>(*writer_, [&](SqliteDb& db) -> Result<core::SuggestionRecord> {
    const bool create = s.id == 0;
    auto statement = db.Prepare(
        create
            ? "INSERT INTO suggestions (customer_id, channel, text, received_at, status, "
              "response, published) VALUES (?,?,?,?,?,?,?)"
            : "UPDATE suggestions SET customer_id=?, channel=?, text=?, received_at=?, status=?, "
              "response=?, published=? WHERE id = ?");
    if (!statement) return tl::unexpected(statement.error());
    statement->Bind(s.customer_id)
        .Bind(core::ToString(s.channel))
        .Bind(s.text)
        .Bind(Seconds(s.received_at))
        .Bind(core::ToString(s.status))
        .Bind(s.response)
        .Bind(std::int64_t{s.published ? 1 : 0});
    if (!create) statement->Bind(s.id);
    if (auto done = statement->Run(); !done) return tl::unexpected(done.error());
    const core::Id id = create ? db.LastInsertId() : s.id;
    return OneRow(db, fmt::format("SELECT {} FROM suggestions WHERE id = ?", kSuggestionColumns),
                  {id}, ReadSuggestion, fmt::format("suggestion {}", id));
  });
}

Result<core::SuggestionRecord> SqliteStore::FindSuggestion(core::Id id) {
  auto reader = readers_.Borrow();
  return OneRow(*reader, fmt::format("SELECT {} FROM suggestions WHERE id = ?", kSuggestionColumns),
                {id}, ReadSuggestion, fmt::format("suggestion {}", id));
}

Result<core::Page<core::SuggestionRecord>> SqliteStore::Suggestions(
    const core::SuggestionQuery& query) {
  auto below = IdPageStart(query.cursor, query.limit);
  if (!below) return tl::unexpected(below.error());
  const std::string status(query.status ? core::ToString(*query.status) : "");
  auto reader = readers_.Borrow();
  auto rows =
      AllRows(*reader,
              fmt::format("SELECT {} FROM suggestions WHERE id < ? AND (? = '' OR status "
                          "= ?) AND (? = 0 OR published = 1) ORDER BY id DESC LIMIT {}",
                          kSuggestionColumns, query.limit + 1),
              {*below, status, status, std::int64_t{query.published_only ? 1 : 0}}, ReadSuggestion);
  if (!rows) return tl::unexpected(rows.error());
  return IdPage(std::move(*rows), query.limit);
}

Result<std::optional<core::BrokenLink>> SqliteStore::VerifyChain() {
  auto reader = readers_.Borrow();
  auto cases =
      AllRows(*reader, "SELECT id, reference FROM cases ORDER BY id", {}, [](const Statement& row) {
        return std::pair{row.Int(0), row.Text(1)};
      });
  if (!cases) return tl::unexpected(cases.error());
  for (const auto& [id, reference] : *cases) {
    auto rows = AllRows(
        *reader, fmt::format("SELECT {} FROM events WHERE case_id = ? ORDER BY seq", kEventColumns),
        {id}, ReadEvent);
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
