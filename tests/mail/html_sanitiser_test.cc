// The HTML of inbound mail: what the sanitiser keeps (a small safe subset), what it removes
// (scripts, frames, forms, event handlers, dangerous links, comments), and the text it reads out.
#include "mail/html_sanitiser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>

#include "core/utf8.h"
#include "mail/html_bounds.h"

namespace caredesk::mail {
namespace {

::testing::AssertionResult Contains(const std::string& text, std::string_view part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << '"' << text << "\" does not contain \"" << part << '"';
}

TEST(SanitiseHtml, KeepsTheSafeSubset) {
  const std::string html = SanitiseHtml(
      "<p>Hello <b>there</b> <strong>a</strong> <i>b</i> <em>c</em> <u>d</u></p>"
      "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><pre>x  y</pre>"
      "<code>c</code><h1>h</h1><h6>h6</h6><table><thead><tr><th>T</th></tr></thead><tbody><tr>"
      "<td colspan=\"2\">d</td></tr></tbody></table><span>s</span><div>d</div><hr><br>");
  for (const char* kept :
       {"<p>Hello <b>there</b> <strong>a</strong> <i>b</i> <em>c</em> <u>d</u></p>",
        "<ul><li>one</li></ul>", "<ol><li>two</li></ol>", "<blockquote>q</blockquote>",
        "<pre>x  y</pre>", "<code>c</code>", "<h1>h</h1>", "<h6>h6</h6>", "<thead><tr><th>T</th>",
        "<td colspan=\"2\">d</td>", "<span>s</span>", "<div>d</div>", "<hr>", "<br>"}) {
    EXPECT_TRUE(Contains(html, kept));
  }
}

TEST(SanitiseHtml, DropsScriptsStylesAndFramesWithTheirContent) {
  const std::string html = SanitiseHtml(
      "<head><title>T</title><style>p{color:red}</style><meta http-equiv=refresh content=0>"
      "<base href=http://evil><link rel=stylesheet href=x></head><body>ok<script>alert(1)"
      "</script><iframe src=x>framed</iframe><object>obj</object><embed src=x><form>"
      "<label>form text</label><input "
      "value=v></form><svg><script>alert(2)</script><text>svg</text></svg>"
      "<math><mi>m</mi></math><noscript>ns</noscript><template>tpl</template></body>");
  EXPECT_EQ(html, "ok");
}

TEST(SanitiseHtml, DropsEventHandlersStylesAndOtherAttributes) {
  const std::string html = SanitiseHtml(
      "<p onclick=\"x()\" style=\"position:fixed\" class=c id=i>a</p>"
      "<img src=x onerror=alert(1)><div onmouseover=y()>b</div>");
  EXPECT_EQ(html, "<p>a</p><div>b</div>");
}

TEST(SanitiseHtml, KeepsWebAndMailLinksWithSafeRel) {
  EXPECT_EQ(SanitiseHtml("<a href=\"https://example.org/a?b=1&amp;c=2\" target=_top>x</a>"),
            "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">"
            "x</a>");
  EXPECT_TRUE(
      Contains(SanitiseHtml("<a href='HTTP://example.org'>x</a>"), "href=\"HTTP://example.org\""));
  EXPECT_TRUE(Contains(SanitiseHtml("<a href='mailto:ana@example.es'>x</a>"),
                       "href=\"mailto:ana@example.es\""));
}

TEST(SanitiseHtml, UnwrapsLinksWithDangerousOrRelativeTargets) {
  for (const char* link :
       {"<a href=\"javascript:alert(1)\">x</a>", "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>", "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "<a href=\"vbscript:msgbox\">x</a>",
        "<a href=\"//evil.example\">x</a>", "<a href=\"/relative\">x</a>", "<a>x</a>"}) {
    EXPECT_EQ(SanitiseHtml(link), "x") << link;
  }
}

TEST(SanitiseHtml, DropsComments) {
  EXPECT_EQ(SanitiseHtml("a<!-- secret --><!--[if IE]><script>x</script><![endif]-->b"), "ab");
}

TEST(SanitiseHtml, EscapesTextAndAttributeValues) {
  EXPECT_EQ(SanitiseHtml("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\""),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\"");
  EXPECT_TRUE(Contains(SanitiseHtml("<a href='https://x.org/?q=\"><script>'>l</a>"),
                       "href=\"https://x.org/?q=&quot;&gt;&lt;script&gt;\""));
}

TEST(SanitiseHtml, UnwrapsUnknownAndPresentationalElements) {
  EXPECT_EQ(SanitiseHtml("<font color=red><center>big</center></font><blink>x</blink>"), "bigx");
}

TEST(SanitiseHtml, RefusesNonNumericTableSpans) {
  EXPECT_EQ(SanitiseHtml("<table><tr><td colspan=\"2 onclick=x\">a</td></tr></table>"),
            "<table><tbody><tr><td>a</td></tr></tbody></table>");
}

TEST(SanitiseHtml, GivesValidUtf8ForInvalidInput) {
  const std::string html = SanitiseHtml("<p>caf\xE9 \xFF\xFE ok</p>");
  EXPECT_TRUE(core::IsValidUtf8(html));
  EXPECT_TRUE(Contains(html, "ok"));
}

TEST(SanitiseHtml, BalancesUnclosedAndMisnestedTags) {
  EXPECT_EQ(SanitiseHtml("<b><i>x</b>y"), "<b><i>x</i></b><i>y</i>");
  EXPECT_EQ(SanitiseHtml("<p>open"), "<p>open</p>");
}

TEST(HtmlToText, EndsLinesAtBlocksAndCollapsesWhiteSpace) {
  EXPECT_EQ(HtmlToText("<p>Hello\n   there</p><p>Second  para</p><div>a</div><div>b</div>"),
            "Hello there\n\nSecond para\n\na\nb");
}

TEST(HtmlToText, KeepsLineBreaksAndPreformattedText) {
  EXPECT_EQ(HtmlToText("one<br>two<br><br>three<pre>a  b\n  c</pre>"),
            "one\ntwo\n\nthree\n\na  b\n  c");
}

TEST(HtmlToText, KeepsLinkTextAndListsItems) {
  EXPECT_EQ(HtmlToText("See <a href='https://x.org'>our page</a>.<ul><li>one</li><li>two</li>"
                       "</ul>"),
            "See our page.\n\n- one\n- two");
}

TEST(HtmlToText, SeparatesTableCells) {
  EXPECT_EQ(HtmlToText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a b\nc");
}

TEST(HtmlToText, GivesNoTextForDroppedElements) {
  EXPECT_EQ(HtmlToText("<title>T</title><style>x{}</style><script>s()</script>Body"), "Body");
}

TEST(HtmlToText, DecodesCharacterReferences) {
  EXPECT_EQ(HtmlToText("caf&eacute; &amp; &#x1F600; &lt;b&gt;"), "café & 😀 <b>");
}

// Hostile shapes that make an HTML5 tree builder slow or huge: deep nesting, unclosed
// formatting elements re-opened in every paragraph, misnested formatting and tables. Each must
// come back quickly, small, and with its text.
std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(SanitiseHtml, StaysFastAndSmallOnHostileShapes) {
  std::string reopen;
  for (int i = 0; i < 20000; ++i) reopen += "<p><b id=" + std::to_string(i) + ">x</p>";
  const std::pair<const char*, std::string> cases[] = {
      {"nested divs", Repeat("<div>", 200000) + "end"},
      {"re-opened formatting", reopen + "end"},
      {"unclosed formatting", Repeat("<b id=1><i id=2>", 50000) + "end"},
      {"misnested formatting", Repeat("<b><div>", 50000) + Repeat("</b>", 50000) + "end"},
      {"nested links", Repeat("<a>x<div>", 50000) + "end"},
      {"nested lists", Repeat("<ul><li>", 50000) + "end"},
      {"foster-parented text", "<table>" + Repeat("x<b>", 100000) + "end"},
      {"nested tables", Repeat("<table><tr><td>", 30000) + "end"},
      {"nested svg", "<svg>" + Repeat("<g>", 100000) + "</svg>end"},
      {"noscript nesting", "<noscript>" + Repeat("<div>", 100000) + "</noscript>end"},
  };
  for (const auto& [name, html] : cases) {
    const auto start = std::chrono::steady_clock::now();
    const SanitisedHtml result = Sanitise(html);
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took, std::chrono::seconds(1)) << name;
    EXPECT_LT(result.html.size(), 4 * html.size() + 1000) << name;
    EXPECT_TRUE(core::IsValidUtf8(result.html)) << name;
    EXPECT_TRUE(core::IsValidUtf8(result.text)) << name;
  }
}

TEST(SanitiseHtml, ReadsOnlyTheStartOfADocumentWithTooManyTags) {
  const SanitisedHtml result = Sanitise("<p>first</p>" + Repeat("<span>x</span>", 20000) + "last");
  EXPECT_TRUE(result.cut);
  EXPECT_TRUE(Contains(result.text, "first"));
  EXPECT_FALSE(Contains(result.text, "last"));
}

TEST(SanitiseHtml, KeepsTheTextOfTagsDroppedForDepth) {
  const SanitisedHtml result =
      Sanitise(Repeat("<div>", 1000) + "deep text" + Repeat("</div>", 1000));
  EXPECT_FALSE(result.cut);
  EXPECT_EQ(result.text, "deep text");
}

TEST(BoundHtml, DropsStartTagsPastTheDepthButKeepsTheirText) {
  HtmlBounds bounds;
  bounds.max_depth = 2;
  const BoundedHtml bounded = BoundHtml("<div><div><div>a</div></div></div><div>b</div>", bounds);
  EXPECT_EQ(bounded.html, "<div><div>a</div></div></div><div>b</div>");
  EXPECT_EQ(bounded.dropped_tags, 1u);
  EXPECT_FALSE(bounded.cut);
}

TEST(BoundHtml, LimitsOpenFormattingElements) {
  HtmlBounds bounds;
  bounds.max_open_formatting = 2;
  EXPECT_EQ(BoundHtml("<b><i><u>x</u></i></b><b>y</b>", bounds).html,
            "<b><i>x</u></i></b><b>y</b>");
}

TEST(BoundHtml, IgnoresTagLikeTextInQuotedAttributes) {
  HtmlBounds bounds;
  bounds.max_depth = 1;
  EXPECT_EQ(BoundHtml("<div title='<div>'>x</div><div>y</div>", bounds).html,
            "<div title='<div>'>x</div><div>y</div>");
}

TEST(BoundHtml, DropsCommentsAndScriptAndStyleContent) {
  EXPECT_EQ(BoundHtml("a<!-- <div> --><style>p{}</style><script>if (a<b) x()</script>b").html,
            "a<style></style><script></script>b");
}

TEST(BoundHtml, CutsTheDocumentBeforeTheFirstTagPastTheLimit) {
  HtmlBounds bounds;
  bounds.max_tags = 3;
  const BoundedHtml bounded = BoundHtml("<p>1</p><p>2</p><p>3</p>", bounds);
  EXPECT_EQ(bounded.html, "<p>1</p><p>2");
  EXPECT_TRUE(bounded.cut);
}

}  // namespace
}  // namespace caredesk::mail
