#include "store/common/event_hash.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/sha256.h"
#include "store/common/event_codec.h"

namespace caredesk::store {
namespace {

core::BrokenLink Broken(std::string_view reference, std::int64_t seq, std::string reason) {
  return core::BrokenLink{std::string(reference), seq, std::move(reason)};
}

// Why event `at` has a seq other than `expected`: a repeat, a reordering or a gap.
std::string SeqProblem(std::span<const core::StoredEvent> events, std::size_t at,
                       std::int64_t expected) {
  const std::int64_t found = events[at].seq;
  const std::string follows =
      at == 0 ? fmt::format("event {}: the first event has seq {}", expected, found)
              : fmt::format("event {}: seq {} follows {}", expected, found, events[at - 1].seq);
  if (at > 0 && found == events[at - 1].seq) return follows + " (a repeated seq)";
  const bool later = std::any_of(events.begin() + static_cast<std::ptrdiff_t>(at) + 1, events.end(),
                                 [&](const auto& e) { return e.seq == expected; });
  if (later) return follows + " (events out of order)";
  if (found > expected) return follows + " (an event is missing)";
  return follows + " (events out of order)";
}

}  // namespace

std::string CanonicalJson(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string CanonicalEventText(std::string_view reference, std::int64_t seq,
                               const core::CaseEvent& event) {
  return CanonicalEventText(reference, seq, CanonicalJson(EventToJson(event)));
}

// Exactly what dumping {"event": …, "reference": …, "seq": …} writes: nlohmann::json objects are
// std::maps, so the keys come sorted, and a nested value is written as it is written alone.
std::string CanonicalEventText(std::string_view reference, std::int64_t seq,
                               std::string_view event_json) {
  std::string text;
  text.reserve(event_json.size() + reference.size() + 48);
  text.append(R"({"event":)").append(event_json);
  text.append(R"(,"reference":)").append(CanonicalJson(std::string(reference)));
  text.append(R"(,"seq":)").append(std::to_string(seq)).append("}");
  return text;
}

std::string EventHash(std::string_view canonical_text, std::string_view prev_hash) {
  std::string bytes;
  bytes.reserve(prev_hash.size() + 1 + canonical_text.size());
  bytes.append(prev_hash).append("\n").append(canonical_text);
  return core::Sha256Hex(bytes);
}

std::optional<core::BrokenLink> VerifyCaseChain(std::string_view reference,
                                                std::span<const core::StoredEvent> events) {
  std::string_view prev_hash = kGenesisHash;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const core::StoredEvent& stored = events[i];
    const auto expected = static_cast<std::int64_t>(i) + 1;
    if (stored.seq != expected) return Broken(reference, expected, SeqProblem(events, i, expected));
    if (stored.prev_hash != prev_hash) {
      return Broken(reference, expected,
                    i == 0 ? std::string("event 1: prev_hash is not the genesis hash")
                           : fmt::format("event {}: prev_hash does not match event {}", expected,
                                         expected - 1));
    }
    const std::string text = CanonicalEventText(reference, stored.seq, stored.event);
    if (stored.hash != EventHash(text, stored.prev_hash)) {
      return Broken(reference, expected,
                    fmt::format("event {}: hash does not match its content", expected));
    }
    prev_hash = stored.hash;
  }
  return std::nullopt;
}

}  // namespace caredesk::store
