// Service notices and the portal's satisfaction survey on PostgreSQL: each in a transaction of its
// own on a pooled connection.
#include "store/common/notice_sql.h"
#include "store/postgres/pg_store_sessions.h"

namespace caredesk::store {

core::Result<core::ServiceNotice> PgStore::CreateNotice(
    const core::ServiceNotice& notice, std::span<const core::OutboxMessage> messages) {
  const core::Instant now = clock_.Now();
  return InSession<core::ServiceNotice>(
      [&](SqlSession& s) { return store::CreateNotice(s, notice, messages, now); });
}

core::Result<core::ServiceNotice> PgStore::EndNotice(core::Id notice_id, core::Instant at) {
  const core::Instant now = clock_.Now();
  return InSession<core::ServiceNotice>(
      [&](SqlSession& s) { return store::EndNotice(s, notice_id, at, now); });
}

core::Result<core::Page<core::ServiceNotice>> PgStore::Notices(const std::string& cursor,
                                                               int limit) {
  return InSession<core::Page<core::ServiceNotice>>(
      [&](SqlSession& s) { return NoticePage(s, cursor, limit); });
}

core::Result<std::vector<core::ServiceNotice>> PgStore::NoticesInForce(core::Instant now) {
  return InSession<std::vector<core::ServiceNotice>>(
      [&](SqlSession& s) { return store::NoticesInForce(s, now); });
}

core::Result<std::vector<core::CaseRecord>> PgStore::NoticeCases(const std::string& service) {
  return InSession<std::vector<core::CaseRecord>>(
      [&](SqlSession& s) { return store::NoticeCases(s, service); });
}

core::Result<core::SatisfactionResponse> PgStore::SaveSatisfaction(
    const core::SatisfactionResponse& response) {
  return InSession<core::SatisfactionResponse>(
      [&](SqlSession& s) { return store::SaveSatisfaction(s, response); });
}

core::Result<core::SatisfactionCounts> PgStore::CountSatisfaction() {
  return InSession<core::SatisfactionCounts>(
      [&](SqlSession& s) { return store::CountSatisfaction(s); });
}

core::Result<core::Page<core::SatisfactionResponse>> PgStore::SatisfactionComments(
    const std::string& cursor, int limit) {
  return InSession<core::Page<core::SatisfactionResponse>>(
      [&](SqlSession& s) { return store::SatisfactionComments(s, cursor, limit); });
}

}  // namespace caredesk::store
