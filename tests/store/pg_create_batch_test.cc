// PostgreSQL creates concurrent cases in batches (src/store/postgres/pg_create.cc): one batch,
// one commit. A batch holding a case the database refuses is rolled back whole and written case
// by case, so the bad case fails alone and its neighbours are stored once, with their numbers.
#ifdef CAREDESK_HAVE_POSTGRES_STORE

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>

#include "core/case_event.h"
#include "pg_server.h"
#include "store/postgres/pg_store.h"

namespace caredesk::testing {
namespace {

using core::Instant;

const Instant kReceived{std::chrono::seconds{1780000000}};  // May 2026

core::NewCase Contact(const std::string& subject, std::optional<core::Id> customer) {
  core::NewCase new_case;
  auto& r = new_case.record;
  r.kind = core::Kind::kQuestion;
  r.channel = core::Channel::kEmail;
  r.subject = subject;
  r.customer_id = customer;
  r.policy_version = "batch";
  r.received_at = kReceived;
  r.logged_at = kReceived;
  r.updated_at = kReceived;
  core::event::Received payload;
  payload.subject = subject;
  new_case.received = core::CaseEvent{kReceived, {"1", "Batch", "B"}, payload};
  return new_case;
}

TEST(PgCreateBatch, ACaseTheDatabaseRefusesFailsAloneAmongConcurrentCreations) {
  std::string why;
  PgServer* server = PgServer::Shared(why);
  ASSERT_TRUE(server) << why;
  core::FixedClock clock(kReceived);
  auto store = store::PgStore::Open(server->CreateDatabase("create_batch"), clock, 8);
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->InstallPolicy("batch", "# batch", kReceived));

  constexpr int kThreads = 16;
  constexpr int kEach = 20;
  std::mutex mutex;
  std::set<std::string> stored;  // subjects the store acknowledged
  std::set<std::string> references;
  std::set<std::string> bad_subjects;
  std::vector<std::string> refused;  // subjects and why
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string subject = "case " + std::to_string(t) + "-" + std::to_string(i);
        // Every fifth case names a customer that does not exist: the foreign key refuses it.
        const bool bad = i % 5 == 4;
        auto created =
            (*store)->CreateCase(Contact(subject, bad ? 424242 : std::optional<core::Id>()));
        std::lock_guard lock(mutex);
        if (bad) bad_subjects.insert(subject);
        if (created) {
          stored.insert(subject);
          references.insert(created->reference);
        } else {
          refused.push_back(subject + "|" + created.error().message);
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();

  EXPECT_EQ(refused.size(), std::size_t{kThreads * kEach / 5});
  for (const auto& line : refused) {
    EXPECT_TRUE(bad_subjects.contains(line.substr(0, line.find('|'))))
        << "refused a good case: " << line;
  }
  ASSERT_EQ(stored.size(), std::size_t{kThreads * kEach * 4 / 5});
  EXPECT_EQ(references.size(), stored.size()) << "a reference was handed out twice";
  for (const auto& reference : references) {
    auto record = (*store)->FindCase(reference);
    ASSERT_TRUE(record) << reference;
    EXPECT_EQ(stored.count(record->subject), 1u) << reference << " holds " << record->subject;
    auto events = (*store)->Events(record->id);
    ASSERT_TRUE(events) << events.error().message;
    EXPECT_EQ(events->size(), 1u) << reference;
  }
  auto broken = (*store)->VerifyChain();
  ASSERT_TRUE(broken) << broken.error().message;
  EXPECT_FALSE(broken->has_value()) << (*broken)->reason;
}

}  // namespace
}  // namespace caredesk::testing

#endif  // CAREDESK_HAVE_POSTGRES_STORE
