// Service notices and the portal's satisfaction survey on SQLite: writes through the group
// committer, reads on a reader connection.
#include "store/common/notice_sql.h"
#include "store/sqlite/sqlite_store_sessions.h"

namespace caredesk::store {

core::Result<core::ServiceNotice> SqliteStore::CreateNotice(
    const core::ServiceNotice& notice, std::span<const core::OutboxMessage> messages) {
  const core::Instant now = clock_.Now();
  return InWriter<core::ServiceNotice>(
      [&](SqlSession& s) { return store::CreateNotice(s, notice, messages, now); });
}

core::Result<core::ServiceNotice> SqliteStore::EndNotice(core::Id notice_id, core::Instant at) {
  const core::Instant now = clock_.Now();
  return InWriter<core::ServiceNotice>(
      [&](SqlSession& s) { return store::EndNotice(s, notice_id, at, now); });
}

core::Result<core::Page<core::ServiceNotice>> SqliteStore::Notices(const std::string& cursor,
                                                                   int limit) {
  return InReader<core::Page<core::ServiceNotice>>(
      [&](SqlSession& s) { return NoticePage(s, cursor, limit); });
}

core::Result<std::vector<core::ServiceNotice>> SqliteStore::NoticesInForce(core::Instant now) {
  return InReader<std::vector<core::ServiceNotice>>(
      [&](SqlSession& s) { return store::NoticesInForce(s, now); });
}

core::Result<std::vector<core::CaseRecord>> SqliteStore::NoticeCases(const std::string& service) {
  return InReader<std::vector<core::CaseRecord>>(
      [&](SqlSession& s) { return store::NoticeCases(s, service); });
}

core::Result<core::SatisfactionResponse> SqliteStore::SaveSatisfaction(
    const core::SatisfactionResponse& response) {
  return InWriter<core::SatisfactionResponse>(
      [&](SqlSession& s) { return store::SaveSatisfaction(s, response); });
}

core::Result<core::SatisfactionCounts> SqliteStore::CountSatisfaction() {
  return InReader<core::SatisfactionCounts>(
      [&](SqlSession& s) { return store::CountSatisfaction(s); });
}

core::Result<core::Page<core::SatisfactionResponse>> SqliteStore::SatisfactionComments(
    const std::string& cursor, int limit) {
  return InReader<core::Page<core::SatisfactionResponse>>(
      [&](SqlSession& s) { return store::SatisfactionComments(s, cursor, limit); });
}

}  // namespace caredesk::store
