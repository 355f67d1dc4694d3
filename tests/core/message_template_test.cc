// Message templates in the core: kinds spelled one way, the variables each kind may use, the
// mustache scan that refuses broken templates, and the check an admin sees before saving a set
// (a missing translation, an unknown variable, an empty field, unbalanced sections).
#include "core/message_template.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/mustache_scan.h"

namespace caredesk::core {
namespace {

MessageTemplate Ack(std::string language, std::string subject = "[{{reference}}] Received",
                    std::string text =
                        "Dear {{customer_name}},\n\n{{#referred_to}}Passed to "
                        "{{referred_to}}.{{/referred_to}} Expect a reply by "
                        "{{expected_date}}.\n") {
  return {TemplateKind::kAcknowledgement, std::move(language), std::move(subject), std::move(text)};
}

// A complete set: every kind in each language, using each kind's required variables.
std::vector<MessageTemplate> CompleteSet(const std::vector<std::string>& languages) {
  std::vector<MessageTemplate> set;
  for (const auto& language : languages) {
    for (const auto kind : kAllTemplateKinds) {
      std::string text = "Hello.";
      for (const auto name : RequiredVariablesOf(kind)) text += " {{" + std::string(name) + "}}";
      set.push_back({kind, language, "A subject", text});
    }
  }
  return set;
}

std::size_t Count(const std::vector<TemplateProblem>& problems, TemplateProblemKind kind) {
  return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                [&](const auto& p) { return p.problem == kind; }));
}

TEST(TemplateKind, EveryKindRoundTripsThroughItsName) {
  for (const auto kind : kAllTemplateKinds) {
    EXPECT_EQ(ParseTemplateKind(ToString(kind)), kind) << ToString(kind);
  }
  EXPECT_EQ(ToString(TemplateKind::kStage2Acknowledgement), "stage2_acknowledgement");
  EXPECT_EQ(ToString(TemplateKind::kDueSoonAlert), "due_soon_alert");
  EXPECT_EQ(ParseTemplateKind("Acknowledgement"), std::nullopt);
  EXPECT_EQ(ParseTemplateKind(""), std::nullopt);
}

TEST(TemplateVariables, EveryKindsVariablesAreDocumentedAndIncludeItsRequiredOnes) {
  const auto all = AllTemplateVariables();
  for (const auto kind : kAllTemplateKinds) {
    const auto allowed = VariablesOf(kind);
    EXPECT_FALSE(allowed.empty()) << ToString(kind);
    for (const auto name : allowed) {
      EXPECT_TRUE(
          std::any_of(all.begin(), all.end(), [&](const auto& v) { return v.name == name; }))
          << name << " is not documented";
    }
    for (const auto name : RequiredVariablesOf(kind)) {
      EXPECT_NE(std::find(allowed.begin(), allowed.end(), name), allowed.end()) << name;
    }
  }
}

TEST(TemplateVariables, AnAcknowledgementMustNameReferenceReferralAndExpectedDate) {
  const auto required = RequiredVariablesOf(TemplateKind::kAcknowledgement);
  for (const auto name : {"reference", "referred_to", "expected_date"}) {
    EXPECT_NE(std::find(required.begin(), required.end(), name), required.end()) << name;
  }
}

TEST(MustacheScan, FindsEveryKindOfTagWithItsLine) {
  auto tags = ScanMustache("Hi {{ name }}\n{{#a}}{{{b}}}{{&c}}{{/a}}{{^d}}x{{/d}}{{! note }}");
  ASSERT_TRUE(tags) << tags.error().message;
  ASSERT_EQ(tags->size(), 8u);
  EXPECT_EQ((*tags)[0].type, MustacheTagType::kVariable);
  EXPECT_EQ((*tags)[0].name, "name");
  EXPECT_EQ((*tags)[0].line, 1u);
  EXPECT_EQ((*tags)[1].type, MustacheTagType::kSection);
  EXPECT_EQ((*tags)[1].line, 2u);
  EXPECT_EQ((*tags)[2].type, MustacheTagType::kUnescapedVariable);
  EXPECT_EQ((*tags)[2].name, "b");
  EXPECT_EQ((*tags)[3].type, MustacheTagType::kUnescapedVariable);
  EXPECT_EQ((*tags)[3].name, "c");
  EXPECT_EQ((*tags)[4].type, MustacheTagType::kSectionEnd);
  EXPECT_EQ((*tags)[5].type, MustacheTagType::kInvertedSection);
  EXPECT_EQ((*tags)[7].type, MustacheTagType::kComment);
}

TEST(MustacheScan, RefusesBrokenTemplatesNamingTheLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"ok\n{{#a}}never closed", "line 2"},
      {"{{/a}}", "not open"},
      {"{{#a}}{{#b}}{{/a}}{{/b}}", "must be closed first"},
      {"{{name", "never closed"},
      {"{{{name}}", "never closed"},
      {"{{}}", "does not name"},
      {"{{two words}}", "does not name"},
      {"{{> partial}}", "partials"},
      {"{{=<% %>=}}", "delimiters"},
  };
  std::string deep;
  for (int i = 0; i < 17; ++i) deep += "{{#a}}";
  for (int i = 0; i < 17; ++i) deep += "{{/a}}";
  EXPECT_TRUE(ScanMustache(deep.substr(6, deep.size() - 12)));
  auto too_deep = ScanMustache(deep);
  ASSERT_FALSE(too_deep);
  EXPECT_NE(too_deep.error().message.find("nested more than 16 deep"), std::string::npos);
  for (const auto& [text, expected] : cases) {
    auto tags = ScanMustache(text);
    ASSERT_FALSE(tags) << text;
    EXPECT_EQ(tags.error().code, ErrorCode::kInvalid);
    EXPECT_NE(tags.error().message.find(expected), std::string::npos)
        << text << ": " << tags.error().message;
  }
}

TEST(CheckTemplates, ACompleteSetInEveryLanguageHasNoProblems) {
  const std::vector<std::string> languages = {"en", "es"};
  const auto set = CompleteSet(languages);
  const auto problems = CheckTemplates(set, languages);
  for (const auto& p : problems) ADD_FAILURE() << p.message;
}

TEST(CheckTemplates, FlagsAMissingSpanishTranslation) {
  const std::vector<std::string> languages = {"en", "es"};
  auto set = CompleteSet(languages);
  std::erase_if(set, [](const MessageTemplate& t) {
    return t.language == "es" && t.kind == TemplateKind::kHoldingReply;
  });
  const auto problems = CheckTemplates(set, languages);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].problem, TemplateProblemKind::kMissingTranslation);
  EXPECT_EQ(problems[0].kind, TemplateKind::kHoldingReply);
  EXPECT_EQ(problems[0].language, "es");
  EXPECT_NE(problems[0].message.find("holding_reply"), std::string::npos);
}

TEST(CheckTemplates, AnEnglishOnlySetMissesEveryKindInSpanish) {
  const auto set = CompleteSet({"en"});
  const std::vector<std::string> languages = {"en", "es"};
  const auto problems = CheckTemplates(set, languages);
  EXPECT_EQ(Count(problems, TemplateProblemKind::kMissingTranslation), kAllTemplateKinds.size());
}

TEST(CheckTemplates, FlagsAnUnknownVariableOnceWithItsLine) {
  const std::vector<std::string> languages = {"en"};
  auto set = CompleteSet(languages);
  set[0] = Ack("en", "[{{reference}}] Received",
               "{{#referred_to}}{{referred_to}}{{/referred_to}} by {{expected_date}}\n"
               "Take the survey: {{survey_url}} {{survey_url}} {{customer_nmae}}");
  const auto problems = CheckTemplates(set, languages);
  ASSERT_EQ(Count(problems, TemplateProblemKind::kUnknownVariable), 2u);
  EXPECT_EQ(problems[0].field, "text");
  EXPECT_NE(problems[0].message.find("`survey_url`"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[0].message.find("line 2"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[1].message.find("`customer_nmae`"), std::string::npos);
}

TEST(CheckTemplates, FlagsEmptyFieldsAndUnbalancedSections) {
  const std::vector<std::string> languages = {"en"};
  auto set = CompleteSet(languages);
  set[0] = Ack("en", "  ");
  set[1].text = "{{#delay_reason}}Because {{delay_reason}}.";
  const auto problems = CheckTemplates(set, languages);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].problem, TemplateProblemKind::kEmpty);
  EXPECT_EQ(problems[0].field, "subject");
  EXPECT_EQ(problems[1].problem, TemplateProblemKind::kSyntax);
  EXPECT_EQ(problems[1].kind, TemplateKind::kHoldingReply);
  EXPECT_NE(problems[1].message.find("never closed"), std::string::npos) << problems[1].message;
}

TEST(CheckTemplates, FlagsAnAcknowledgementThatDoesNotSayWhenToExpectAResponse) {
  const std::vector<std::string> languages = {"en"};
  auto set = CompleteSet(languages);
  set[0] = Ack("en", "[{{reference}}] Received",
               "{{#referred_to}}Passed to {{referred_to}}.{{/referred_to}}");
  const auto problems = CheckTemplates(set, languages);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].problem, TemplateProblemKind::kMissingVariable);
  EXPECT_NE(problems[0].message.find("expected_date"), std::string::npos);
}

TEST(CheckTemplates, FlagsTwoTemplatesForOneKindAndLanguage) {
  const std::vector<std::string> languages = {"en"};
  auto set = CompleteSet(languages);
  set.push_back(set[0]);
  const auto problems = CheckTemplates(set, languages);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].problem, TemplateProblemKind::kDuplicate);
}

TEST(SelectTemplate, PrefersTheReadersLanguageThenItsPrimaryTagThenTheFallback) {
  const auto set = CompleteSet({"en", "es"});
  const auto kind = TemplateKind::kReply;
  EXPECT_EQ(SelectTemplate(set, kind, "es", "en")->language, "es");
  EXPECT_EQ(SelectTemplate(set, kind, "es-MX", "en")->language, "es");
  EXPECT_EQ(SelectTemplate(set, kind, "fr", "en")->language, "en");
  EXPECT_EQ(SelectTemplate(set, kind, "", "es")->language, "es");
  EXPECT_EQ(SelectTemplate(set, kind, "fr", "de"), nullptr);
  EXPECT_EQ(SelectTemplate(set, kind, "es", "en")->kind, kind);
}

}  // namespace
}  // namespace caredesk::core
