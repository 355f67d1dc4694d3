// The corpus of malformed and hostile inbound mail: each message in tests/mail/corpus/ (or built
// here, when too big to store) with its expected outcome and key facts, written down in
// tests/mail/corpus/expectations.txt so a reader can follow them without C++. Every case also
// checks what holds for all mail: valid UTF-8 without NUL in every string, and under a second.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/instant.h"
#include "core/utf8.h"
#include "mail/mime_parser.h"

namespace caredesk::mail {
namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(CAREDESK_SOURCE_DIR) / "tests/mail/corpus";

struct Case {
  std::string file;
  std::string outcome;
  std::vector<std::string> facts;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.file; }

std::string Repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::string NestedRfc822(int levels) {
  std::string message =
      "From: inner@example.es\nSubject: innermost\n\nlevel " + std::to_string(levels) + " body\n";
  for (int level = levels - 1; level >= 1; --level) {
    message = "From: level" + std::to_string(level) + "@example.es\nSubject: level " +
              std::to_string(level) +
              "\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"L" +
              std::to_string(level) + "\"\n\n--L" + std::to_string(level) +
              "\nContent-Type: text/plain\n\nlevel " + std::to_string(level) + " body\n--L" +
              std::to_string(level) + "\nContent-Type: message/rfc822\n\n" + message + "\n--L" +
              std::to_string(level) + "--\n";
  }
  return message;
}

// The messages too big or too repetitive to keep as files.
const std::map<std::string, std::function<std::string()>>& Generated() {
  static const std::map<std::string, std::function<std::string()>> generated = {
      {"017-extremely-long-line.eml",
       [] {
         return "From: ana@example.es\nSubject: One long line\n\n" + Repeat("abcdefghij", 200000) +
                "\n";
       }},
      {"049-five-thousand-parts.eml",
       [] {
         std::string message =
             "From: ana@example.es\nSubject: Parts\nContent-Type: multipart/mixed; boundary=p\n\n";
         for (int i = 0; i < 5000; ++i) {
           message += "--p\nContent-Type: text/plain\nContent-Disposition: attachment; filename=p" +
                      std::to_string(i) + ".txt\n\nx\n";
         }
         return message + "--p--\n";
       }},
      {"050-header-300k.eml",
       [] {
         return "From: ana@example.es\n" +
                Repeat("X-Filler: " + std::string(990, 'a') + "\n", 300) +
                "Subject: Big header\n\nBody.\n";
       }},
      {"051-nested-rfc822-20-deep.eml", [] { return NestedRfc822(20); }},
      {"052-nested-multipart-2000-deep.eml",
       [] {
         std::string message =
             "From: ana@example.es\nSubject: Deep\nContent-Type: multipart/mixed; boundary=b0\n\n";
         for (int i = 0; i < 2000; ++i) {
           message += "--b" + std::to_string(i) + "\nContent-Type: multipart/mixed; boundary=b" +
                      std::to_string(i + 1) + "\n\n";
         }
         return message + "--b2000\nContent-Type: text/plain\n\ndeepest\n";
       }},
      {"053-fifty-megabytes.eml",
       [] {
         return "From: ana@example.es\nSubject: Huge\n\n" +
                Repeat(std::string(99, 'x') + "\n", 524288);
       }},
      {"054-attachment-over-limit.eml",
       [] {
         // 12 MiB once decoded: 16 MiB of base64 lines of 76 characters.
         const std::string line = Repeat("QUJD", 19) + "\n";
         return "From: ana@example.es\nSubject: Big attachment\nMIME-Version: 1.0\n"
                "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: text/plain\n\n"
                "Too big to keep.\n--a\nContent-Type: application/zip; name=big.zip\n"
                "Content-Transfer-Encoding: base64\n\n" +
                Repeat(line, 12 * 1024 * 1024 / 57 + 1) + "--a--\n";
       }},
      {"055-html-reopen-bomb.eml",
       [] {
         std::string html = "<p>start</p>";
         for (int i = 0; i < 20000; ++i) html += "<p><b id=" + std::to_string(i) + ">x</p>";
         return "From: ana@example.es\nSubject: Formatting bomb\nContent-Type: text/html\n\n" +
                html;
       }},
      {"056-many-small-headers.eml",
       [] {
         std::string message = "From: ana@example.es\n";
         for (int i = 0; i < 5000; ++i) {
           message += "Received: from hop" + std::to_string(i) + ".example by mx\n";
         }
         return message + "Subject: Many hops\n\nBody.\n";
       }},
      {"057-html-nested-100k.eml",
       [] {
         return "From: ana@example.es\nSubject: Deep HTML\nContent-Type: text/html\n\n<p>top</p>" +
                Repeat("<div>", 100000) + "bottom";
       }},
      {"058-four-million-empty-parts.eml",
       [] {
         return "From: ana@example.es\nSubject: Empty parts\nContent-Type: multipart/mixed; "
                "boundary=b\n\n" +
                Repeat("--b\n\nx\n", 4000000);
       }},
      {"059-part-header-flood.eml",
       [] {
         return "From: ana@example.es\nSubject: Part headers\nContent-Type: multipart/mixed; "
                "boundary=b\n\n--b\nContent-Type: text/plain\n\nBefore the flood.\n--b\n" +
                Repeat("a:b\n", 5000000) + "\nx\n--b--\n";
       }},
      {"060-attached-message-header-flood.eml",
       [] {
         return "From: ana@example.es\nSubject: Embedded headers\nContent-Type: multipart/mixed; "
                "boundary=b\n\n--b\nContent-Type: message/rfc822\n\n" +
                Repeat("a:b\n", 5000000) + "\nx\n--b--\n";
       }},
      {"061-cr-only-many-parts.eml",
       [] {
         return "From: ana@example.es\rSubject: CR only\rContent-Type: multipart/mixed; "
                "boundary=b\r\r" +
                Repeat("--b\r\rx\r", 400000);
       }},
      {"062-header-line-flood.eml",
       [] { return "From: ana@example.es\n" + Repeat("a:b\n", 20000) + "\nBody.\n"; }},
  };
  return generated;
}

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::ifstream in(kCorpus / "expectations.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t bar = line.find(" | ", start);
      fields.push_back(line.substr(start, bar - start));
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
    Case c{fields[0], fields.size() > 1 ? fields[1] : "", {}};
    for (std::size_t i = 2; i < fields.size(); ++i) {
      std::string fact;
      for (std::size_t k = 0; k < fields[i].size(); ++k) {
        if (fields[i].compare(k, 2, "\\n") == 0) {
          fact += '\n';
          ++k;
        } else {
          fact += fields[i][k];
        }
      }
      c.facts.push_back(fact);
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string Raw(const Case& c) {
  if (const auto found = Generated().find(c.file); found != Generated().end()) {
    return found->second();
  }
  std::ifstream in(kCorpus / c.file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const char* AutomatedName(core::Automated automated) {
  switch (automated) {
    case core::Automated::kNo:
      return "no";
    case core::Automated::kAutoReply:
      return "auto_reply";
    case core::Automated::kBounce:
      return "bounce";
    case core::Automated::kMailingList:
      return "mailing_list";
  }
  return "?";
}

bool AnyEquals(const std::vector<std::string>& values, const std::string& wanted) {
  return std::find(values.begin(), values.end(), wanted) != values.end();
}

bool AnyContains(const std::vector<std::string>& values, const std::string& part) {
  return std::any_of(values.begin(), values.end(), [&](const std::string& value) {
    return value.find(part) != std::string::npos;
  });
}

// Checks one fact; the failure message says what was found instead.
::testing::AssertionResult Holds(const std::string& fact,
                                 const core::Result<core::InboundMail>& r) {
  if (fact == "generated") return ::testing::AssertionSuccess();
  const auto fail = [&](const std::string& found) {
    return ::testing::AssertionFailure()
           << "fact \"" << fact << "\" does not hold; found: " << found;
  };
  if (fact.starts_with("error contains ")) {
    const std::string part = fact.substr(15);
    if (r.has_value()) return fail("no error");
    return r.error().message.find(part) != std::string::npos ? ::testing::AssertionSuccess()
                                                             : fail(r.error().message);
  }
  if (!r.has_value()) return fail("refused: " + r.error().message);
  const core::InboundMail& mail = *r;
  std::vector<std::string> filenames;
  for (const auto& attachment : mail.attachments) filenames.push_back(attachment.filename);
  const std::map<std::string, std::string> fields = {
      {"subject", mail.subject},
      {"from", mail.from_address},
      {"from_name", mail.from_name},
      {"message_id", mail.message_id},
      {"in_reply_to", mail.in_reply_to},
      {"text", mail.text},
      {"html", mail.html},
      {"date", mail.date ? core::FormatUtc(*mail.date) : "none"},
      {"automated", AutomatedName(mail.automated)},
      {"attachments", std::to_string(mail.attachments.size())},
      {"references", std::to_string(mail.references.size())},
  };
  for (const auto& [verb, wanted] : {std::pair{" contains ", true}, std::pair{" lacks ", false}}) {
    const std::size_t at = fact.find(verb);
    if (at == std::string::npos) continue;
    const std::string field = fact.substr(0, at);
    const std::string part = fact.substr(at + std::strlen(verb));
    if (field == "problem") {
      return AnyContains(mail.problems, part) == wanted
                 ? ::testing::AssertionSuccess()
                 : fail(::testing::PrintToString(mail.problems));
    }
    const auto value = fields.find(field);
    if (value == fields.end()) return fail("an unknown field");
    return (value->second.find(part) != std::string::npos) == wanted ? ::testing::AssertionSuccess()
                                                                     : fail(value->second);
  }
  if (fact.ends_with(" empty")) {
    const auto value = fields.find(fact.substr(0, fact.size() - 6));
    if (value == fields.end()) return fail("an unknown field");
    return value->second.empty() ? ::testing::AssertionSuccess() : fail(value->second);
  }
  const std::size_t equals = fact.find('=');
  if (equals == std::string::npos) return fail("a fact this test cannot read");
  const std::string field = fact.substr(0, equals);
  const std::string wanted = fact.substr(equals + 1);
  if (field == "to") {
    return AnyEquals(mail.to, wanted) ? ::testing::AssertionSuccess()
                                      : fail(::testing::PrintToString(mail.to));
  }
  if (field == "attachment") {
    return AnyEquals(filenames, wanted) ? ::testing::AssertionSuccess()
                                        : fail(::testing::PrintToString(filenames));
  }
  const auto value = fields.find(field);
  if (value == fields.end()) return fail("an unknown field");
  return value->second == wanted ? ::testing::AssertionSuccess() : fail(value->second);
}

std::vector<std::string> EveryString(const core::InboundMail& mail) {
  std::vector<std::string> all = {mail.message_id, mail.in_reply_to, mail.from_address,
                                  mail.from_name,  mail.subject,     mail.text,
                                  mail.html};
  all.insert(all.end(), mail.references.begin(), mail.references.end());
  all.insert(all.end(), mail.to.begin(), mail.to.end());
  all.insert(all.end(), mail.problems.begin(), mail.problems.end());
  for (const auto& attachment : mail.attachments) {
    all.push_back(attachment.filename);
    all.push_back(attachment.content_type);
  }
  return all;
}

class MailCorpus : public ::testing::TestWithParam<Case> {};

TEST_P(MailCorpus, GivesTheExpectedOutcomeAndFacts) {
  const Case& c = GetParam();
  const bool generated = Generated().contains(c.file);
  ASSERT_TRUE(generated || std::filesystem::exists(kCorpus / c.file)) << c.file << " is missing";
  const std::string raw = Raw(c);
  const auto start = std::chrono::steady_clock::now();
  const core::Result<core::InboundMail> result = ParseMail(raw);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(1));
  if (c.outcome == "refused") {
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, core::ErrorCode::kInvalid);
    EXPECT_EQ(result.error().field, "message");
  } else {
    ASSERT_TRUE(result.has_value()) << result.error().message;
    ASSERT_TRUE(c.outcome == "parsed" || c.outcome == "raw") << "unknown outcome " << c.outcome;
    EXPECT_EQ(AnyContains(result->problems, "could not be parsed; kept as raw"), c.outcome == "raw")
        << ::testing::PrintToString(result->problems);
    for (const std::string& text : EveryString(*result)) {
      EXPECT_TRUE(core::IsValidUtf8(text)) << ::testing::PrintToString(text.substr(0, 200));
      EXPECT_EQ(text.find('\0'), std::string::npos)
          << ::testing::PrintToString(text.substr(0, 200));
    }
  }
  for (const std::string& fact : c.facts) EXPECT_TRUE(Holds(fact, result));
}

INSTANTIATE_TEST_SUITE_P(Corpus, MailCorpus, ::testing::ValuesIn(LoadCases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name =
                               "m" + info.param.file.substr(0, info.param.file.rfind('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(MailCorpusFiles, EveryFileHasAnExpectationAndThereAreEnoughCases) {
  const std::vector<Case> cases = LoadCases();
  EXPECT_GE(cases.size(), 35u);
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".eml") continue;
    const std::string file = entry.path().filename().string();
    EXPECT_TRUE(
        std::any_of(cases.begin(), cases.end(), [&](const Case& c) { return c.file == file; }))
        << file << " has no line in expectations.txt";
  }
  for (const Case& c : cases) EXPECT_FALSE(c.facts.empty()) << c.file << " checks no fact";
}

}  // namespace
}  // namespace caredesk::mail
