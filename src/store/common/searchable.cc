#include "store/common/searchable.h"

#include <nlohmann/json.hpp>

#include "store/common/event_codec.h"

namespace caredesk::store {
namespace {

// Payload keys that hold free text people wrote.
constexpr const char* kTextKeys[] = {"subject", "body",        "text",    "summary",    "details",
                                     "reason",  "third_party", "comment", "description"};

void Collect(const nlohmann::json& json, std::string& out) {
  if (json.is_object()) {
    for (const auto& [key, value] : json.items()) {
      const bool text_key =
          std::find(std::begin(kTextKeys), std::end(kTextKeys), key) != std::end(kTextKeys);
      if (text_key && value.is_string()) {
        out += value.get<std::string>();
        out.push_back('\n');
      } else if (value.is_object() || value.is_array()) {
        Collect(value, out);
      }
    }
  } else if (json.is_array()) {
    for (const auto& value : json) Collect(value, out);
  }
}

}  // namespace

std::string SearchableText(const core::CaseEvent& event) {
  return SearchableText(PayloadToJson(event.payload));
}

std::string SearchableText(const nlohmann::json& payload) {
  std::string text;
  Collect(payload, text);
  return text;
}

}  // namespace caredesk::store
