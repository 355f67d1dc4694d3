// The JSON keys of every struct an event carries, listed once per struct and walked by both
// directions of the codec (event_codec.cc): `Fields(v, x)` calls `v("key", x.member)` for each
// member in declaration order (each call returns `v`, so they chain). A member added to a
// payload is added here, and nowhere else in the codec; the codec test fails until it is. Keys
// are part of the stored format and of every past event's hash: never rename one, and add new
// members as optionals so that past events keep their text. Internal to src/store/common.
#pragma once

#include <concepts>
#include <string_view>
#include <type_traits>

#include "core/case_event.h"

namespace caredesk::store::codec {

namespace ev = core::event;

// `P` is `T` or `const T`: the writer visits const payloads, the reader mutable ones.
template <class P, class T>
concept Is = std::same_as<std::remove_const_t<P>, T>;

// The field lists, in the order the structs declare them.
template <class V>
void Fields(V& v, Is<core::Actor> auto& p) {
  v("id", p.id)("name", p.name)("initials", p.initials);
}
template <class V>
void Fields(V& v, Is<core::Money> auto& p) {
  v("minor_units", p.minor_units)("currency", p.currency);
}
template <class V>
void Fields(V& v, Is<core::Remedy> auto& p) {
  v("type", p.type)("description", p.description)("amount", p.amount);
}
template <class V>
void Fields(V& v, Is<core::PointOutcome> auto& p) {
  v("number", p.number)("outcome", p.outcome);
}
template <class V>
void Fields(V& v, Is<core::PreventiveAction> auto& p) {
  v("description", p.description)("owner", p.owner)("due", p.due);
}
template <class V>
void Fields(V& v, Is<ev::Received> auto& p) {
  v("kind", p.kind)("channel", p.channel)("anonymous", p.anonymous)("nature", p.nature)(
      "service", p.service)("subject", p.subject)("body", p.body)("points", p.points)("stage",
                                                                                      p.stage);
}
template <class V>
void Fields(V& v, Is<ev::Acknowledged> auto& p) {
  v("verbal", p.verbal);
}
template <class V>
void Fields(V& v, Is<ev::Note> auto& p) {
  v("text", p.text);
}
template <class V>
void Fields(V& v, Is<ev::CallLogged> auto& p) {
  v("inbound", p.inbound)("summary", p.summary);
}
template <class V>
void Fields(V& v, Is<ev::Reclassified> auto& p) {
  v("new_kind", p.new_kind)("reason", p.reason)("points", p.points)("stage", p.stage);
}
template <class V>
void Fields(V& v, Is<ev::Redirected> auto& p) {
  v("third_party", p.third_party)("details", p.details);
}
template <class V>
void Fields(V& v, Is<ev::Referred> auto& p) {
  v("department", p.department)("person", p.person)("expected_by", p.expected_by);
}
template <class V>
void Fields(V& v, Is<ev::Replied> auto& p) {
  v("summary", p.summary);
}
template <class V>
void Fields(V& v, Is<ev::HoldingSent> auto& p) {
  v("new_expected", p.new_expected)("reason", p.reason);
}
template <class V>
void Fields(V& v, Is<ev::Paused> auto& p) {
  v("reason", p.reason);
}
template <class V>
void Fields(V&, Is<ev::Resumed> auto&) {}
template <class V>
void Fields(V& v, Is<ev::Extended> auto& p) {
  v("standard_id", p.standard_id)("new_due", p.new_due)("reason", p.reason);
}
template <class V>
void Fields(V& v, Is<ev::Escalated> auto& p) {
  v("reason", p.reason);
}
template <class V>
void Fields(V& v, Is<ev::Decided> auto& p) {
  v("decision", p.decision)("reason", p.reason);
}
template <class V>
void Fields(V& v, Is<ev::Resolved> auto& p) {
  v("outcome", p.outcome)("points", p.points)("remedies", p.remedies)("root_cause", p.root_cause)(
      "service_failure", p.service_failure)("preventive_actions", p.preventive_actions)("summary",
                                                                                        p.summary);
}
template <class V>
void Fields(V& v, Is<ev::PreventiveActionDone> auto& p) {
  v("number", p.number)("note", p.note);
}
template <class V>
void Fields(V& v, Is<ev::PreventiveActionVerified> auto& p) {
  v("number", p.number)("recurred", p.recurred)("note", p.note);
}
template <class V>
void Fields(V& v, Is<ev::ExternalReferral> auto& p) {
  v("body", p.body)("reference", p.reference)("outcome", p.outcome)("details", p.details);
}
template <class V>
void Fields(V& v, Is<ev::Reopened> auto& p) {
  v("reason", p.reason);
}
template <class V>
void Fields(V& v, Is<ev::Closed> auto& p) {
  v("reason", p.reason)("withdrawn", p.withdrawn);
}
template <class V>
void Fields(V& v, Is<ev::SurveyAnswered> auto& p) {
  v("score", p.score)("comment", p.comment);
}
template <class V>
void Fields(V& v, Is<ev::Assigned> auto& p) {
  v("assignee", p.assignee);
}

// The enums a field can hold: their name table and what an error message calls a value.
template <class E>
struct EnumInfo;
template <>
struct EnumInfo<core::EventType> {
  static constexpr const auto& kNames = core::kEventTypeNames;
  static constexpr std::string_view kWhat = "an event type";
};
template <>
struct EnumInfo<core::Kind> {
  static constexpr const auto& kNames = core::kKindNames;
  static constexpr std::string_view kWhat = "a kind";
};
template <>
struct EnumInfo<core::Channel> {
  static constexpr const auto& kNames = core::kChannelNames;
  static constexpr std::string_view kWhat = "a channel";
};
template <>
struct EnumInfo<core::Stage> {
  static constexpr const auto& kNames = core::kStageNames;
  static constexpr std::string_view kWhat = "a stage";
};
template <>
struct EnumInfo<core::Outcome> {
  static constexpr const auto& kNames = core::kOutcomeNames;
  static constexpr std::string_view kWhat = "an outcome";
};
template <>
struct EnumInfo<core::RemedyType> {
  static constexpr const auto& kNames = core::kRemedyTypeNames;
  static constexpr std::string_view kWhat = "a remedy";
};
template <>
struct EnumInfo<core::Decision> {
  static constexpr const auto& kNames = core::kDecisionNames;
  static constexpr std::string_view kWhat = "a decision";
};

}  // namespace caredesk::store::codec
