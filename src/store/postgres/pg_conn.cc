#include "store/postgres/pg_conn.h"

#include <fmt/format.h>
#include <poll.h>

#include <charconv>

namespace caredesk::store {
namespace {

constexpr Oid kBoolOid = 16;  // pg_type.oid of boolean
// Statement shapes cached per connection; beyond this, queries run unprepared (as an unnamed
// statement, planned each time). Caredesk's
// shapes are few (the queue's filter combinations are the most), so this is a safety net.
constexpr std::size_t kMaxPrepared = 256;

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

core::Error PgError(const PGresult* result, PGconn* conn, std::string_view doing) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view sqlstate = state ? state : "";
  // Class 23 is integrity constraint violation (unique, foreign key, check); 40001 and 40P01
  // (serialization failure, deadlock) are conflicts the caller may retry.
  const bool conflict = sqlstate.starts_with("23") || sqlstate == "40001" || sqlstate == "40P01";
  // No SQLSTATE at all means the connection failed; classes 08 (connection), 53 (resources),
  // 57 (operator intervention, e.g. shutdown) and 58 (system) are outages, not bad requests.
  const bool outage = sqlstate.empty() || sqlstate.starts_with("08") ||
                      sqlstate.starts_with("53") || sqlstate.starts_with("57") ||
                      sqlstate.starts_with("58");
  std::string message = result ? PQresultErrorMessage(result) : "";
  if (message.empty() && conn) message = PQerrorMessage(conn);
  const core::ErrorCode code = conflict ? core::ErrorCode::kConflict
                               : outage ? core::ErrorCode::kUnavailable
                                        : core::ErrorCode::kInvalid;
  return core::Error{
      code, fmt::format("PostgreSQL: {}: {}", doing.substr(0, 60), Trimmed(message)), {}};
}

PgParams& PgParams::Int(std::int64_t value) {
  values_.push_back(Value{std::to_string(value), {}, false, false});
  return *this;
}

PgParams& PgParams::Int(const std::optional<std::int64_t>& value) {
  return value ? Int(*value) : Null();
}

PgParams& PgParams::Text(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) has_nul_ = true;
  values_.push_back(Value{std::string(text), {}, false, false});
  return *this;
}

PgParams& PgParams::TextOrNull(const std::optional<std::string>& text) {
  return text ? Text(*text) : Null();
}

PgParams& PgParams::Bool(bool value) {
  values_.push_back(Value{value ? "true" : "false", {}, false, false});
  return *this;
}

PgParams& PgParams::Bytes(std::string_view bytes) {
  values_.push_back(Value{{}, bytes, false, true});
  return *this;
}

PgParams& PgParams::Null() {
  values_.push_back(Value{{}, {}, true, false});
  return *this;
}

PgParams& PgParams::TextArray(const std::vector<std::string>& texts) {
  std::string literal = "{";
  for (const auto& text : texts) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return Text(literal + "}");
}

PgParams& PgParams::Arrays(const PgArrays& arrays) {
  if (arrays.has_nul_) has_nul_ = true;
  for (const auto& column : arrays.columns_)
    values_.push_back(Value{column + "}", {}, false, false});
  return *this;
}

void PgArrays::AddRow(const PgParams& row) {
  if (columns_.empty()) columns_.assign(row.values_.size(), "{");
  if (row.has_nul_) has_nul_ = true;
  for (std::size_t i = 0; i < columns_.size() && i < row.values_.size(); ++i) {
    std::string& column = columns_[i];
    if (rows_ > 0) column += ',';
    const auto& value = row.values_[i];
    if (value.null) {
      column += "NULL";
      continue;
    }
    column += '"';
    for (char c : value.text) {
      if (c == '"' || c == '\\') column += '\\';
      column += c;
    }
    column += '"';
  }
  ++rows_;
}

std::int64_t PgRow::Int(int column) const {
  if (PQgetisnull(result_, row_, column)) return 0;
  const char* value = PQgetvalue(result_, row_, column);
  if (PQftype(result_, column) == kBoolOid) return value[0] == 't' ? 1 : 0;
  std::int64_t number = 0;
  std::from_chars(value, value + PQgetlength(result_, row_, column), number);
  return number;
}

std::string PgRow::Text(int column) const { return std::string(TextView(column)); }

std::string_view PgRow::TextView(int column) const {
  return std::string_view(PQgetvalue(result_, row_, column),
                          static_cast<std::size_t>(PQgetlength(result_, row_, column)));
}

bool PgRow::IsNull(int column) const { return PQgetisnull(result_, row_, column) != 0; }

core::Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& url) {
  const char* const keywords[] = {"dbname", "client_encoding", "fallback_application_name",
                                  nullptr};
  const char* const values[] = {url.c_str(), "UTF8", "caredesk", nullptr};
  PgConnHandle conn(PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
    return core::Fail(core::ErrorCode::kUnavailable,
                      "PostgreSQL: cannot connect: " +
                          Trimmed(conn ? PQerrorMessage(conn.get()) : "out of memory"));
  }
  // Notices ("… contains only stop words") are expected and not worth a line on stderr.
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(std::move(conn)));
}

core::Result<std::string> PgConnection::Prepared(const std::string& sql) {
  if (auto found = prepared_.find(sql); found != prepared_.end()) return found->second;
  if (prepared_.size() >= kMaxPrepared) return std::string();
  std::string name = "caredesk_" + std::to_string(prepared_.size());
  PgResultHandle result(PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr));
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    return tl::unexpected(PgError(result.get(), conn_.get(), sql));
  }
  prepared_.emplace(sql, name);
  return name;
}

core::Result<PgResult> PgConnection::Query(const std::string& sql, const PgParams& params,
                                           int flags) {
  if (params.HasNul()) {
    return core::Fail(core::ErrorCode::kInvalid, "text cannot hold a NUL byte");
  }
  const int count = params.Size();
  std::vector<const char*> values(count);
  std::vector<int> lengths(count);
  std::vector<int> formats(count);
  for (int i = 0; i < count; ++i) {
    const auto& value = params.values_[i];
    if (value.null) continue;
    // A null pointer would mean SQL NULL, so empty bytes point at an empty string.
    values[i] = !value.binary ? value.text.c_str() : value.bytes.empty() ? "" : value.bytes.data();
    lengths[i] = static_cast<int>(value.binary ? value.bytes.size() : value.text.size());
    formats[i] = value.binary ? 1 : 0;
  }
  // An empty name runs the statement unnamed: parsed and planned for these values.
  auto name = (flags & kFreshPlan) ? core::Result<std::string>() : Prepared(sql);
  if (!name) return tl::unexpected(name.error());
  const int result_format = (flags & kBinaryResult) ? 1 : 0;
  PgResultHandle result(name->empty()
                            ? PQexecParams(conn_.get(), sql.c_str(), count, nullptr, values.data(),
                                           lengths.data(), formats.data(), result_format)
                            : PQexecPrepared(conn_.get(), name->c_str(), count, values.data(),
                                             lengths.data(), formats.data(), result_format));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return tl::unexpected(PgError(result.get(), conn_.get(), sql));
  }
  return PgResult(std::move(result));
}

core::Result<void> PgConnection::Exec(const std::string& sql) {
  PgResultHandle result(PQexec(conn_.get(), sql.c_str()));
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return tl::unexpected(PgError(result.get(), conn_.get(), sql));
  }
  return {};
}

bool PgConnection::Broken() {
  // An idle connection expects nothing from the server. If its socket is readable, the server
  // has said something, almost always a FATAL message and end of file as it drops us (the
  // backend was terminated, the server restarted); reading until end of file marks the
  // connection bad. Bounded: a server that keeps talking is not waited for.
  for (int reads = 0; reads < 4 && PQstatus(conn_.get()) != CONNECTION_BAD; ++reads) {
    pollfd socket{PQsocket(conn_.get()), POLLIN, 0};
    if (::poll(&socket, 1, 0) <= 0) break;
    if (PQconsumeInput(conn_.get()) == 0) return true;
    (void)PQisBusy(conn_.get());  // hands any message read to the notice processor
  }
  return PQstatus(conn_.get()) == CONNECTION_BAD;
}

bool PgConnection::Reset() {
  prepared_.clear();
  PQreset(conn_.get());
  return PQstatus(conn_.get()) == CONNECTION_OK;
}

}  // namespace caredesk::store
