// Rendering message templates: every shipped template renders in English and Spanish with sample
// values and passes the core's check; values are literal in the text and escaped in the HTML;
// only caredesk's own links are linked; the customer's adjustments (plain text only, large print)
// shape the HTML; a broken template is an error, not a half-rendered message.
#include "mail/template_renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "mail/default_templates.h"

namespace caredesk::mail {
namespace {

using core::TemplateKind;

const core::MessageTemplate& Default(TemplateKind kind, std::string_view language) {
  static const auto templates = DefaultTemplates();
  const auto* found = core::SelectTemplate(templates, kind, language, "");
  if (found == nullptr) {
    ADD_FAILURE() << "no default " << core::ToString(kind) << " in " << language;
    return templates.front();
  }
  return *found;
}

bool Has(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

TEST(DefaultTemplates, EveryShippedFileParsesAndTheSetIsCompleteInEnglishAndSpanish) {
  const auto files = DefaultTemplateFiles();
  const auto templates = DefaultTemplates();
  EXPECT_EQ(files.size(), 2 * core::kAllTemplateKinds.size());
  EXPECT_EQ(templates.size(), files.size());
  for (const auto& file : files) {
    auto parsed = ParseTemplateFile(file.language, file.kind, file.content);
    EXPECT_TRUE(parsed) << file.language << "/" << file.kind << ": " << parsed.error().message;
  }
  const std::vector<std::string> languages = {"en", "es"};
  for (const auto& problem : core::CheckTemplates(templates, languages)) {
    ADD_FAILURE() << problem.language << "/" << core::ToString(problem.kind) << ": "
                  << problem.message;
  }
}

TEST(DefaultTemplates, EveryTemplateRendersInEnglishAndSpanishWithNoTagLeft) {
  for (const auto& tmpl : DefaultTemplates()) {
    SCOPED_TRACE(tmpl.language + "/" + std::string(core::ToString(tmpl.kind)));
    auto message = Preview(tmpl);
    ASSERT_TRUE(message) << message.error().message;
    EXPECT_TRUE(Has(message->subject, "[CD-2026-000123]")) << message->subject;
    EXPECT_TRUE(Has(message->text, "CD-2026-000123"));
    for (const auto* part : {&message->subject, &message->text, &message->html}) {
      EXPECT_FALSE(Has(*part, "{{")) << *part;
      EXPECT_FALSE(Has(*part, "}}")) << *part;
    }
    EXPECT_FALSE(Has(message->subject, "\n"));
    EXPECT_FALSE(Has(message->text, "\n\n\n")) << message->text;
    EXPECT_TRUE(message->text.ends_with(".\n") || message->text.ends_with("\n"));
    EXPECT_TRUE(Has(message->html, "<html lang=\"" + tmpl.language + "\">"));
  }
}

TEST(DefaultTemplates, TheAcknowledgementNamesReferenceReferralAndExpectedDate) {
  auto en = Preview(Default(TemplateKind::kAcknowledgement, "en"));
  ASSERT_TRUE(en);
  EXPECT_EQ(en->subject, "[CD-2026-000123] We have received your complaint");
  EXPECT_TRUE(Has(en->text, "Your reference is CD-2026-000123."));
  EXPECT_TRUE(Has(en->text, "We have passed your case to Sam Patel (Certificates team)"));
  EXPECT_TRUE(Has(en->text, "You can expect our full response by Wednesday 11 March 2026."));

  auto es = Preview(Default(TemplateKind::kAcknowledgement, "es"));
  ASSERT_TRUE(es);
  EXPECT_EQ(es->subject, "[CD-2026-000123] Hemos recibido su queja");
  EXPECT_TRUE(Has(es->text, "Estimado/a Lucía Fernández:"));
  EXPECT_TRUE(Has(es->text, "La referencia de su caso es CD-2026-000123."));
  EXPECT_TRUE(Has(es->text, "Hemos remitido su caso a Marta Ruiz (equipo de Certificados)"));
  EXPECT_TRUE(Has(es->text, "a más tardar, el miércoles, 11 de marzo de 2026."));
}

TEST(DefaultTemplates, AnAcknowledgementNotYetReferredOrNotAComplaintSaysSo) {
  auto values = SampleValues(TemplateKind::kAcknowledgement, "en");
  values["referred_to"] = "";
  values["is_complaint"] = "";
  values["customer_name"] = "";
  auto message = Render(Default(TemplateKind::kAcknowledgement, "en"), values);
  ASSERT_TRUE(message);
  EXPECT_EQ(message->subject, "[CD-2026-000123] We have received your message");
  EXPECT_TRUE(message->text.starts_with("Dear customer,\n\n")) << message->text;
  EXPECT_TRUE(Has(message->text, "A member of our team will look into it"));
  EXPECT_FALSE(Has(message->text, "passed your case"));
  EXPECT_FALSE(Has(message->text, "sorry that you have had cause to complain"));
}

TEST(DefaultTemplates, TheHoldingReplyGivesTheNewDateAndTheReason) {
  for (const std::string language : {"en", "es"}) {
    const auto values = SampleValues(TemplateKind::kHoldingReply, language);
    auto message = Render(Default(TemplateKind::kHoldingReply, language), values);
    ASSERT_TRUE(message);
    EXPECT_TRUE(Has(message->text, values.at("new_expected_date"))) << message->text;
    EXPECT_TRUE(Has(message->text, values.at("delay_reason"))) << message->text;
  }
}

TEST(DefaultTemplates, TheSuggestionOutcomeGivesReasonsWhenNotAdopted) {
  auto values = SampleValues(TemplateKind::kSuggestionOutcome, "en");
  values["adopted"] = "";
  values["outcome_text"] = "The cost would be more than the benefit to customers.";
  auto message = Render(Default(TemplateKind::kSuggestionOutcome, "en"), values);
  ASSERT_TRUE(message);
  EXPECT_TRUE(Has(message->text, "for the following reasons:\nThe cost would be")) << message->text;
  EXPECT_FALSE(Has(message->text, "we have acted on it"));
}

TEST(Render, AValueIsLiteralInTheTextAndEscapedInTheHtml) {
  auto values = SampleValues(TemplateKind::kReply, "en");
  values["reply_text"] = "Use <script>alert('x')</script> & \"quotes\"";
  auto message = Render(Default(TemplateKind::kReply, "en"), values);
  ASSERT_TRUE(message);
  EXPECT_TRUE(Has(message->text, "Use <script>alert('x')</script> & \"quotes\"")) << message->text;
  EXPECT_FALSE(Has(message->html, "<script>"));
  EXPECT_TRUE(Has(message->html,
                  "Use &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
      << message->html;
}

TEST(Render, AValueThatLooksLikeATagIsNotExpandedAgain) {
  auto values = SampleValues(TemplateKind::kReply, "en");
  values["reply_text"] = "{{reference}} and {{#x}}";
  auto message = Render(Default(TemplateKind::kReply, "en"), values);
  ASSERT_TRUE(message);
  EXPECT_TRUE(Has(message->text, "{{reference}} and {{#x}}"));
}

TEST(Render, PlainTextOnlyLeavesTheHtmlEmptyAndLargePrintEnlargesIt) {
  const auto& tmpl = Default(TemplateKind::kAcknowledgement, "en");
  auto plain = Preview(tmpl, "", {.plain_text_only = true});
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->html.empty());
  EXPECT_FALSE(plain->text.empty());

  auto normal = Preview(tmpl);
  auto large = Preview(tmpl, "", {.large_print = true});
  ASSERT_TRUE(normal && large);
  EXPECT_TRUE(Has(normal->html, "font-size:100%"));
  EXPECT_TRUE(Has(large->html, "font-size:150%"));
  EXPECT_EQ(normal->text, large->text);
}

TEST(Render, TheHtmlHasOneParagraphPerBlankLineSeparatedBlockAndATitle) {
  const core::MessageTemplate tmpl{TemplateKind::kReply, "en", "[{{reference}}] Hi",
                                   "First line\nsecond line\n\n\n\nNext paragraph {{reply_text}}"};
  auto message = Render(tmpl, {{"reference", "CD-1"}, {"reply_text", "x"}});
  ASSERT_TRUE(message);
  EXPECT_EQ(message->text, "First line\nsecond line\n\nNext paragraph x\n");
  EXPECT_TRUE(Has(message->html, "<title>[CD-1] Hi</title>"));
  EXPECT_TRUE(Has(message->html, "First line<br>\nsecond line</p>"));
  EXPECT_EQ(std::count(message->text.begin(), message->text.end(), '\n'), 4);
  std::size_t paragraphs = 0;
  for (std::size_t pos = 0; (pos = message->html.find("<p ", pos)) != std::string::npos; ++pos) {
    ++paragraphs;
  }
  EXPECT_EQ(paragraphs, 2u);
}

TEST(Render, OnlyCaredesksOwnLinksAreLinked) {
  auto values = SampleValues(TemplateKind::kReply, "en");
  values["reply_text"] = "See https://phish.example.net/login for details.";
  auto message = Render(Default(TemplateKind::kReply, "en"), values);
  ASSERT_TRUE(message);
  EXPECT_TRUE(Has(message->html, "<a href=\"https://care.example.org/track/CD-2026-000123\""));
  EXPECT_FALSE(Has(message->html, "href=\"https://phish"));

  values["track_url"] = "javascript:alert(1)";
  auto unsafe = Render(Default(TemplateKind::kReply, "en"), values);
  ASSERT_TRUE(unsafe);
  EXPECT_FALSE(Has(unsafe->html, "<a "));
}

TEST(Render, TheSubjectIsOneLine) {
  const core::MessageTemplate tmpl{TemplateKind::kServiceNotice, "en", "{{notice_title}}\n  x",
                                   "{{notice_text}}"};
  auto message = Render(tmpl, {{"notice_title", "Phones\r\ndown\tnow"}, {"notice_text", "t"}});
  ASSERT_TRUE(message);
  EXPECT_EQ(message->subject, "Phones down now x");
}

TEST(Render, ABrokenTemplateIsAnErrorNamingTheField) {
  core::MessageTemplate tmpl{TemplateKind::kReply, "en", "[{{reference}}] Reply",
                             "{{#is_complaint}}Sorry.\n{{reply_text}}"};
  auto text = Render(tmpl, {});
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(text.error().field, "text");
  EXPECT_TRUE(Has(text.error().message, "never closed")) << text.error().message;

  tmpl.subject = "[{{reference}] Reply";
  tmpl.text = "ok";
  auto subject = Render(tmpl, {});
  ASSERT_FALSE(subject);
  EXPECT_EQ(subject.error().field, "subject");
}

TEST(Render, ArbitraryTemplateTextRendersOrIsRefusedButNeverCrashes) {
  constexpr std::string_view kPieces[] = {"{{", "}}", "{{{", "}}}",       "#", "^",  "/", "&", "!",
                                          ">",  "=",  "a",   "reference", " ", "\n", "{", "}", "<"};
  std::mt19937 random(20260302);
  const MessageValues values = {{"a", "x"}, {"reference", "CD-1"}};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += kPieces[random() % std::size(kPieces)];
    const core::MessageTemplate tmpl{TemplateKind::kReply, "en", "s", text};
    auto message = Render(tmpl, values);
    if (!message) {
      EXPECT_EQ(message.error().code, core::ErrorCode::kInvalid) << text;
      EXPECT_EQ(message.error().field, "text") << text;
    }
  }
}

TEST(Render, AValueThatIsNotUtf8IsRefused) {
  auto values = SampleValues(TemplateKind::kReply, "en");
  values["reply_text"] = "caf\xE9";
  auto message = Render(Default(TemplateKind::kReply, "en"), values);
  ASSERT_FALSE(message);
  EXPECT_EQ(message.error().field, "reply_text");
}

TEST(TemplateFile, ReadsCrlfAndAByteOrderMarkAndWritesBackTheSameTemplate) {
  auto parsed = ParseTemplateFile("es", "reply",
                                  "\xEF\xBB\xBFSubject:  Hola {{reference}} \r\n\r\n"
                                  "Texto\r\n\r\nOtro\r\n");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->kind, TemplateKind::kReply);
  EXPECT_EQ(parsed->language, "es");
  EXPECT_EQ(parsed->subject, "Hola {{reference}}");
  EXPECT_EQ(parsed->text, "Texto\n\nOtro\n");
  auto again = ParseTemplateFile("es", "reply", FormatTemplateFile(*parsed));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->subject, parsed->subject);
  EXPECT_EQ(again->text, parsed->text);
}

TEST(TemplateFile, RefusesAFileWithoutSubjectLineOrKind) {
  EXPECT_EQ(ParseTemplateFile("en", "reply", "Hello\n\nBody").error().field, "subject");
  EXPECT_EQ(ParseTemplateFile("en", "reply", "Subject: x\nBody").error().field, "text");
  EXPECT_EQ(ParseTemplateFile("en", "letter", "Subject: x\n\nBody").error().field, "kind");
}

}  // namespace
}  // namespace caredesk::mail
