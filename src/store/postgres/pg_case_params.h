// The parameters PostgreSQL statements writing cases and events take, and the statements that
// write many cases at once, shared by creation (pg_create.cc), appends (pg_cases.cc) and imports
// (pg_import.cc), so every path writes the same columns the same way.
#pragma once

#include <span>
#include <string>
#include <unordered_map>

#include "core/store.h"
#include "store/postgres/pg_conn.h"

namespace caredesk::store {

// The words of an event's free text, space-separated: what its case's tsvector gains. The
// same splitting as a search's (store::Words), so both sides agree on what a word is.
std::string SearchDocument(const core::CaseEvent& event);

// Adds $n … $n+17 of a case's insert and update: its projection, then `document` (the words to
// index; see IndexedWords).
void AddProjection(PgParams& params, const core::CaseRecord& record, const std::string& document);

// Adds the columns of an event row after its case id (kEventColumns from seq on), in order.
void AddEventColumns(PgParams& params, const core::StoredEvent& stored);

// The name of the sequence numbering the references of `year` (1 to 9999).
std::string ReferenceSequence(int year);

// The tsvector of the words in text expression `document`, under both configurations: a word
// is found by either language's stem.
std::string IndexedWords(const std::string& document);

// Cases per InsertCaseRows call: large enough that round trips do not matter, small enough
// that the column arrays (a few megabytes) stay modest.
constexpr std::size_t kChunk = 1000;

// Inserts every case of `cases` (at most kChunk) in one statement, projections as given, with
// the words of all their events; the new ids by reference.
core::Result<std::unordered_map<std::string, core::Id>> InsertCaseRows(
    PgConnection& conn, std::span<const core::CaseHistory> cases);

// Inserts every event of `cases` in one statement, exactly as given, under the ids `ids` holds
// for their references.
core::Result<void> InsertEventRows(PgConnection& conn, std::span<const core::CaseHistory> cases,
                                   const std::unordered_map<std::string, core::Id>& ids);

}  // namespace caredesk::store
