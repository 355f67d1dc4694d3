// The tamper-evident hash chain of a case's events. Each stored event carries the hash of the
// event before it (`prev_hash`, 64 zeros for the first) and its own hash, the SHA-256 of that
// prev_hash and its canonical text; editing, removing or reordering any event breaks the chain
// from that event on, which `audit verify` reports. Both storage adapters compute hashes here,
// so a database moved between them (export/import) verifies the same.
//
// The canonical text is part of the stored format: every past event's hash depends on it.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/case_event.h"
#include "core/store.h"

namespace caredesk::store {

// The prev_hash of a case's first event.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// {"event":EventToJson(event),"reference":…,"seq":…} with sorted keys and no whitespace, as
// UTF-8 (an invalid byte sequence in a string is written as U+FFFD).
std::string CanonicalEventText(std::string_view reference, std::int64_t seq,
                               const core::CaseEvent& event);

// The same text from the event's part alone (CanonicalJson(EventToJson(event))): that part does
// not depend on where the event is stored, so it can be computed before the writer knows the
// case's reference and the event's seq.
std::string CanonicalEventText(std::string_view reference, std::int64_t seq,
                               std::string_view event_json);

// `json` as canonical text: compact, keys sorted, UTF-8 with invalid bytes as U+FFFD.
std::string CanonicalJson(const nlohmann::json& json);

// Lowercase hex SHA-256 of prev_hash + "\n" + canonical_text.
std::string EventHash(std::string_view canonical_text, std::string_view prev_hash);

// Checks one case's events, as stored and in the order given: seqs run 1, 2, 3 …, each prev_hash
// is the hash before it (kGenesisHash for the first), each hash matches its event. Returns the
// first broken link (its seq is the position where the chain breaks), or none; no events is no
// break.
std::optional<core::BrokenLink> VerifyCaseChain(std::string_view reference,
                                                std::span<const core::StoredEvent> events);

}  // namespace caredesk::store
