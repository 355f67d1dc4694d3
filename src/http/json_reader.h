// Reads the fields of one JSON object strictly, remembering the first problem as an error whose
// field is the JSON path ("customer.email") and whose message says why ("customer.email must be
// a string"). Used where JSON comes in: API request bodies and `caredesk import` lines.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/instant.h"

namespace caredesk::http {

class JsonReader {
 public:
  JsonReader(const nlohmann::json& object, std::string where)
      : object_(object), where_(std::move(where)) {
    if (!object_.is_object()) Problem("", "must be an object");
  }

  std::string Text(const char* key, bool required = true) {
    const nlohmann::json* value = Find(key, required);
    if (!value || (!required && value->is_null())) return {};
    if (!value->is_string()) return Problem(key, "must be a string"), std::string();
    return value->get<std::string>();
  }
  bool Flag(const char* key, bool required = true) {
    const nlohmann::json* value = Find(key, required);
    if (!value || (!required && value->is_null())) return false;
    if (!value->is_boolean()) return Problem(key, "must be true or false"), false;
    return value->get<bool>();
  }
  std::optional<std::int64_t> Id(const char* key, bool required = true) {
    const nlohmann::json* value = Find(key, required);
    if (!value || value->is_null()) return std::nullopt;
    if (!value->is_number_integer() || value->get<std::int64_t>() < 1) {
      return Problem(key, "must be a positive whole number"), std::nullopt;
    }
    return value->get<std::int64_t>();
  }
  std::optional<core::Instant> Time(const char* key, bool required = true) {
    const nlohmann::json* value = Find(key, required);
    if (!value || value->is_null()) return std::nullopt;
    auto parsed = value->is_string() ? core::ParseInstant(value->get<std::string>())
                                     : core::Fail(core::ErrorCode::kInvalid, "not a string");
    if (!parsed) return Problem(key, "must be an RFC 3339 time"), std::nullopt;
    return *parsed;
  }
  std::vector<std::string> Texts(const char* key) {
    const nlohmann::json* value = Find(key, false);
    if (!value || value->is_null()) return {};
    std::vector<std::string> texts;
    if (value->is_array()) {
      for (const auto& item : *value) {
        if (!item.is_string()) break;
        texts.push_back(item.get<std::string>());
      }
      if (texts.size() == value->size()) return texts;
    }
    Problem(key, "must be a list of strings");
    return {};
  }
  // The member object `key` (null when absent or null); a problem when it is something else.
  const nlohmann::json* Object(const char* key) {
    const nlohmann::json* value = Find(key, false);
    if (!value || value->is_null()) return nullptr;
    if (!value->is_object()) return Problem(key, "must be an object"), nullptr;
    return value;
  }
  template <class Enum, class Parse>
  std::optional<Enum> Named(const char* key, Parse parse, bool required = true) {
    const nlohmann::json* value = Find(key, required);
    if (!value || value->is_null()) return std::nullopt;
    auto parsed = value->is_string() ? parse(value->get<std::string>()) : std::nullopt;
    if (!parsed) Problem(key, "has an unknown value");
    return parsed;
  }
  // Whether the object has member `key`, null or not: in a partial update (PATCH), a member
  // left out leaves its field as it is.
  bool Has(const char* key) const { return object_.is_object() && object_.contains(key); }
  // A problem for the first member no read asked for (a misspelt or unsupported field).
  void RejectUnknown() {
    if (!object_.is_object()) return;
    for (const auto& [key, value] : object_.items()) {
      if (!read_.contains(key)) return Problem(key, "is not a known field");
    }
  }
  core::Result<void> Done() const {
    if (error_) return tl::unexpected(*error_);
    return {};
  }
  void Problem(const std::string& key, const std::string& why) {
    if (error_) return;
    const std::string field = key.empty() ? where_ : where_.empty() ? key : where_ + "." + key;
    error_ = core::Error{core::ErrorCode::kInvalid, field + " " + why, field};
  }
  // Takes a nested reader's problem as its own (its field already holds the full path).
  void Adopt(const core::Error& error) {
    if (!error_) error_ = error;
  }
  const std::string& where() const { return where_; }

 private:
  const nlohmann::json* Find(const char* key, bool required) {
    read_.insert(key);
    if (!object_.is_object()) return nullptr;
    auto found = object_.find(key);
    if (found == object_.end()) {
      if (required) Problem(key, "is missing");
      return nullptr;
    }
    return &*found;
  }
  const nlohmann::json& object_;
  std::string where_;
  std::set<std::string> read_;
  std::optional<core::Error> error_;
};

}  // namespace caredesk::http
