// Parsing inbound mail: what an ordinary message gives, how each limit acts, how machines'
// messages are recognised, and that parsing is safe from several threads and fast enough for a
// busy mailbox. The malformed and hostile messages are in the corpus (mime_corpus_test.cc).
#include "mail/mime_parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "core/instant.h"
#include "core/utf8.h"
#include "mail/inbound_text.h"

namespace caredesk::mail {
namespace {

bool AnyContains(const std::vector<std::string>& values, std::string_view part) {
  for (const auto& value : values) {
    if (value.find(part) != std::string::npos) return true;
  }
  return false;
}

core::InboundMail Parse(const std::string& raw, const MailLimits& limits = {}) {
  auto result = ParseMail(raw, limits);
  EXPECT_TRUE(result.has_value()) << result.error().message;
  return result.has_value() ? *result : core::InboundMail{};
}

// An ordinary complaint: a plain and an HTML alternative, a PDF, about 12 KB.
std::string OrdinaryMessage() {
  std::string paragraph =
      "I am writing to complain about the service I received at your office on Monday. I waited "
      "for two hours and nobody could tell me where my certificate was.\r\n";
  std::string plain;
  std::string html = "<html><body>";
  for (int i = 0; i < 20; ++i) {
    plain += paragraph;
    html += "<p style=\"margin:0\">" + paragraph + "</p>";
  }
  html += "</body></html>";
  std::string pdf;
  for (int i = 0; i < 40; ++i)
    pdf += "JVBERi0xLjQKJcOkw7zDtsOfCjIgMCBvYmoKPDwvTGVuZ3RoIDMgMCBSL0ZpbHRl\r\n";
  return "Return-Path: <ana@example.es>\r\n"
         "Received: from mx.example.es by mx.care.example.org; Mon, 2 Mar 2026 10:15:02 +0100\r\n"
         "From: =?utf-8?q?Ana_Mar=C3=ADa_Ruiz?= <Ana.Ruiz@Example.ES>\r\n"
         "To: Customer Care <care@example.org>\r\n"
         "Subject: =?utf-8?q?Queja:_atenci=C3=B3n?= [CD-2026-000123]\r\n"
         "Date: Mon, 2 Mar 2026 10:15:00 +0100\r\n"
         "Message-ID: <CAF=abc123@mail.example.es>\r\n"
         "In-Reply-To: <ack-1@care.example.org>\r\n"
         "References: <case-1@care.example.org> <ack-1@care.example.org>\r\n"
         "MIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed; boundary=\"mixed\"\r\n\r\n"
         "--mixed\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
         "--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
         plain + "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html +
         "\r\n--alt--\r\n"
         "--mixed\r\nContent-Type: application/PDF; name=\"receipt.pdf\"\r\n"
         "Content-Disposition: attachment; filename=\"receipt.pdf\"\r\n"
         "Content-Transfer-Encoding: base64\r\n\r\n" +
         pdf + "--mixed--\r\n";
}

TEST(ParseMail, ReadsTheEnvelopeOfAnOrdinaryMessage) {
  const core::InboundMail mail = Parse(OrdinaryMessage());
  EXPECT_EQ(mail.message_id, "CAF=abc123@mail.example.es");
  EXPECT_EQ(mail.in_reply_to, "ack-1@care.example.org");
  EXPECT_EQ(mail.references,
            (std::vector<std::string>{"case-1@care.example.org", "ack-1@care.example.org"}));
  EXPECT_EQ(mail.from_address, "ana.ruiz@example.es");
  EXPECT_EQ(mail.from_name, "Ana María Ruiz");
  EXPECT_EQ(mail.to, std::vector<std::string>{"care@example.org"});
  EXPECT_EQ(mail.subject, "Queja: atención [CD-2026-000123]");
  ASSERT_TRUE(mail.date.has_value());
  EXPECT_EQ(core::FormatUtc(*mail.date), "2026-03-02T09:15:00Z");
  EXPECT_EQ(mail.automated, core::Automated::kNo);
  EXPECT_TRUE(mail.problems.empty()) << ::testing::PrintToString(mail.problems);
}

TEST(ParseMail, PrefersThePlainTextAndKeepsTheSanitisedHtml) {
  const core::InboundMail mail = Parse(OrdinaryMessage());
  EXPECT_TRUE(mail.text.starts_with("I am writing to complain")) << mail.text.substr(0, 80);
  EXPECT_EQ(mail.text.find('\r'), std::string::npos);
  EXPECT_TRUE(mail.html.starts_with("<p>I am writing")) << mail.html.substr(0, 80);
  EXPECT_EQ(mail.html.find("style"), std::string::npos);
}

TEST(ParseMail, KeepsAttachmentsWithLowerCaseTypes) {
  const core::InboundMail mail = Parse(OrdinaryMessage());
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "receipt.pdf");
  EXPECT_EQ(mail.attachments[0].content_type, "application/pdf");
  EXPECT_TRUE(mail.attachments[0].bytes.starts_with("%PDF-1.4"));
}

TEST(ParseMail, TakesTheTextOfTheHtmlWhenThereIsNoPlainPart) {
  const core::InboundMail mail = Parse(
      "From: a@example.es\nContent-Type: text/html; charset=utf-8\n\n"
      "<p>Hello <script>x()</script><b>team</b></p><p>Second</p>");
  EXPECT_EQ(mail.text, "Hello team\n\nSecond");
  EXPECT_EQ(mail.html, "<p>Hello <b>team</b></p><p>Second</p>");
}

TEST(ParseMail, TreatsANamedInlineTextPartAsAnAttachment) {
  const core::InboundMail mail = Parse(
      "From: a@example.es\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
      "Content-Type: text/plain\n\nBody.\n--b\nContent-Type: text/plain; name=notes.txt\n"
      "Content-Disposition: inline; filename=notes.txt\n\nNotes.\n--b--\n");
  EXPECT_EQ(mail.text, "Body.");
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "notes.txt");
}

TEST(ParseMail, RefusesAMessageOverTheSizeLimit) {
  MailLimits limits;
  limits.max_message_bytes = 1000;
  const auto result = ParseMail("From: a@example.es\n\n" + std::string(2000, 'x'), limits);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(result.error().field, "message");
  EXPECT_EQ(result.error().message,
            "the message is 2020 bytes, larger than the limit of 1000 bytes");
}

TEST(ParseMail, RefusesHeadersOverTheLimitEvenWithoutABody) {
  MailLimits limits;
  limits.max_header_bytes = 1024;
  const auto result = ParseMail("From: a@example.es\nX-Long: " + std::string(2000, 'a'), limits);
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message.find("headers"), std::string::npos);
}

TEST(ParseMail, DropsAttachmentsOverTheLimitAndSaysSo) {
  MailLimits limits;
  limits.max_attachment_bytes = 4;
  const core::InboundMail mail = Parse(
      "From: a@example.es\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
      "Content-Type: application/zip; name=big.zip\n\n0123456789\n--b\n"
      "Content-Type: application/zip; name=small.zip\n\n012\n--b--\n",
      limits);
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "small.zip");
  EXPECT_TRUE(AnyContains(mail.problems, "\"big.zip\" (10 bytes) is larger than 4 bytes"))
      << ::testing::PrintToString(mail.problems);
}

TEST(ParseMail, CutsLongTextOnACharacterBoundaryAndSaysSo) {
  MailLimits limits;
  limits.max_text_bytes = 10;
  const core::InboundMail mail = Parse(
      "From: a@example.es\nContent-Type: text/plain; charset=utf-8\n\nabcdefghiñññ\n", limits);
  EXPECT_EQ(mail.text, "abcdefghi");
  EXPECT_TRUE(AnyContains(mail.problems, "longer than 10 bytes"));
}

TEST(ParseMail, StopsReadingAtThePartLimit) {
  MailLimits limits;
  limits.max_parts = 3;
  std::string raw = "From: a@example.es\nContent-Type: multipart/mixed; boundary=b\n\n";
  for (int i = 0; i < 10; ++i)
    raw += "--b\nContent-Type: image/png; name=" + std::to_string(i) + ".png\n\nx\n";
  const core::InboundMail mail = Parse(raw + "--b--\n", limits);
  EXPECT_EQ(mail.attachments.size(), 2u);  // the multipart itself is the first part
  EXPECT_TRUE(AnyContains(mail.problems, "more than 3 parts"));
}

TEST(ParseMail, RecognisesANullSenderAsABounce) {
  const core::InboundMail mail = Parse("From: <>\nSubject: Returned\n\nBody.\n");
  EXPECT_EQ(mail.from_address, "");
  EXPECT_EQ(mail.automated, core::Automated::kBounce);
}

TEST(ParseMail, AnswersMessagesThatSayTheyAreNotAutomatic) {
  const core::InboundMail mail = Parse("From: a@example.es\nAuto-Submitted: no\n\nBody.\n");
  EXPECT_EQ(mail.automated, core::Automated::kNo);
}

TEST(ParseMail, PrefersBounceOverAutoReplyOverMailingList) {
  const core::InboundMail mail = Parse(
      "From: MAILER-DAEMON@example.org\nAuto-Submitted: auto-replied\nList-Id: <l.example>\n\nx\n");
  EXPECT_EQ(mail.automated, core::Automated::kBounce);
  const core::InboundMail reply =
      Parse("From: a@example.es\nAuto-Submitted: auto-generated\nPrecedence: list\n\nx\n");
  EXPECT_EQ(reply.automated, core::Automated::kAutoReply);
}

TEST(ParseMail, KeepsTheThreadRootAndTheNewestOfVeryLongReferences) {
  std::string references;
  for (int i = 0; i < 300; ++i) references += " <r" + std::to_string(i) + "@example.es>";
  const core::InboundMail mail = Parse("From: a@example.es\nReferences:" + references + "\n\nx\n");
  ASSERT_EQ(mail.references.size(), 100u);
  EXPECT_EQ(mail.references.front(), "r0@example.es");
  EXPECT_EQ(mail.references[1], "r201@example.es");
  EXPECT_EQ(mail.references.back(), "r299@example.es");
}

TEST(ParseMail, GivesTheSameResultFromSeveralThreadsAtOnce) {
  const std::string raw = OrdinaryMessage();
  const core::InboundMail expected = Parse(raw);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto mail = ParseMail(raw);
        if (!mail || mail->text != expected.text || mail->subject != expected.subject ||
            mail->attachments.size() != expected.attachments.size()) {
          ++mismatches[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

// The aim is well over 500 ordinary messages a second on one core; the bound asserted is looser
// so a busy shared machine does not fail it, and the rate is printed.
TEST(ParseMail, ParsesOrdinaryMessagesQuickly) {
  const std::string raw = OrdinaryMessage();
  constexpr int kMessages = 500;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kMessages; ++i) ASSERT_TRUE(ParseMail(raw).has_value());
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cout << "  " << raw.size()
            << "-byte messages: " << static_cast<int>(kMessages / took.count()) << " a second\n";
  EXPECT_LT(took.count(), 2.5);  // at least 200 a second
}

TEST(InboundText, SanitisesFilenames) {
  EXPECT_EQ(SanitiseFilename("../../etc/passwd"), "passwd");
  EXPECT_EQ(SanitiseFilename("C:\\Users\\a\\report.pdf"), "report.pdf");
  EXPECT_EQ(SanitiseFilename("a\x01\x7f"
                             "b:c*?.txt"),
            "ab_c__.txt");
  EXPECT_EQ(SanitiseFilename("invoice\xE2\x80\xAE"
                             "fdp.exe"),
            "invoicefdp.exe");
  EXPECT_EQ(SanitiseFilename(" .hidden. "), "hidden");
  EXPECT_EQ(SanitiseFilename(""), "attachment");
  EXPECT_EQ(SanitiseFilename("..."), "attachment");
  const std::string long_name = SanitiseFilename(std::string(300, 'n') + ".pdf");
  EXPECT_LE(long_name.size(), 180u);
  EXPECT_TRUE(long_name.ends_with("nnn.pdf"));
  EXPECT_TRUE(core::IsValidUtf8(SanitiseFilename("caf\xE9.txt")));
}

TEST(InboundText, ReadsUnknownAndWrongCharsetsAsValidUtf8) {
  EXPECT_EQ(DecodeToUtf8("caf\xE9", "x-unknown").text, "café");
  EXPECT_EQ(DecodeToUtf8("caf\xC3\xA9", "x-unknown").text, "café");
  EXPECT_EQ(DecodeToUtf8("caf\xE9", "utf-8").text, "café");
  EXPECT_EQ(DecodeToUtf8("\x80", "windows-1252").text, "€");
  EXPECT_EQ(DecodeToUtf8("caf\xC3\xA9", "iso-8859-1").text, "café");
  EXPECT_EQ(DecodeToUtf8("\xD0\xD2\xD1", "koi8-r").text, "пря");
  EXPECT_EQ(DecodeToUtf8("x", "utf-8//IGNORE").problem,
            "unknown charset \"utf-8//IGNORE\"; read as UTF-8");
  const DecodedText odd = DecodeToUtf8(std::string("\xFF\xFE"
                                                   "a\0b",
                                                   5),
                                       "utf-16");
  EXPECT_TRUE(core::IsValidUtf8(odd.text));
  EXPECT_TRUE(odd.text.starts_with("a"));
}

}  // namespace
}  // namespace caredesk::mail
