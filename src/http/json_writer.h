// Writes JSON text straight into a string, for the answers served most often (a case, the
// queue): no document of nodes is built, so nothing is allocated per value. Keys and values are
// written in the order given; strings are escaped, and bytes that are not UTF-8 are replaced by
// U+FFFD (as the rest of the API does when it serialises), so the text is always valid JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caredesk::http {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Room for `capacity` bytes from the start: an answer of about that size is written without
  // the text being copied as it grows.
  explicit JsonWriter(std::size_t capacity) { out_.reserve(capacity); }

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view text);
  JsonWriter& Number(std::int64_t number);
  JsonWriter& Number(double number);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A value already serialised as JSON, inserted as is.
  JsonWriter& Raw(std::string_view json);

  // Key and value together; an empty optional is null.
  JsonWriter& Field(std::string_view key, std::string_view text) { return Key(key).String(text); }
  JsonWriter& Field(std::string_view key, const char* text) { return Key(key).String(text); }
  JsonWriter& Field(std::string_view key, std::int64_t number) { return Key(key).Number(number); }
  JsonWriter& Field(std::string_view key, int number) {
    return Key(key).Number(std::int64_t{number});
  }
  JsonWriter& Field(std::string_view key, double number) { return Key(key).Number(number); }
  JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }
  JsonWriter& NullField(std::string_view key) { return Key(key).Null(); }
  template <class T>
  JsonWriter& Field(std::string_view key, const std::optional<T>& value) {
    return value ? Field(key, *value) : NullField(key);
  }
  JsonWriter& Field(std::string_view key, const std::vector<std::string>& texts);

  const std::string& Text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  bool need_comma_ = false;
};

}  // namespace caredesk::http
