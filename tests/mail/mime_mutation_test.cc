// Random damage to real-shaped mail: every corpus message cut, spliced and sprinkled with the
// bytes that matter to MIME and HTML, thousands of times from a fixed seed (so a failure
// repeats). Whatever comes in, the parser answers quickly with valid UTF-8, and the sanitised
// HTML holds only allow-listed tags and attributes.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "mail/html_sanitiser.h"
#include "mail/mime_parser.h"

namespace caredesk::mail {
namespace {

std::vector<std::string> CorpusMessages() {
  std::vector<std::string> messages;
  const auto corpus = std::filesystem::path(CAREDESK_SOURCE_DIR) / "tests/mail/corpus";
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() != ".eml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    messages.push_back(bytes.str());
  }
  return messages;
}

std::string Mutate(std::string text, std::mt19937& random) {
  static const std::vector<std::string> kPieces = {"\r",
                                                   "\n",
                                                   "\r\n",
                                                   "\n\n",
                                                   "--",
                                                   "--b--",
                                                   "=?",
                                                   "?=",
                                                   "=?utf-8?q?",
                                                   "=?utf-8?b?",
                                                   "=",
                                                   std::string(1, '\0'),
                                                   "\xFF",
                                                   "\xC3",
                                                   "\xE2\x80\xAE",
                                                   "<",
                                                   ">",
                                                   "<script>",
                                                   "</",
                                                   "\"",
                                                   ":",
                                                   ";",
                                                   "boundary=",
                                                   "Content-Type: multipart/mixed; boundary=b\n",
                                                   "Content-Type: message/rfc822\n\n",
                                                   "Content-Transfer-Encoding: base64\n",
                                                   "charset=x-y"};
  const int edits = 1 + static_cast<int>(random() % 6);
  for (int e = 0; e < edits; ++e) {
    const std::size_t at = text.empty() ? 0 : random() % (text.size() + 1);
    switch (random() % 5) {
      case 0:
        if (!text.empty() && at < text.size()) text[at] = static_cast<char>(random() % 256);
        break;
      case 1:
        text.insert(at, kPieces[random() % kPieces.size()]);
        break;
      case 2:
        text.erase(at, random() % 64);
        break;
      case 3:
        text.insert(at, text.substr(random() % (text.size() + 1), random() % 200));
        break;
      default:
        text.resize(at);
        break;
    }
  }
  return text;
}

// The tags and attributes the sanitiser may write, and nothing else.
::testing::AssertionResult OnlyAllowedMarkup(const std::string& html) {
  static const std::set<std::string> kTags = {
      "p",          "br",    "b",     "strong", "i",  "em", "u",    "ul",  "ol", "li",
      "blockquote", "pre",   "code",  "a",      "h1", "h2", "h3",   "h4",  "h5", "h6",
      "table",      "thead", "tbody", "tr",     "td", "th", "span", "div", "hr"};
  static const std::set<std::string> kAttributes = {"href", "rel", "colspan", "rowspan"};
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const std::size_t end = html.find('>', at);
    if (end == std::string::npos)
      return ::testing::AssertionFailure() << "unclosed tag in " << html;
    std::string_view tag(html.data() + at + 1, end - at - 1);
    if (tag.starts_with("/")) tag.remove_prefix(1);
    const std::string name(tag.substr(0, tag.find(' ')));
    if (!kTags.contains(name)) return ::testing::AssertionFailure() << "tag <" << name << ">";
    // The rest is ` name="value"` pairs; values hold no raw quote (the sanitiser escapes it).
    std::string_view rest = tag.substr(std::min(name.size(), tag.size()));
    while (!rest.empty()) {
      const std::size_t equals = rest.find("=\"");
      const std::size_t close =
          equals == std::string_view::npos ? equals : rest.find('"', equals + 2);
      if (!rest.starts_with(' ') || close == std::string_view::npos) {
        return ::testing::AssertionFailure() << "malformed attributes in <" << tag << ">";
      }
      const std::string attribute(rest.substr(1, equals - 1));
      if (!kAttributes.contains(attribute)) {
        return ::testing::AssertionFailure() << "attribute " << attribute << " in <" << tag << ">";
      }
      rest.remove_prefix(close + 1);
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(MailMutations, TheMarkupCheckRefusesWhatTheAllowListLeavesOut) {
  EXPECT_TRUE(OnlyAllowedMarkup("<p>a</p><a href=\"https://x.org/a b\" rel=\"noopener n\">l</a>"));
  EXPECT_FALSE(OnlyAllowedMarkup("<script>x()</script>"));
  EXPECT_FALSE(OnlyAllowedMarkup("<p onclick=\"x()\">a</p>"));
  EXPECT_FALSE(OnlyAllowedMarkup("<p style=x>a</p>"));
  EXPECT_FALSE(OnlyAllowedMarkup("<img src=\"x\">"));
}

TEST(MailMutations, DamagedMessagesParseQuicklyToValidUtf8) {
  std::mt19937 random(20260302);
  const std::vector<std::string> messages = CorpusMessages();
  ASSERT_FALSE(messages.empty());
  for (int round = 0; round < 40; ++round) {
    for (const std::string& original : messages) {
      const std::string damaged = Mutate(original, random);
      const auto start = std::chrono::steady_clock::now();
      const auto result = ParseMail(damaged);
      ASSERT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
      ASSERT_TRUE(result.has_value()) << result.error().message;
      for (const std::string* text : {&result->subject, &result->text, &result->html,
                                      &result->from_name, &result->message_id}) {
        ASSERT_TRUE(core::IsValidUtf8(*text)) << ::testing::PrintToString(damaged);
        ASSERT_EQ(text->find('\0'), std::string::npos) << ::testing::PrintToString(damaged);
      }
      for (const auto& attachment : result->attachments) {
        ASSERT_TRUE(core::IsValidUtf8(attachment.filename));
        ASSERT_EQ(attachment.filename.find_first_of("/\\"), std::string::npos);
      }
      ASSERT_TRUE(OnlyAllowedMarkup(result->html)) << ::testing::PrintToString(damaged);
    }
  }
}

TEST(MailMutations, DamagedHtmlSanitisesToTheAllowList) {
  std::mt19937 random(7);
  const std::string html =
      "<html><head><style>p{}</style></head><body onload=x()><p class=c>Hello <b>there</b>"
      "<a href=\"https://example.org\" onclick=y()>link</a><a href=javascript:z()>bad</a>"
      "<table><tr><td colspan=2 style=s>cell</td></tr></table><img src=x onerror=w()>"
      "<svg><script>s()</script></svg><iframe src=f></iframe><ul><li>one<li>two</ul>"
      "<!-- c --><pre>  pre  </pre><form><input value=v></form><h2>T</h2></body></html>";
  for (int round = 0; round < 3000; ++round) {
    const SanitisedHtml result = Sanitise(Mutate(html, random));
    ASSERT_TRUE(core::IsValidUtf8(result.html));
    ASSERT_TRUE(core::IsValidUtf8(result.text));
    ASSERT_TRUE(OnlyAllowedMarkup(result.html));
  }
}

}  // namespace
}  // namespace caredesk::mail
