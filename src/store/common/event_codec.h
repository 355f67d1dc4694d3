// The JSON form of case events: what both storage adapters keep in their payload column, what
// `caredesk export` writes and `import` reads, and what the hash chain hashes (event_hash.h).
//
// Every field of every payload is written; enums as their names ("partly_upheld"), instants as
// RFC 3339 UTC ("2026-03-02T09:00:00Z"), money as {"minor_units": 2500, "currency": "GBP"},
// lists as arrays. An optional that is empty is left out (so a field added later as an optional
// leaves the text, and the hash, of past events as it was); decoding reads absent and null
// alike. Decoding is strict — a wrong type, a missing field, an unknown name is an Error of
// kInvalid whose `field` is the JSON path ("payload.remedies[0].amount.currency") — and never
// throws. Extra keys are ignored. Decoding does not apply ValidateEvent: it returns what was
// written.
#pragma once

#include <nlohmann/json.hpp>

#include "core/case_event.h"
#include "core/error.h"

namespace caredesk::store {

// The payload's fields as a JSON object ({} for an event that carries none).
nlohmann::json PayloadToJson(const core::EventPayload& payload);

// The JSON of a default payload of `type`: every field at its default (false, "", [], the epoch),
// over which a request's fields can be laid so that the fields it leaves out take defaults.
nlohmann::json DefaultPayloadJson(core::EventType type);

// Reads the payload of an event of `type`; error fields are relative to the payload
// ("remedies[0].amount").
core::Result<core::EventPayload> PayloadFromJson(core::EventType type, const nlohmann::json& json);

// {"type": "note", "at": "2026-03-02T09:00:00Z", "actor": {"id", "name", "initials"},
//  "payload": {...}}
nlohmann::json EventToJson(const core::CaseEvent& event);

// Reads what EventToJson wrote; error fields are paths from the top ("payload.text").
core::Result<core::CaseEvent> EventFromJson(const nlohmann::json& json);

}  // namespace caredesk::store
