// Names for the closed vocabularies. Each enum has one constexpr table of (value, name) pairs in
// declaration order; that table is the single source of the spelling, and these templates read it
// both ways (value → name, name → value) and list the values it names.
//
//   inline constexpr auto kStageNames = std::to_array<NamedValue<Stage>>({
//       {Stage::kInformal, "informal"}, {Stage::kStage1, "stage1"}, ...});
//   static_assert(IsOrderedNameTable(kStageNames));
//   inline constexpr std::array kAllStages = ValuesOf(kStageNames);
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace caredesk::core {

template <class Enum>
using NamedValue = std::pair<Enum, std::string_view>;

// The name `names` gives `value`, or `fallback` when it lists no such value (an out-of-range
// value cast from an integer).
template <class Enum, std::size_t N>
constexpr std::string_view NameOf(const std::array<NamedValue<Enum>, N>& names, Enum value,
                                  std::string_view fallback) {
  for (const auto& [named, name] : names) {
    if (named == value) return name;
  }
  return fallback;
}

// The value `names` spells exactly `text`, if any.
template <class Enum, std::size_t N>
constexpr std::optional<Enum> EnumNamed(const std::array<NamedValue<Enum>, N>& names,
                                        std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

// The values of `names`, in its order.
template <class Enum, std::size_t N>
constexpr std::array<Enum, N> ValuesOf(const std::array<NamedValue<Enum>, N>& names) {
  std::array<Enum, N> values{};
  for (std::size_t i = 0; i < N; ++i) values[i] = names[i].first;
  return values;
}

// True when entry i names the enumerator whose value is i and the names are non-empty and
// distinct: no value is skipped, repeated or out of order, so ValuesOf lists them as declared.
template <class Enum, std::size_t N>
constexpr bool IsOrderedNameTable(const std::array<NamedValue<Enum>, N>& names) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(names[i].first) != i || names[i].second.empty()) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (names[j].second == names[i].second) return false;
    }
  }
  return true;
}

}  // namespace caredesk::core
