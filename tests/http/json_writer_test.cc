#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace caredesk::http {
namespace {

TEST(JsonWriter, WritesNestedObjectsAndArraysWithCommasWhereTheyBelong) {
  JsonWriter out;
  out.BeginObject()
      .Field("reference", "CD-2026-000001")
      .Field("count", std::int64_t{3})
      .Field("share", 0.6)
      .Field("open", true)
      .Field("stage", std::optional<std::string>{})
      .Key("events")
      .BeginArray()
      .BeginObject()
      .Field("seq", 1)
      .EndObject()
      .BeginObject()
      .Field("seq", 2)
      .EndObject()
      .EndArray()
      .Field("points", std::vector<std::string>{"late", "rude"})
      .Key("payload")
      .Raw(R"({"a":1})")
      .Key("empty")
      .BeginArray()
      .EndArray()
      .EndObject();
  EXPECT_EQ(out.Text(),
            R"({"reference":"CD-2026-000001","count":3,"share":0.6,"open":true,"stage":null,)"
            R"("events":[{"seq":1},{"seq":2}],"points":["late","rude"],"payload":{"a":1},)"
            R"("empty":[]})");
  EXPECT_TRUE(nlohmann::json::accept(out.Text()));
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  JsonWriter out;
  out.String("say \"hi\"\\ \n\t\r\b\f \x01 \x7f");
  EXPECT_EQ(out.Text(), R"("say \"hi\"\\ \n\t\r\b\f \u0001 \u007f")");
  EXPECT_EQ(nlohmann::json::parse(out.Text()), "say \"hi\"\\ \n\t\r\b\f \x01 \x7f");
}

TEST(JsonWriter, KeepsUtf8AndReplacesBytesThatAreNotUtf8) {
  JsonWriter out;
  out.BeginArray()
      .String("¿Qué tal? Ελληνικά 😀")
      .String("bad \xff end")
      .String("cut \xe2\x82")
      .String("overlong \xc0\xaf")
      .EndArray();
  auto parsed = nlohmann::json::parse(out.Text());
  EXPECT_EQ(parsed[0], "¿Qué tal? Ελληνικά 😀");
  EXPECT_EQ(parsed[1], "bad \xef\xbf\xbd end");
  EXPECT_EQ(parsed[2], "cut \xef\xbf\xbd\xef\xbf\xbd");
  EXPECT_EQ(parsed[3], "overlong \xef\xbf\xbd\xef\xbf\xbd");
}

TEST(JsonWriter, NumbersThatJsonCannotHoldAreNull) {
  JsonWriter out;
  out.BeginArray().Number(1.0 / 0.0).Number(std::int64_t{-7}).Number(0.25).EndArray();
  EXPECT_EQ(out.Text(), "[null,-7,0.25]");
}

}  // namespace
}  // namespace caredesk::http
