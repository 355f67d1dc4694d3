// The suggestions half of the store contract, run unchanged against SQLite and a real
// PostgreSQL: suggestions are kept, found by id, updated in place, and listed newest first in
// keyset pages, filtered by status and by publication ("you said, we did").
#include <gtest/gtest.h>

#include <tuple>

#include "store_fixture.h"

namespace caredesk::testing {
namespace {

core::Instant At(const char* text) { return *core::ParseInstant(text); }

core::SuggestionQuery SuggestionsQuery(std::optional<core::SuggestionStatus> status, bool published,
                                       std::string cursor = "", int limit = 50) {
  core::SuggestionQuery query;
  query.status = status;
  query.published_only = published;
  query.cursor = std::move(cursor);
  query.limit = limit;
  return query;
}

using SuggestionContract = FreshStoreTest;

TEST_P(SuggestionContract, SuggestionsPageNewestFirst) {
  for (int i = 0; i < 5; ++i) {
    core::SuggestionRecord s;
    s.text = "idea " + std::to_string(i);
    s.received_at = At("2026-11-01T10:00:00Z");
    ASSERT_TRUE(store_->SaveSuggestion(s));
  }
  auto first = store_->Suggestions(SuggestionsQuery({}, false, "", 3));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->rows.size(), 3u);
  EXPECT_EQ(first->rows[0].text, "idea 4");
  auto second = store_->Suggestions(SuggestionsQuery({}, false, first->next_cursor, 3));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->rows.size(), 2u);
  EXPECT_TRUE(second->next_cursor.empty());
}

TEST_P(SuggestionContract, SuggestionsAreFoundByIdAndUpdatedInPlace) {
  core::SuggestionRecord s;
  s.channel = core::Channel::kPhone;
  s.text = "A ramp at the side door";
  s.received_at = At("2026-11-02T09:30:00Z");
  auto saved = store_->SaveSuggestion(s);
  ASSERT_TRUE(saved) << saved.error().message;
  auto found = store_->FindSuggestion(saved->id);
  ASSERT_TRUE(found) << found.error().message;
  EXPECT_EQ(*found, *saved);

  found->status = core::SuggestionStatus::kAdopted;
  found->response = "The ramp was fitted in December";
  found->published = true;
  ASSERT_TRUE(store_->SaveSuggestion(*found));
  EXPECT_EQ(*store_->FindSuggestion(saved->id), *found);

  auto missing = store_->FindSuggestion(saved->id + 1000);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  core::SuggestionRecord ghost = *found;
  ghost.id = saved->id + 1000;
  auto updated = store_->SaveSuggestion(ghost);
  ASSERT_FALSE(updated);
  EXPECT_EQ(updated.error().code, core::ErrorCode::kNotFound);
}

TEST_P(SuggestionContract, SuggestionsFilterByStatusAndPublication) {
  using Status = core::SuggestionStatus;
  const std::tuple<const char*, Status, bool> rows[] = {
      {"new idea", Status::kReceived, false},
      {"adopted, shown", Status::kAdopted, true},
      {"adopted, not yet shown", Status::kAdopted, false},
      {"declined, shown", Status::kNotAdopted, true},
  };
  for (const auto& [text, status, published] : rows) {
    core::SuggestionRecord s;
    s.text = text;
    s.received_at = At("2026-11-03T10:00:00Z");
    s.status = status;
    s.response = published ? "what we did" : "";
    s.published = published;
    ASSERT_TRUE(store_->SaveSuggestion(s));
  }
  auto texts = [](const core::Page<core::SuggestionRecord>& page) {
    std::vector<std::string> out;
    for (const auto& row : page.rows) out.push_back(row.text);
    return out;
  };
  auto adopted = store_->Suggestions(SuggestionsQuery(Status::kAdopted, false));
  ASSERT_TRUE(adopted);
  EXPECT_EQ(texts(*adopted),
            (std::vector<std::string>{"adopted, not yet shown", "adopted, shown"}));
  auto shown = store_->Suggestions(SuggestionsQuery({}, true));
  ASSERT_TRUE(shown);
  EXPECT_EQ(texts(*shown), (std::vector<std::string>{"declined, shown", "adopted, shown"}));
  auto both = store_->Suggestions(SuggestionsQuery(Status::kAdopted, true, "", 1));
  ASSERT_TRUE(both);
  EXPECT_EQ(texts(*both), (std::vector<std::string>{"adopted, shown"}));
  EXPECT_TRUE(both->next_cursor.empty());
  EXPECT_FALSE(store_->Suggestions(SuggestionsQuery({}, false, "not a cursor")));
  EXPECT_FALSE(store_->Suggestions(SuggestionsQuery({}, false, "", 0)));
}

INSTANTIATE_TEST_SUITE_P(Engines, SuggestionContract, ::testing::ValuesIn(EngineNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace caredesk::testing
