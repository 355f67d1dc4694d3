// The JSON form of events (round trip, strict decoding, mangled input) and the hash chain built
// on its canonical text (stable text, every kind of tampering caught at the right event).
#include "store/common/event_codec.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/sha256.h"
#include "store/common/event_fields.h"
#include "store/common/event_hash.h"

namespace caredesk::store {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
namespace ev = core::event;
using core::EventType;

// Monday 2 March 2026, 09:15:07 UTC.
const core::Instant kAt = date::sys_days{date::year{2026} / 3 / 2} + 9h + 15min + 7s;
const core::Actor kActor{"staff-42", "Jo Smith", "JS"};

// A payload of `type` with every field away from its default: each optional set, each list
// non-empty, each enum not its default, each instant not the epoch. The switch has no default
// so that a new event type fails to compile here (-Wswitch -Werror) until it has one.
core::EventPayload FullPayload(EventType type) {
  switch (type) {
    case EventType::kReceived:
      return ev::Received{core::Kind::kComplaint,
                          core::Channel::kInPerson,
                          true,
                          "fees",
                          "Finance",
                          "Billed twice — «urgent»",
                          "I was charged twice.\n\"Why?\"",
                          {"billed twice", "no reply"},
                          core::Stage::kStage1};
    case EventType::kAcknowledged:
      return ev::Acknowledged{true};
    case EventType::kNote:
      return ev::Note{"Called back, no answer. ñ 日本"};
    case EventType::kCallLogged:
      return ev::CallLogged{false, "Returned the customer's call"};
    case EventType::kReclassified:
      return ev::Reclassified{
          core::Kind::kComplaint, "expresses dissatisfaction", {"late"}, core::Stage::kInformal};
    case EventType::kRedirected:
      return ev::Redirected{"Land Registry", "0300 006 0411"};
    case EventType::kReferred:
      return ev::Referred{"Finance", "A. Patel", kAt + 72h};
    case EventType::kReplied:
      return ev::Replied{"Explained the charge"};
    case EventType::kHoldingSent:
      return ev::HoldingSent{kAt + 240h, "awaiting the contractor's report"};
    case EventType::kPaused:
      return ev::Paused{"awaiting photographs"};
    case EventType::kResumed:
      return ev::Resumed{};
    case EventType::kExtended:
      return ev::Extended{"complaint-reply", kAt + 500h, "agreed with the customer"};
    case EventType::kEscalated:
      return ev::Escalated{"customer unhappy with the stage 1 answer"};
    case EventType::kDecided:
      return ev::Decided{core::Decision::kPartlyGranted, "large print only"};
    case EventType::kResolved:
      return ev::Resolved{
          core::Outcome::kPartlyUpheld,
          {{1, core::Outcome::kUpheld}, {2, core::Outcome::kWithdrawn}},
          {{core::RemedyType::kApology, "written apology", std::nullopt},
           {core::RemedyType::kFinancialRedress, "refund", core::Money{2500, "GBP"}},
           {core::RemedyType::kInvoiceRestitution, "credit note", core::Money{-1, "EUR"}}},
          "billing error",
          true,
          {{"fix the duplicate-billing job", "Finance", kAt + 720h}},
          "Refunded and apologised"};
    case EventType::kPreventiveActionDone:
      return ev::PreventiveActionDone{2, "job fixed"};
    case EventType::kPreventiveActionVerified:
      return ev::PreventiveActionVerified{3, true, "two more in May"};
    case EventType::kExternalReferral:
      return ev::ExternalReferral{"Housing Ombudsman", "HO-123", core::Outcome::kNotUpheld,
                                  "decision received"};
    case EventType::kReopened:
      return ev::Reopened{"the refund never arrived"};
    case EventType::kClosed:
      return ev::Closed{"customer withdrew", true};
    case EventType::kSurveyAnswered:
      return ev::SurveyAnswered{4, "quick, thanks"};
    case EventType::kAssigned:
      return ev::Assigned{core::Actor{"staff-7", "Ana Ruiz", "AR"}};
  }
  return {};
}

core::CaseEvent FullEvent(EventType type) { return {kAt, kActor, FullPayload(type)}; }

core::Result<core::CaseEvent> ThroughText(const core::CaseEvent& event) {
  return EventFromJson(json::parse(EventToJson(event).dump()));
}

// The number of members of an aggregate: how many initializers it accepts.
struct AnyMember {
  template <class T>
  operator T() const {  // only its type is asked for
    return T{};
  }
};
template <class T, class... Members>
constexpr std::size_t MemberCount() {
  if constexpr (requires { T{Members{}..., AnyMember{}}; }) {
    return MemberCount<T, Members..., AnyMember>();
  } else {
    return sizeof...(Members);
  }
}

struct KeyCounter {
  std::size_t keys = 0;
  template <class T>
  KeyCounter& operator()(const char*, const T&) {
    ++keys;
    return *this;
  }
};

template <class T>
std::size_t KeyCount() {
  KeyCounter counter;
  const T value{};
  codec::Fields(counter, value);
  return counter.keys;
}

template <class F, std::size_t... I>
void ForEachPayloadType(F&& f, std::index_sequence<I...>) {
  (f(std::variant_alternative_t<I, core::EventPayload>{}, static_cast<EventType>(I)), ...);
}

TEST(EventCodec, EveryMemberOfEveryStructHasAKey) {
  EXPECT_EQ(KeyCount<core::Actor>(), MemberCount<core::Actor>());
  EXPECT_EQ(KeyCount<core::Money>(), MemberCount<core::Money>());
  EXPECT_EQ(KeyCount<core::Remedy>(), MemberCount<core::Remedy>());
  EXPECT_EQ(KeyCount<core::PointOutcome>(), MemberCount<core::PointOutcome>());
  EXPECT_EQ(KeyCount<core::PreventiveAction>(), MemberCount<core::PreventiveAction>());
  ForEachPayloadType(
      [](auto payload, EventType type) {
        using P = decltype(payload);
        EXPECT_EQ(KeyCount<P>(), MemberCount<P>()) << core::ToString(type);
      },
      std::make_index_sequence<core::kEventTypeCount>{});
}

TEST(EventCodec, SamplesFillEveryFieldWithANonDefaultValue) {
  for (EventType type : core::kAllEventTypes) {
    const core::EventPayload full = FullPayload(type);
    ASSERT_EQ(full.index(), static_cast<std::size_t>(type)) << core::ToString(type);
    const json full_json = PayloadToJson(full);
    const json default_json =
        std::visit([](const auto& p) { return PayloadToJson(std::decay_t<decltype(p)>{}); }, full);
    std::visit(
        [&](const auto& p) { EXPECT_EQ(full_json.size(), KeyCount<std::decay_t<decltype(p)>>()); },
        full);
    for (const auto& [key, value] : full_json.items()) {
      EXPECT_NE(default_json.value(key, json()), value) << core::ToString(type) << "." << key;
    }
  }
}

TEST(EventCodec, EveryEventTypeRoundTripsWithEveryField) {
  for (EventType type : core::kAllEventTypes) {
    SCOPED_TRACE(core::ToString(type));
    const core::CaseEvent event = FullEvent(type);
    const json encoded = EventToJson(event);
    EXPECT_EQ(encoded.at("type"), std::string(core::ToString(type)));
    EXPECT_EQ(encoded.at("at"), "2026-03-02T09:15:07Z");
    EXPECT_EQ(encoded.at("actor"),
              (json{{"id", "staff-42"}, {"initials", "JS"}, {"name", "Jo Smith"}}));
    EXPECT_EQ(EventFromJson(encoded), event);
    EXPECT_EQ(ThroughText(event), event);
    EXPECT_EQ(PayloadFromJson(type, PayloadToJson(event.payload)), event.payload);
  }
}

TEST(EventCodec, EveryEventTypeRoundTripsWithDefaultsAndEmptyOptionals) {
  ForEachPayloadType(
      [](auto payload, EventType type) {
        const core::CaseEvent event{core::Instant{}, core::Actor{}, payload};
        EXPECT_EQ(ThroughText(event), event) << core::ToString(type);
      },
      std::make_index_sequence<core::kEventTypeCount>{});
}

TEST(EventCodec, ResolvedHasThePublishedShape) {
  const json expected = json::parse(R"({
    "type": "resolved", "at": "2026-03-02T09:15:07Z",
    "actor": {"id": "staff-42", "name": "Jo Smith", "initials": "JS"},
    "payload": {
      "outcome": "partly_upheld",
      "points": [{"number": 1, "outcome": "upheld"}, {"number": 2, "outcome": "withdrawn"}],
      "remedies": [
        {"type": "apology", "description": "written apology"},
        {"type": "financial_redress", "description": "refund",
         "amount": {"minor_units": 2500, "currency": "GBP"}},
        {"type": "invoice_restitution", "description": "credit note",
         "amount": {"minor_units": -1, "currency": "EUR"}}],
      "root_cause": "billing error", "service_failure": true,
      "preventive_actions": [{"description": "fix the duplicate-billing job", "owner": "Finance",
                              "due": "2026-04-01T09:15:07Z"}],
      "summary": "Refunded and apologised"}})");
  EXPECT_EQ(EventToJson(FullEvent(EventType::kResolved)), expected);
}

TEST(EventCodec, EmptyOptionalsAreLeftOutAndNullReadsAsEmpty) {
  const json encoded = PayloadToJson(ev::Resolved{});
  EXPECT_FALSE(encoded.contains("outcome"));
  json with_null = encoded;
  with_null["outcome"] = nullptr;
  with_null["unknown_extra_key"] = {1, 2};
  EXPECT_EQ(PayloadFromJson(EventType::kResolved, with_null), core::EventPayload{ev::Resolved{}});
}

struct Malformed {
  const char* what;
  EventType type;  // the full event of this type is mangled by `mangle`
  void (*mangle)(json&);
  const char* field;
  const char* message;  // a part of the error message
};

const Malformed kMalformed[] = {
    {"not an object", EventType::kNote, [](json& j) { j = json::array(); }, "", "an object"},
    {"no type", EventType::kNote, [](json& j) { j.erase("type"); }, "type", "type is required"},
    {"unknown type", EventType::kNote, [](json& j) { j["type"] = "noted"; }, "type",
     "\"noted\" is not an event type"},
    {"numeric type", EventType::kNote, [](json& j) { j["type"] = 2; }, "type", "not 2"},
    {"bad time", EventType::kNote, [](json& j) { j["at"] = "2026-02-30T09:00:00Z"; }, "at",
     "RFC 3339"},
    {"initials a number", EventType::kNote, [](json& j) { j["actor"]["initials"] = 7; },
     "actor.initials", "must be a string, not 7"},
    {"actor a string", EventType::kNote, [](json& j) { j["actor"] = "JS"; }, "actor", "an object"},
    {"no payload", EventType::kNote, [](json& j) { j.erase("payload"); }, "payload", "required"},
    {"payload an array", EventType::kNote, [](json& j) { j["payload"] = json::array(); }, "payload",
     "an object"},
    {"note text missing", EventType::kNote, [](json& j) { j["payload"].erase("text"); },
     "payload.text", "payload.text is required"},
    {"currency missing", EventType::kResolved,
     [](json& j) { j["payload"]["remedies"][1]["amount"].erase("currency"); },
     "payload.remedies[1].amount.currency", "is required"},
    {"unknown remedy", EventType::kResolved,
     [](json& j) { j["payload"]["remedies"][0]["type"] = "refund"; }, "payload.remedies[0].type",
     "\"refund\" is not a remedy (one of apology,"},
    {"fractional point number", EventType::kResolved,
     [](json& j) { j["payload"]["points"][1]["number"] = 1.5; }, "payload.points[1].number",
     "a whole number"},
    {"unknown outcome", EventType::kResolved, [](json& j) { j["payload"]["outcome"] = "maybe"; },
     "payload.outcome", "is not an outcome"},
    {"flag as text", EventType::kResolved, [](json& j) { j["payload"]["service_failure"] = "yes"; },
     "payload.service_failure", "true or false"},
    {"due not a time", EventType::kResolved,
     [](json& j) { j["payload"]["preventive_actions"][0]["due"] = "next week"; },
     "payload.preventive_actions[0].due", "\"next week\""},
    {"score too large", EventType::kSurveyAnswered,
     [](json& j) { j["payload"]["score"] = 10000000000LL; }, "payload.score", "out of range"},
    {"amount beyond int64", EventType::kResolved,
     [](json& j) { j["payload"]["remedies"][1]["amount"]["minor_units"] = ~0ULL; },
     "payload.remedies[1].amount.minor_units", "out of range"},
    {"points an object", EventType::kReceived,
     [](json& j) {
       j["payload"]["points"] = json{{"a", 1}};
     },
     "payload.points", "an array, not an object"},
    {"a null point", EventType::kReceived, [](json& j) { j["payload"]["points"][1] = nullptr; },
     "payload.points[1]", "not null"},
    {"unknown channel", EventType::kReceived, [](json& j) { j["payload"]["channel"] = "pigeon"; },
     "payload.channel", "is not a channel"},
    {"assignee without id", EventType::kAssigned,
     [](json& j) { j["payload"]["assignee"].erase("id"); }, "payload.assignee.id", "required"},
};

TEST(EventCodec, MalformedEventsAreRefusedNamingTheField) {
  for (const Malformed& c : kMalformed) {
    SCOPED_TRACE(c.what);
    json mangled = EventToJson(FullEvent(c.type));
    c.mangle(mangled);
    auto decoded = EventFromJson(mangled);
    ASSERT_FALSE(decoded.has_value());
    EXPECT_EQ(decoded.error().code, core::ErrorCode::kInvalid);
    EXPECT_EQ(decoded.error().field, c.field);
    EXPECT_NE(decoded.error().message.find(c.message), std::string::npos)
        << decoded.error().message;
  }
}

TEST(EventCodec, PayloadErrorsNameFieldsWithinThePayload) {
  auto decoded = PayloadFromJson(EventType::kNote, json{{"text", false}});
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().field, "text");
  EXPECT_EQ(decoded.error().message, "text must be a string, not false");
  EXPECT_FALSE(PayloadFromJson(static_cast<EventType>(99), json::object()).has_value());
  EXPECT_FALSE(PayloadFromJson(EventType::kResumed, json("resumed")).has_value());
}

// Every node below `at`, as JSON pointers.
void NodesBelow(const json& value, const json::json_pointer& at,
                std::vector<json::json_pointer>& out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      out.push_back(at / key);
      NodesBelow(child, at / key, out);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      out.push_back(at / i);
      NodesBelow(value[i], at / i, out);
    }
  }
}

TEST(EventCodec, MangledEventsAreDecodedOrRefusedNeverCrashedOn) {
  const json kReplacements[] = {nullptr,
                                true,
                                0,
                                -1,
                                1.5,
                                ~0ULL,
                                "",
                                "x",
                                "stage2",
                                "2026-03-02T09:00:00Z",
                                json::array(),
                                json::object(),
                                json::parse(R"([1, "a", {"b": null}])"),
                                json::parse(R"({"minor_units": 1, "currency": 2})")};
  std::mt19937 random(20260302);
  int refused = 0;
  for (int i = 0; i < 2000; ++i) {
    json value = EventToJson(FullEvent(core::kAllEventTypes[random() % core::kEventTypeCount]));
    for (int edits = 1 + random() % 3; edits > 0; --edits) {
      std::vector<json::json_pointer> nodes;
      NodesBelow(value, json::json_pointer(), nodes);
      if (nodes.empty()) break;
      const json::json_pointer node = nodes[random() % nodes.size()];
      if (random() % 2 == 0) {
        json& parent = value.at(node.parent_pointer());
        if (parent.is_object()) {
          parent.erase(node.back());
        } else {
          parent.erase(std::stoul(node.back()));
        }
      } else {
        value.at(node) = kReplacements[random() % std::size(kReplacements)];
      }
    }
    auto decoded = EventFromJson(value);
    if (decoded) {
      EXPECT_EQ(ThroughText(*decoded), *decoded) << value.dump();
    } else {
      ++refused;
      EXPECT_FALSE(decoded.error().message.empty()) << value.dump();
    }
  }
  EXPECT_GT(refused, 1000);
  EXPECT_LT(refused, 2000);  // some edits (an optional removed, a note emptied) still decode
}

// ---- Canonical text and the hash chain ----

TEST(CanonicalEventText, IsCompactSortedAndPinned) {
  const core::CaseEvent note{kAt, kActor, ev::Note{"on file"}};
  const std::string text = CanonicalEventText("CD-2026-000123", 3, note);
  EXPECT_EQ(text, R"({"event":{"actor":{"id":"staff-42","initials":"JS","name":"Jo Smith"},)"
                  R"("at":"2026-03-02T09:15:07Z","payload":{"text":"on file"},"type":"note"},)"
                  R"("reference":"CD-2026-000123","seq":3})");
  EXPECT_EQ(EventHash(text, kGenesisHash),
            core::Sha256Hex(std::string(kGenesisHash) + "\n" + text));
  // Pinned: changing the canonical form breaks every stored chain.
  EXPECT_EQ(EventHash(text, kGenesisHash),
            "6d8b317c8f253f279e6833ebd324030d7cf602e64128340b40e259f6acbf5d65");
  EXPECT_EQ(kGenesisHash, std::string(64, '0'));
}

TEST(CanonicalEventText, IsTheSameForTheSameEvent) {
  for (EventType type : core::kAllEventTypes) {
    EXPECT_EQ(CanonicalEventText("CD-2026-000001", 7, FullEvent(type)),
              CanonicalEventText("CD-2026-000001", 7, *ThroughText(FullEvent(type))));
  }
}

// A valid value other than `leaf`'s for the same place, or null when there is none.
json OtherValue(const json& leaf) {
  if (leaf.is_boolean()) return !leaf.get<bool>();
  if (leaf.is_number_integer()) return leaf.get<std::int64_t>() + 1;
  if (!leaf.is_string()) return nullptr;
  const std::string text = leaf.get<std::string>();
  if (auto instant = core::ParseInstant(text)) return core::FormatUtc(*instant + 1s);
  return text + "x";  // an enum name is then refused; the caller tries another name
}

// json::unflatten, with the empty payload that flatten turns into null put back.
json Unflatten(const json& flat) {
  json value = flat.unflatten();
  if (value["payload"].is_null()) value["payload"] = json::object();
  return value;
}

TEST(CanonicalEventText, ChangesWhenAnyFieldChanges) {
  const std::vector<std::string> kNames = {"stage2",    "comment",       "web",    "upheld",
                                           "withdrawn", "review_policy", "refused"};
  for (EventType type : core::kAllEventTypes) {
    const core::CaseEvent event = FullEvent(type);
    const std::string text = CanonicalEventText("CD-2026-000001", 7, event);
    EXPECT_NE(text, CanonicalEventText("CD-2026-000002", 7, event));
    EXPECT_NE(text, CanonicalEventText("CD-2026-000001", 8, event));
    const json flat = EventToJson(event).flatten();
    for (const auto& [pointer, leaf] : flat.items()) {
      if (pointer == "/type" || leaf.is_null() || leaf.is_object()) continue;
      json changed = flat;
      changed[pointer] = OtherValue(leaf);
      auto decoded = EventFromJson(Unflatten(changed));
      for (std::size_t n = 0; !decoded && n < kNames.size(); ++n) {  // an enum: another name
        changed[pointer] = kNames[n];
        if (kNames[n] != leaf) decoded = EventFromJson(Unflatten(changed));
      }
      ASSERT_TRUE(decoded.has_value()) << core::ToString(type) << pointer;
      EXPECT_NE(*decoded, event) << pointer;
      EXPECT_NE(CanonicalEventText("CD-2026-000001", 7, *decoded), text) << pointer;
    }
  }
}

const char kReference[] = "CD-2026-000123";

std::vector<core::StoredEvent> Chain() {
  const EventType types[] = {EventType::kReceived, EventType::kAcknowledged, EventType::kNote,
                             EventType::kReplied, EventType::kResolved};
  std::vector<core::StoredEvent> chain;
  std::string prev_hash(kGenesisHash);
  for (EventType type : types) {
    core::StoredEvent stored;
    stored.case_id = 1;
    stored.seq = static_cast<std::int64_t>(chain.size()) + 1;
    stored.event = FullEvent(type);
    stored.recorded_at = kAt;
    stored.prev_hash = prev_hash;
    stored.hash = EventHash(CanonicalEventText(kReference, stored.seq, stored.event), prev_hash);
    prev_hash = stored.hash;
    chain.push_back(std::move(stored));
  }
  return chain;
}

// The first broken link as "seq: reason", or "intact".
std::string Verdict(const std::vector<core::StoredEvent>& chain,
                    std::string_view reference = kReference) {
  auto broken = VerifyCaseChain(reference, chain);
  if (!broken) return "intact";
  EXPECT_EQ(broken->reference, reference);
  return std::to_string(broken->seq) + ": " + broken->reason;
}

TEST(HashChain, AnUntouchedChainIsIntact) {
  EXPECT_EQ(Verdict(Chain()), "intact");
  EXPECT_EQ(Verdict({}), "intact");
}

TEST(HashChain, EditedContentIsCaughtAtThatEvent) {
  auto chain = Chain();
  std::get<ev::Note>(chain[2].event.payload).text += ".";
  EXPECT_EQ(Verdict(chain), "3: event 3: hash does not match its content");
  chain = Chain();
  chain[1].event.at += 1s;
  EXPECT_EQ(Verdict(chain), "2: event 2: hash does not match its content");
}

TEST(HashChain, EditedAndRehashedContentIsCaughtAtTheNextEvent) {
  auto chain = Chain();
  std::get<ev::Note>(chain[2].event.payload).text += ".";
  chain[2].hash = EventHash(CanonicalEventText(kReference, 3, chain[2].event), chain[2].prev_hash);
  EXPECT_EQ(Verdict(chain), "4: event 4: prev_hash does not match event 3");
}

TEST(HashChain, RemovedEventsAreCaught) {
  auto chain = Chain();
  chain.erase(chain.begin() + 2);
  EXPECT_EQ(Verdict(chain), "3: event 3: seq 4 follows 2 (an event is missing)");
  chain = Chain();
  chain.erase(chain.begin());
  EXPECT_EQ(Verdict(chain), "1: event 1: the first event has seq 2 (an event is missing)");
}

TEST(HashChain, SwappedEventsAreCaught) {
  auto chain = Chain();
  std::swap(chain[2], chain[3]);
  EXPECT_EQ(Verdict(chain), "3: event 3: seq 4 follows 2 (events out of order)");
  chain = Chain();  // swapped and renumbered
  std::swap(chain[2], chain[3]);
  chain[2].seq = 3;
  chain[3].seq = 4;
  EXPECT_EQ(Verdict(chain), "3: event 3: prev_hash does not match event 2");
  chain = Chain();  // only the contents swapped
  std::swap(chain[2].event, chain[3].event);
  EXPECT_EQ(Verdict(chain), "3: event 3: hash does not match its content");
  chain = Chain();
  const core::StoredEvent repeated = chain[1];
  chain.insert(chain.begin() + 2, repeated);
  EXPECT_EQ(Verdict(chain), "3: event 3: seq 2 follows 2 (a repeated seq)");
}

TEST(HashChain, EditedHashesAreCaught) {
  auto chain = Chain();
  chain[3].prev_hash[10] = chain[3].prev_hash[10] == 'a' ? 'b' : 'a';
  EXPECT_EQ(Verdict(chain), "4: event 4: prev_hash does not match event 3");
  chain = Chain();
  chain[0].prev_hash = std::string(64, 'f');
  EXPECT_EQ(Verdict(chain), "1: event 1: prev_hash is not the genesis hash");
  chain = Chain();
  chain[1].hash = core::Sha256Hex("forged");
  EXPECT_EQ(Verdict(chain), "2: event 2: hash does not match its content");
}

TEST(HashChain, EventsMovedToAnotherCaseAreCaught) {
  EXPECT_EQ(Verdict(Chain(), "CD-2026-000124"), "1: event 1: hash does not match its content");
}

}  // namespace
}  // namespace caredesk::store
