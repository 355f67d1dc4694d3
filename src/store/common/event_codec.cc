// Writing and reading events. Both directions walk the same field lists (event_fields.h), so
// they cannot drift apart; this file knows only how each kind of value is spelled in JSON.
#include "store/common/event_codec.h"

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "store/common/event_fields.h"

namespace caredesk::store {
namespace {

using codec::EnumInfo;
using codec::Fields;
using nlohmann::json;

template <class T>
inline constexpr bool kIsOptional = false;
template <class T>
inline constexpr bool kIsOptional<std::optional<T>> = true;
template <class T>
inline constexpr bool kIsVector = false;
template <class T>
inline constexpr bool kIsVector<std::vector<T>> = true;

template <class T>
inline constexpr bool kIsInteger = std::is_same_v<T, int> || std::is_same_v<T, std::int64_t>;

// ---- Writing ----

template <class T>
json Write(const T& value);

struct FieldWriter {
  json& out;

  template <class T>
  FieldWriter& operator()(const char* key, const T& value) {
    if constexpr (kIsOptional<T>) {
      if (value) out[key] = Write(*value);  // an empty optional is left out
    } else {
      out[key] = Write(value);
    }
    return *this;
  }
};

template <class T>
json Write(const T& value) {
  if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool> || kIsInteger<T>) {
    return value;
  } else if constexpr (std::is_same_v<T, core::Instant>) {
    return core::FormatUtc(value);
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(core::NameOf(EnumInfo<T>::kNames, value, ""));
  } else if constexpr (kIsVector<T>) {
    json items = json::array();
    for (const auto& item : value) items.push_back(Write(item));
    return items;
  } else {
    json object = json::object();
    FieldWriter writer{object};
    Fields(writer, value);
    return object;
  }
}

// ---- Reading ----

// A JSON value as an error message shows it: scalars as written (long ones cut short),
// arrays and objects by their kind.
std::string Shown(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return text;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut) + "...";
}

std::string Child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

// The first error met; later reads are skipped once there is one.
struct Decoding {
  std::optional<core::Error> error;

  void Fail(const std::string& path, std::string message) {
    if (!error) error = core::Error{core::ErrorCode::kInvalid, std::move(message), path};
  }
  void WrongType(const std::string& path, std::string_view expected, const json& value) {
    Fail(path, fmt::format("{} must be {}, not {}", path, expected, Shown(value)));
  }
};

template <class T>
void Read(Decoding& d, const json& value, const std::string& path, T& out);

struct FieldReader {
  Decoding& d;
  const json& object;
  const std::string& path;

  template <class T>
  FieldReader& operator()(const char* key, T& value) {
    if (d.error) return *this;
    const std::string field = Child(path, key);
    auto it = object.find(key);
    if (it != object.end()) {
      Read(d, *it, field, value);
    } else if constexpr (kIsOptional<T>) {
      value.reset();
    } else {
      d.Fail(field, fmt::format("{} is required", field));
    }
    return *this;
  }
};

template <class T>
void ReadInteger(Decoding& d, const json& value, const std::string& path, T& out) {
  if (!value.is_number_integer()) return d.WrongType(path, "a whole number", value);
  constexpr auto kMin = std::numeric_limits<T>::min();
  constexpr auto kMax = std::numeric_limits<T>::max();
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(kMax)) {
      return d.Fail(path,
                    fmt::format("{} is out of range ({} is more than {})", path, number, kMax));
    }
    out = static_cast<T>(number);
    return;
  }
  const auto number = value.get<std::int64_t>();
  if (number < kMin || number > kMax) {
    return d.Fail(path, fmt::format("{} is out of range ({} is not from {} to {})", path, number,
                                    kMin, kMax));
  }
  out = static_cast<T>(number);
}

template <class E>
std::string NameList() {
  std::string list;
  for (const auto& [value, name] : EnumInfo<E>::kNames) {
    if (!list.empty()) list += ", ";
    list += name;
  }
  return list;
}

template <class T>
void Read(Decoding& d, const json& value, const std::string& path, T& out) {
  if (d.error) return;
  if constexpr (std::is_same_v<T, std::string>) {
    if (!value.is_string()) return d.WrongType(path, "a string", value);
    out = value.get_ref<const std::string&>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!value.is_boolean()) return d.WrongType(path, "true or false", value);
    out = value.get<bool>();
  } else if constexpr (kIsInteger<T>) {
    ReadInteger(d, value, path, out);
  } else if constexpr (std::is_same_v<T, core::Instant>) {
    if (!value.is_string()) return d.WrongType(path, "an RFC 3339 time", value);
    auto instant = core::ParseInstant(value.get_ref<const std::string&>());
    if (!instant) {
      return d.Fail(path, fmt::format("{} must be an RFC 3339 time such as "
                                      "2026-03-02T09:00:00Z, not {}",
                                      path, Shown(value)));
    }
    out = *instant;
  } else if constexpr (std::is_enum_v<T>) {
    if (!value.is_string()) return d.WrongType(path, EnumInfo<T>::kWhat, value);
    auto named = core::EnumNamed(EnumInfo<T>::kNames, value.get_ref<const std::string&>());
    if (!named) {
      return d.Fail(path, fmt::format("{}: {} is not {} (one of {})", path, Shown(value),
                                      EnumInfo<T>::kWhat, NameList<T>()));
    }
    out = *named;
  } else if constexpr (kIsOptional<T>) {
    if (value.is_null()) return out.reset();
    typename T::value_type inner{};
    Read(d, value, path, inner);
    if (!d.error) out = std::move(inner);
  } else if constexpr (kIsVector<T>) {
    if (!value.is_array()) return d.WrongType(path, "an array", value);
    out.clear();
    for (std::size_t i = 0; i < value.size() && !d.error; ++i) {
      typename T::value_type item{};
      Read(d, value[i], fmt::format("{}[{}]", path, i), item);
      out.push_back(std::move(item));
    }
  } else {
    if (!value.is_object()) return d.WrongType(path, "an object", value);
    FieldReader reader{d, value, path};
    Fields(reader, out);
  }
}

// ---- Payloads by type ----

using PayloadReader = core::Result<core::EventPayload> (*)(const json&, const std::string&);

template <std::size_t I>
core::Result<core::EventPayload> ReadAlternative(const json& value, const std::string& path) {
  Decoding d;
  std::variant_alternative_t<I, core::EventPayload> payload{};
  if (!value.is_object()) {
    d.WrongType(path.empty() ? "payload" : path, "an object", value);
  } else {
    Read(d, value, path, payload);
  }
  if (d.error) return tl::unexpected(std::move(*d.error));
  return core::EventPayload{std::in_place_index<I>, std::move(payload)};
}

template <std::size_t... I>
constexpr std::array<PayloadReader, sizeof...(I)> PayloadReaders(std::index_sequence<I...>) {
  return {&ReadAlternative<I>...};
}
constexpr auto kPayloadReaders = PayloadReaders(std::make_index_sequence<core::kEventTypeCount>{});

core::Result<core::EventPayload> ReadPayload(core::EventType type, const json& value,
                                             const std::string& path) {
  const auto index = static_cast<std::size_t>(type);
  if (index >= kPayloadReaders.size()) {
    return core::Fail(core::ErrorCode::kInvalid,
                      fmt::format("unknown event type {}", static_cast<int>(type)), "type");
  }
  try {
    return kPayloadReaders[index](value, path);
  } catch (const json::exception& e) {
    return core::Fail(core::ErrorCode::kInvalid, e.what(), path);
  }
}

template <std::size_t I>
json DefaultAlternative() {
  return Write(std::variant_alternative_t<I, core::EventPayload>{});
}

template <std::size_t... I>
constexpr std::array<json (*)(), sizeof...(I)> DefaultWriters(std::index_sequence<I...>) {
  return {&DefaultAlternative<I>...};
}

}  // namespace

json DefaultPayloadJson(core::EventType type) {
  static const auto kWriters = DefaultWriters(std::make_index_sequence<core::kEventTypeCount>{});
  const auto index = static_cast<std::size_t>(type);
  return index < kWriters.size() ? kWriters[index]() : json::object();
}

json PayloadToJson(const core::EventPayload& payload) {
  return std::visit([](const auto& alternative) { return Write(alternative); }, payload);
}

core::Result<core::EventPayload> PayloadFromJson(core::EventType type, const json& value) {
  return ReadPayload(type, value, "");
}

json EventToJson(const core::CaseEvent& event) {
  json out = json::object();
  out["type"] = Write(event.type());
  out["at"] = Write(event.at);
  out["actor"] = Write(event.actor);
  out["payload"] = PayloadToJson(event.payload);
  return out;
}

core::Result<core::CaseEvent> EventFromJson(const json& value) {
  try {
    Decoding d;
    if (!value.is_object()) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("an event must be an object, not {}", Shown(value)));
    }
    const std::string root;
    FieldReader fields{d, value, root};
    core::EventType type = core::EventType::kReceived;
    core::CaseEvent event;
    fields("type", type);
    fields("at", event.at);
    fields("actor", event.actor);
    if (d.error) return tl::unexpected(std::move(*d.error));
    auto payload_json = value.find("payload");
    if (payload_json == value.end()) {
      return core::Fail(core::ErrorCode::kInvalid, "payload is required", "payload");
    }
    auto payload = ReadPayload(type, *payload_json, "payload");
    if (!payload) return tl::unexpected(std::move(payload.error()));
    event.payload = std::move(*payload);
    return event;
  } catch (const nlohmann::json::exception& e) {
    return core::Fail(core::ErrorCode::kInvalid, e.what());
  }
}

}  // namespace caredesk::store
