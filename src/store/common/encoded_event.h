// An event made ready for writing before it reaches the database: its canonical JSON (for the
// hash chain), its payload column and the free text search covers. None of it depends on the
// database, so the caller's thread computes it and the single SQLite writer (or a PostgreSQL
// transaction) does only database work.
#pragma once

#include <string>

#include "core/case_event.h"

namespace caredesk::store {

struct EncodedEvent {
  std::string event_json;    // CanonicalJson(EventToJson(event)): the hashed part
  std::string payload_json;  // CanonicalJson(PayloadToJson(event.payload)): the payload column
  std::string search_text;   // SearchableText(event): empty when the event has no free text
};

EncodedEvent EncodeEvent(const core::CaseEvent& event);

}  // namespace caredesk::store
