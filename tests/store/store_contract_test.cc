// The store contract: one suite, run unchanged against every engine (SQLite and a real
// PostgreSQL 15). What it asserts is what the rest of caredesk relies on: migrations, policy
// versions, the directory, references, append-only events with optimistic concurrency, the
// projection, keyset-paged queries, search with English and Spanish stemming, attachments
// and the tamper-evident chain. Suggestions and credentials have suites of their own.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/case_event.h"
#include "store/common/event_hash.h"
#include "store/common/reference.h"
#include "store_cases.h"
#include "store_fixture.h"

namespace caredesk::testing {
namespace {

using core::CaseEvent;
using core::Instant;
using std::chrono::hours;
using std::chrono::seconds;

Instant At(const char* text) { return *core::ParseInstant(text); }

CaseEvent Note(const std::string& text, Instant at) {
  return CaseEvent{at, kAgent, core::event::Note{text}};
}

class StoreContract : public FreshStoreTest {
 protected:
  void SetUp() override {
    FreshStoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto policy = store_->InstallPolicy("test-policy-v1", "# test", clock_.Now());
    ASSERT_TRUE(policy) << policy.error().message;
  }

  core::CaseRecord Create(const std::string& subject, const std::string& body = "",
                          Instant received = At("2026-11-23T10:00:00Z")) {
    auto record = store_->CreateCase(Contact(subject, body, received));
    EXPECT_TRUE(record) << record.error().message;
    return record.value_or(core::CaseRecord{});
  }

  // Appends an event and moves the projection's next due instant.
  core::Result<core::StoredEvent> Append(core::CaseRecord& record, const CaseEvent& event,
                                         std::optional<Instant> next_due = std::nullopt) {
    core::CaseRecord projection = record;
    projection.next_due = next_due;
    projection.updated_at = event.at;
    auto stored = store_->AppendEvent(record.id, record.event_count, event, projection);
    if (stored) {
      record = projection;
      record.event_count += 1;
    }
    return stored;
  }
};

TEST_P(StoreContract, ANewStoreIsMigratedAndReopensIdempotently) {
  EXPECT_GE(store_->SchemaVersion(), 1);
  store_.reset();
  auto again = engine_->Reopen(clock_);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_GE((*again)->SchemaVersion(), 1);
}

TEST_P(StoreContract, RefusesADatabaseWithANewerSchema) {
  store_.reset();
  ASSERT_TRUE(engine_->RawExec(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)"));
  auto again = engine_->Reopen(clock_);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("newer"), std::string::npos) << again.error().message;
}

TEST_P(StoreContract, EveryPolicyVersionIsKeptAndOneIsActive) {
  ASSERT_TRUE(store_->InstallPolicy("v2", "# two", clock_.Now()));
  EXPECT_EQ(store_->ActivePolicy()->version, "v2");
  EXPECT_EQ(store_->ActivePolicyVersion(), "v2");
  ASSERT_TRUE(store_->InstallPolicy("test-policy-v1", "# test", clock_.Now()));
  EXPECT_EQ(store_->ActivePolicy()->version, "test-policy-v1");
  EXPECT_EQ(store_->ActivePolicyVersion(), "test-policy-v1");
  auto versions = store_->PolicyVersions();
  ASSERT_TRUE(versions);
  EXPECT_EQ(versions->size(), 2u);
  EXPECT_EQ(store_->PolicyVersion("v2")->text, "# two");
  EXPECT_EQ(store_->PolicyVersion("nope").error().code, core::ErrorCode::kNotFound);
}

TEST_P(StoreContract, CustomersStaffAndDepartmentsRoundTrip) {
  core::StaffRecord manager{0,   "mo@example.org", "Mo Manager", "MM", core::Role::kManager, {},
                            true};
  auto saved_manager = store_->SaveStaff(manager);
  ASSERT_TRUE(saved_manager) << saved_manager.error().message;
  auto department = store_->SaveDepartment({0, "Certification", saved_manager->id});
  ASSERT_TRUE(department) << department.error().message;
  core::CustomerRecord customer;
  customer.name = "Ana García";
  customer.email = "ana@example.es";
  customer.language = "es";
  customer.adjustments = {"large_print", "plain_text"};
  customer.account_manager_id = saved_manager->id;
  customer.representative =
      core::Representative{"Luis", "luis@example.es", "advocate", At("2026-11-01T09:00:00Z")};
  auto saved = store_->SaveCustomer(customer);
  ASSERT_TRUE(saved) << saved.error().message;
  customer.id = saved->id;
  customer.created_at = saved->created_at;
  EXPECT_EQ(*saved, customer);
  EXPECT_EQ(*store_->FindCustomer(saved->id), customer);
  EXPECT_EQ(store_->FindCustomerByEmail("ana@example.es")->value(), customer);
  EXPECT_FALSE(store_->FindCustomerByEmail("nobody@example.org")->has_value());
  core::CustomerRecord twin;
  twin.email = "ana@example.es";
  EXPECT_EQ(store_->SaveCustomer(twin).error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(store_->ListDepartments()->front().manager_id, saved_manager->id);
  EXPECT_EQ(store_->ListStaff()->size(), 1u);
}

TEST_P(StoreContract, ReferencesIncreaseWithinEachYear) {
  EXPECT_EQ(Create("a", "", At("2026-03-01T10:00:00Z")).reference, "CD-2026-000001");
  EXPECT_EQ(Create("b", "", At("2026-03-02T10:00:00Z")).reference, "CD-2026-000002");
  EXPECT_EQ(Create("c", "", At("2027-01-04T10:00:00Z")).reference, "CD-2027-000001");
  EXPECT_EQ(Create("d", "", At("2026-12-31T10:00:00Z")).reference, "CD-2026-000003");
}

// A case's history as another store would export it: `record` under a new reference, its events
// re-chained for that reference.
core::CaseHistory MovedHistory(core::Store& store, const core::CaseRecord& record,
                               const std::string& reference) {
  core::CaseHistory history{record, *store.Events(record.id), {}};
  history.record.reference = reference;
  std::string prev(store::kGenesisHash);
  for (auto& stored : history.events) {
    stored.prev_hash = prev;
    stored.hash =
        store::EventHash(store::CanonicalEventText(reference, stored.seq, stored.event), prev);
    prev = stored.hash;
  }
  return history;
}

TEST_P(StoreContract, ImportKeepsReferencesAndChainsAndMovesTheYearsCounter) {
  auto history = MovedHistory(*store_, Create("moved"), "CD-2025-000777");
  ASSERT_TRUE(store_->ImportCases(std::span(&history, 1)));
  auto imported = store_->FindCase("CD-2025-000777");
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->subject, "moved");
  EXPECT_EQ(store_->Events(imported->id)->size(), 1u);
  EXPECT_EQ(*store_->VerifyChain(), std::nullopt);
  EXPECT_EQ(Create("next", "", At("2025-06-01T10:00:00Z")).reference, "CD-2025-000778");
}

TEST_P(StoreContract, ImportNamingAnUnknownPolicyVersionIsRefusedAndStoresNothing) {
  auto history = MovedHistory(*store_, Create("moved"), "CD-2025-000001");
  history.record.policy_version = "not-installed";
  auto refused = store_->ImportCases(std::span(&history, 1));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kNotFound) << refused.error().message;
  EXPECT_NE(refused.error().message.find("not-installed"), std::string::npos);
  EXPECT_FALSE(store_->FindCase("CD-2025-000001"));
}

TEST_P(StoreContract, EventsAppendInOrderWithTheProjection) {
  auto record = Create("Late certificate", "My certificate has not arrived");
  ASSERT_TRUE(Append(record, Note("Called the customer", At("2026-11-23T11:00:00Z")),
                     At("2026-11-30T17:30:00Z")));
  auto found = store_->FindCase(record.reference);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->event_count, 2);
  EXPECT_EQ(found->next_due, At("2026-11-30T17:30:00Z"));
  auto events = store_->Events(record.id);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].seq, 1);
  EXPECT_EQ((*events)[1].seq, 2);
  EXPECT_EQ((*events)[1].event, Note("Called the customer", At("2026-11-23T11:00:00Z")));
  EXPECT_EQ((*events)[1].prev_hash, (*events)[0].hash);
}

TEST_P(StoreContract, AStaleWriterGetsAConflictAndNothingIsWritten) {
  auto record = Create("x");
  auto stale = record;
  ASSERT_TRUE(Append(record, Note("first", At("2026-11-23T11:00:00Z"))));
  auto lost = Append(stale, Note("second", At("2026-11-23T11:01:00Z")));
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(store_->Events(record.id)->size(), 2u);
}

TEST_P(StoreContract, ConcurrentWritersNeverLoseOrDuplicateEvents) {
  auto record = Create("busy case");
  std::vector<std::thread> writers;
  constexpr int kWriters = 4;
  constexpr int kEach = 15;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        while (true) {
          auto current = store_->FindCase(record.reference);
          ASSERT_TRUE(current);
          auto projection = *current;
          auto done = store_->AppendEvent(
              current->id, current->event_count,
              Note("w" + std::to_string(w) + "-" + std::to_string(i), At("2026-11-23T11:00:00Z")),
              projection);
          if (done) break;
          ASSERT_EQ(done.error().code, core::ErrorCode::kConflict) << done.error().message;
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  auto events = store_->Events(record.id);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u + kWriters * kEach);
  std::set<std::string> notes;
  for (const auto& e : *events) {
    if (auto* note = std::get_if<core::event::Note>(&e.event.payload)) notes.insert(note->text);
  }
  EXPECT_EQ(notes.size(), static_cast<std::size_t>(kWriters * kEach));
  EXPECT_EQ(store_->FindCase(record.reference)->event_count, 1 + kWriters * kEach);
}

TEST_P(StoreContract, CreatesThatFailAmongConcurrentOnesNeverRepeatAReference) {
  // Every third creation names a customer that does not exist and is refused; the others, which
  // commit in the same groups, get distinct references, and a later one comes after them all.
  std::vector<std::thread> creators;
  std::mutex mutex;
  std::set<std::string> references;
  int refused = 0;
  for (int t = 0; t < 6; ++t) {
    creators.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        auto contact = Contact("c", "", At("2026-11-23T10:00:00Z"));
        if ((t * 10 + i) % 3 == 0) contact.record.customer_id = 987654321;
        auto created = store_->CreateCase(contact);
        std::lock_guard lock(mutex);
        if (created) {
          EXPECT_TRUE(references.insert(created->reference).second) << created->reference;
        } else {
          ++refused;
        }
      }
    });
  }
  for (auto& t : creators) t.join();
  EXPECT_EQ(refused, 20);
  EXPECT_EQ(references.size(), 40u);
  const std::string later = Create("later").reference;
  EXPECT_GT(later, *references.rbegin());
  EXPECT_EQ(*store_->VerifyChain(), std::nullopt);
}

TEST_P(StoreContract, ConcurrentCreatorsGetDistinctReferences) {
  std::vector<std::thread> creators;
  std::mutex mutex;
  std::set<std::string> references;
  for (int t = 0; t < 4; ++t) {
    creators.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto record = store_->CreateCase(Contact("c", "", At("2026-06-01T10:00:00Z")));
        ASSERT_TRUE(record) << record.error().message;
        std::lock_guard lock(mutex);
        references.insert(record->reference);
      }
    });
  }
  for (auto& t : creators) t.join();
  EXPECT_EQ(references.size(), 80u);
  EXPECT_TRUE(references.count("CD-2026-000080"));
}

TEST_P(StoreContract, TheQueueIsOrderedByNextDueAndPagesWithoutGapsOrRepeats) {
  std::vector<std::string> expected;
  for (int i = 0; i < 23; ++i) {
    auto record = Create("case " + std::to_string(i));
    // Every third case has no open deadline and sorts last.
    std::optional<Instant> due;
    if (i % 3) due = At("2026-12-01T00:00:00Z") + hours{(i * 7) % 23};
    ASSERT_TRUE(Append(record, Note("n", At("2026-11-23T11:00:00Z")), due));
  }
  core::QueueQuery query;
  query.limit = 5;
  std::vector<core::CaseRecord> seen;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = store_->Queue(query);
    ASSERT_TRUE(page) << page.error().message;
    seen.insert(seen.end(), page->rows.begin(), page->rows.end());
    if (page->next_cursor.empty()) break;
    query.cursor = page->next_cursor;
  }
  ASSERT_EQ(seen.size(), 23u);
  std::set<std::string> distinct;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    distinct.insert(seen[i].reference);
    if (i == 0) continue;
    const auto& a = seen[i - 1];
    const auto& b = seen[i];
    if (a.next_due && b.next_due) {
      EXPECT_LE(*a.next_due, *b.next_due);
    }
    if (!a.next_due) {
      EXPECT_FALSE(b.next_due) << "cases without a deadline come last";
    }
  }
  EXPECT_EQ(distinct.size(), 23u);
}

TEST_P(StoreContract, TheQueueFilters) {
  auto a = Create("a", "", At("2026-11-02T10:00:00Z"));
  auto b = Create("b", "", At("2026-11-20T10:00:00Z"));
  core::QueueQuery query;
  query.received_from = At("2026-11-10T00:00:00Z");
  auto page = store_->Queue(query);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->rows[0].reference, b.reference);
  query = {};
  query.kinds = {core::Kind::kQuestion};
  EXPECT_TRUE(store_->Queue(query)->rows.empty());
  query = {};
  query.statuses = {core::CaseStatus::kOpen};
  query.kinds = {core::Kind::kComplaint};
  EXPECT_EQ(store_->Queue(query)->rows.size(), 2u);
  query.cursor = "not-a-cursor";
  EXPECT_EQ(store_->Queue(query).error().field, "cursor");
  query = {};
  query.limit = 0;
  EXPECT_EQ(store_->Queue(query).error().field, "limit");
  (void)a;
}

TEST_P(StoreContract, ACustomersCasesComeNewestFirstInPages) {
  core::CustomerRecord customer;
  customer.email = "pat@example.org";
  auto saved = store_->SaveCustomer(customer);
  ASSERT_TRUE(saved);
  for (int i = 0; i < 7; ++i) {
    auto new_case = Contact("c" + std::to_string(i), "", At("2026-01-01T10:00:00Z") + hours{i});
    new_case.record.customer_id = saved->id;
    ASSERT_TRUE(store_->CreateCase(new_case));
  }
  Create("someone else's");
  std::vector<std::string> subjects;
  std::string cursor;
  do {
    auto page = store_->CustomerCases(saved->id, cursor, 3);
    ASSERT_TRUE(page) << page.error().message;
    for (const auto& row : page->rows) subjects.push_back(row.subject);
    cursor = page->next_cursor;
  } while (!cursor.empty());
  EXPECT_EQ(subjects, (std::vector<std::string>{"c6", "c5", "c4", "c3", "c2", "c1", "c0"}));
}

TEST_P(StoreContract, SearchStemsEnglishAndSpanishAndCoversNotes) {
  auto refund = Create("Refund requested", "I was charged twice for my exam");
  auto queja = Create("Queja sobre el servicio", "Las quejas no fueron contestadas");
  auto other = Create("Certificate", "Where is it?");
  ASSERT_TRUE(
      Append(other, Note("Customer mentioned delayed refunds", At("2026-11-23T11:00:00Z"))));
  auto references = [&](const std::string& q) {
    std::set<std::string> found;
    auto page = store_->Search(q, "", 50);
    EXPECT_TRUE(page) << q << ": " << (page ? "" : page.error().message);
    if (page) {
      for (const auto& row : page->rows) found.insert(row.reference);
    }
    return found;
  };
  EXPECT_EQ(references("refunding"), (std::set<std::string>{refund.reference, other.reference}));
  EXPECT_EQ(references("queja"), (std::set<std::string>{queja.reference}));
  EXPECT_EQ(references("charge exams"), (std::set<std::string>{refund.reference}));
  EXPECT_TRUE(references("charge certificate").empty()) << "every word must match";
  EXPECT_EQ(store_->Search("  !!! ", "", 10).error().field, "q");
}

TEST_P(StoreContract, AttachmentsAreStoredOnceByContent) {
  auto record = Create("with files");
  ASSERT_TRUE(store_->Attach(record.id, 1, "a.txt", "text/plain", "same bytes"));
  ASSERT_TRUE(store_->Attach(record.id, 1, "copy.txt", "text/plain", "same bytes"));
  auto list = store_->Attachments(record.id);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].sha256, (*list)[1].sha256);
  EXPECT_EQ(*store_->AttachmentBytes((*list)[0].sha256), "same bytes");
  std::string huge(core::AttachmentStore::kMaxBytes + 1, 'x');
  EXPECT_EQ(store_->Attach(record.id, 1, "big.bin", "application/octet-stream", huge).error().field,
            "attachment");
}

TEST_P(StoreContract, EventsRefuseUpdatesAndDeletes) {
  auto record = Create("guarded");
  EXPECT_FALSE(engine_->RawExec("UPDATE events SET actor_name = 'Mallory'"));
  EXPECT_FALSE(engine_->RawExec("DELETE FROM events"));
  EXPECT_EQ(store_->Events(record.id)->size(), 1u);
}

TEST_P(StoreContract, AuditVerifyCatchesAnEditMadeBehindTheTriggersBack) {
  auto first = Create("one", "original words");
  auto second = Create("two");
  ASSERT_TRUE(Append(second, Note("kept", At("2026-11-23T11:00:00Z"))));
  ASSERT_TRUE(Append(second, Note("to be edited", At("2026-11-23T11:05:00Z"))));
  auto clean = store_->VerifyChain();
  ASSERT_TRUE(clean) << clean.error().message;
  EXPECT_FALSE(clean->has_value());
  const std::string drop = GetParam() == "sqlite" ? "DROP TRIGGER events_append_only_update"
                                                  : "DROP TRIGGER events_append_only ON events";
  ASSERT_TRUE(engine_->RawExec(drop));
  ASSERT_TRUE(engine_->RawExec(
      "UPDATE events SET payload = replace(payload, 'to be edited', 'nothing happened') "
      "WHERE seq = 3"));
  auto broken = store_->VerifyChain();
  ASSERT_TRUE(broken) << broken.error().message;
  ASSERT_TRUE(broken->has_value());
  EXPECT_EQ((*broken)->reference, second.reference);
  EXPECT_EQ((*broken)->seq, 3);
  (void)first;
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
