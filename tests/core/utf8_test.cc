// UTF-8 validity at the edge: well-formed text of every length passes; truncated sequences,
// stray continuation bytes, overlong forms, surrogates and values past U+10FFFF do not.
#include "core/utf8.h"

#include <gtest/gtest.h>

namespace caredesk::core {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  for (const char* text :
       {"", "plain ASCII", "Año Nuevo", "€100", "日本語", "emoji 😀", "\xF4\x8F\xBF\xBF"}) {
    EXPECT_TRUE(IsValidUtf8(text)) << text;
  }
}

TEST(Utf8, RefusesMalformedText) {
  for (const char* text :
       {"caf\xE9", "\x80", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xC0\xAF", "\xE0\x80\xAF",
        "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "ok then \xC3("}) {
    EXPECT_FALSE(IsValidUtf8(text)) << testing::PrintToString(std::string(text));
  }
}

}  // namespace
}  // namespace caredesk::core
