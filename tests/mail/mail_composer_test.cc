// ComposeMail: the bytes caredesk puts on the wire, read back the way a mail client would.
#include "mail/mail_composer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "mail_text.h"

namespace caredesk::mail {
namespace {

using testing::DecodeBase64;
using testing::DecodeQuotedPrintable;
using testing::DecodeWords;
using testing::HeaderNames;
using testing::HeaderValue;

const core::Instant kDate{std::chrono::seconds(1795389664)};  // 2026-11-22 23:21:04 UTC

core::OutgoingMail Reply() {
  core::OutgoingMail mail;
  mail.message_id = "cd-2026-000123.1@care.example.test";
  mail.from_address = "care@example.test";
  mail.from_name = "Customer Care";
  mail.to = {"customer@example.test"};
  mail.subject = "Your complaint CD-2026-000123";
  mail.text = "Dear customer,\n\nWe have received your complaint.\n";
  return mail;
}

std::string Compose(const core::OutgoingMail& mail) {
  auto composed = ComposeMail(mail, kDate);
  EXPECT_TRUE(composed) << composed.error().message;
  return composed ? *composed : std::string();
}

// The body of a single-part message (after the header block).
std::string Body(const std::string& message) {
  const auto at = message.find("\r\n\r\n");
  return at == std::string::npos ? "" : message.substr(at + 4);
}

TEST(MailComposer, PlainTextMessageHasTheHeadersAndOneUtf8QuotedPrintablePart) {
  const std::string message = Compose(Reply());
  EXPECT_EQ(HeaderValue(message, "From"), "Customer Care <care@example.test>");
  EXPECT_EQ(HeaderValue(message, "To"), "customer@example.test");
  EXPECT_EQ(HeaderValue(message, "Subject"), "Your complaint CD-2026-000123");
  EXPECT_EQ(HeaderValue(message, "Date"), "Sun, 22 Nov 2026 23:21:04 +0000");
  EXPECT_EQ(HeaderValue(message, "Message-ID"), "<cd-2026-000123.1@care.example.test>");
  EXPECT_EQ(HeaderValue(message, "MIME-Version"), "1.0");
  EXPECT_EQ(HeaderValue(message, "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(HeaderValue(message, "Content-Transfer-Encoding"), "quoted-printable");
  EXPECT_EQ(HeaderValue(message, "Cc"), "");
  EXPECT_EQ(HeaderValue(message, "In-Reply-To"), "");
  EXPECT_EQ(DecodeQuotedPrintable(Body(message)),
            "Dear customer,\r\n\r\nWe have received your complaint.\r\n");
}

TEST(MailComposer, EveryLineEndsInCrlfAndStaysWithin78Characters) {
  auto mail = Reply();
  mail.text = std::string(300, 'x') + "\nshort\r\nline with CRLF\n" + std::string(200, 'y');
  const std::string message = Compose(mail);
  std::size_t at = 0;
  while (at < message.size()) {
    const auto end = message.find('\n', at);
    ASSERT_NE(end, std::string::npos) << "the message ends without a line end";
    ASSERT_GT(end, at) << "a bare LF at offset " << at;
    EXPECT_EQ(message[end - 1], '\r') << "a bare LF at offset " << end;
    EXPECT_LE(end - 1 - at, 78u) << message.substr(at, end - at);
    at = end + 1;
  }
  EXPECT_EQ(
      DecodeQuotedPrintable(Body(message)),
      std::string(300, 'x') + "\r\nshort\r\nline with CRLF\r\n" + std::string(200, 'y') + "\r\n");
}

TEST(MailComposer, SpanishSubjectAndSenderNameAreEncodedWordsThatDecodeBack) {
  auto mail = Reply();
  mail.from_name = "Atención al Cliente — Ayuntamiento de León";
  mail.subject =
      "Re: Su reclamación nº 123 sobre la recogida de basura en la calle Mayor, ¿la ha recibido?";
  mail.text = "Estimada señora Núñez:\n\nLe pedimos disculpas.\n";
  const std::string message = Compose(mail);
  // The header block is pure ASCII; the text comes back exactly.
  const std::string block = testing::HeaderBlock(message);
  EXPECT_TRUE(std::all_of(block.begin(), block.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  EXPECT_NE(HeaderValue(message, "Subject").find("=?"), std::string::npos);
  EXPECT_EQ(DecodeWords(HeaderValue(message, "Subject")), mail.subject);
  EXPECT_EQ(DecodeWords(HeaderValue(message, "From")),
            "Atención al Cliente — Ayuntamiento de León <care@example.test>");
  EXPECT_EQ(DecodeQuotedPrintable(Body(message)),
            "Estimada señora Núñez:\r\n\r\nLe pedimos disculpas.\r\n");
}

TEST(MailComposer, ThreadingHeadersCarryTheIdsInOrderAndLeaveOutUnwritableOnes) {
  auto mail = Reply();
  mail.in_reply_to = "original.42@customer.example.test";
  mail.references = {"first@a.example", "not an id", "second@b.example", "bad>\r\nBcc: x@y.example",
                     "original.42@customer.example.test"};
  const std::string message = Compose(mail);
  EXPECT_EQ(HeaderValue(message, "In-Reply-To"), "<original.42@customer.example.test>");
  EXPECT_EQ(HeaderValue(message, "References"),
            "<first@a.example> <second@b.example> <original.42@customer.example.test>");
  EXPECT_EQ(HeaderValue(message, "Bcc"), "");
}

TEST(MailComposer, CcRecipientsAreListed) {
  auto mail = Reply();
  mail.to = {"customer@example.test", "partner@example.test"};
  mail.cc = {"advocate@example.test"};
  const std::string message = Compose(mail);
  EXPECT_EQ(HeaderValue(message, "To"), "customer@example.test, partner@example.test");
  EXPECT_EQ(HeaderValue(message, "Cc"), "advocate@example.test");
}

TEST(MailComposer, HtmlMakesAnAlternativeWithTheTextFirst) {
  auto mail = Reply();
  mail.html = "<p>Dear customer,</p><p>We have received your complaint.</p>";
  const std::string message = Compose(mail);
  EXPECT_EQ(HeaderValue(message, "Content-Type").rfind("multipart/alternative;", 0), 0u);
  const auto plain = message.find("Content-Type: text/plain; charset=utf-8");
  const auto html = message.find("Content-Type: text/html; charset=utf-8");
  ASSERT_NE(plain, std::string::npos);
  ASSERT_NE(html, std::string::npos);
  EXPECT_LT(plain, html);  // RFC 2046: the preferred (richest) part last
  EXPECT_NE(DecodeQuotedPrintable(message).find(mail.html), std::string::npos);
}

TEST(MailComposer, AttachmentsMakeAMixedMessageWithBase64PartsAndTheirNames) {
  auto mail = Reply();
  mail.html = "<p>See the letter.</p>";
  const std::string pdf("%PDF-1.4\0\1\2\3\xff binary", 20);
  mail.attachments = {{"carta de respuesta ñ.pdf", "application/PDF", pdf},
                      {"notes.txt", "not a type", "plain notes"}};
  const std::string message = Compose(mail);
  const std::string unfolded = testing::Unfold(message);
  EXPECT_EQ(HeaderValue(message, "Content-Type").rfind("multipart/mixed;", 0), 0u);
  EXPECT_NE(message.find("Content-Type: multipart/alternative;"), std::string::npos);
  EXPECT_NE(message.find("Content-Type: application/pdf;"), std::string::npos);
  EXPECT_NE(message.find("Content-Type: application/octet-stream;"), std::string::npos);
  // RFC 2231: filename*=charset''percent-encoded.
  EXPECT_NE(unfolded.find("Content-Disposition: attachment; filename*="), std::string::npos);
  EXPECT_NE(unfolded.find("''carta%20de%20respuesta%20"), std::string::npos);
  EXPECT_NE(unfolded.find("Content-Disposition: attachment; filename=notes.txt"),
            std::string::npos);
  // The PDF's bytes come back from its base64 part.
  const auto pdf_part = message.find("Content-Type: application/pdf;");
  const auto body_start = message.find("\r\n\r\n", pdf_part) + 4;
  const auto body_end = message.find("\r\n--", body_start);
  EXPECT_EQ(DecodeBase64(message.substr(body_start, body_end - body_start)), pdf);
}

TEST(MailComposer, LineBreaksInSubjectOrNameCannotAddHeaders) {
  auto mail = Reply();
  mail.subject = "Hello\r\nBcc: everyone@example.test";
  mail.from_name = "Care\nX-Injected: yes";
  const std::string message = Compose(mail);
  const auto names = HeaderNames(message);
  EXPECT_EQ(std::count(names.begin(), names.end(), "Bcc"), 0);
  EXPECT_EQ(std::count(names.begin(), names.end(), "X-Injected"), 0);
  EXPECT_EQ(DecodeWords(HeaderValue(message, "Subject")), "Hello  Bcc: everyone@example.test");
}

TEST(MailComposer, AnAddressThatIsNotPlainIsRefusedNamingTheField) {
  for (const std::string bad :
       {"customer@example.test\r\nBcc: x@y.test", "no-at-sign", "Customer <customer@example.test>",
        "a b@example.test", "clientè@example.test", "@example.test"}) {
    auto mail = Reply();
    mail.cc = {bad};
    const auto composed = ComposeMail(mail, kDate);
    ASSERT_FALSE(composed) << bad;
    EXPECT_EQ(composed.error().code, core::ErrorCode::kInvalid);
    EXPECT_EQ(composed.error().field, "cc");
  }
  auto mail = Reply();
  mail.from_address = "care@example.test>";
  ASSERT_FALSE(ComposeMail(mail, kDate));
  EXPECT_EQ(ComposeMail(mail, kDate).error().field, "from_address");
}

TEST(MailComposer, AMessageNeedsARecipientAndAnIdOfItsOwn) {
  auto mail = Reply();
  mail.to.clear();
  ASSERT_FALSE(ComposeMail(mail, kDate));
  EXPECT_EQ(ComposeMail(mail, kDate).error().field, "to");
  mail = Reply();
  mail.message_id = "<wrapped@example.test>";
  ASSERT_FALSE(ComposeMail(mail, kDate));
  EXPECT_EQ(ComposeMail(mail, kDate).error().field, "message_id");
}

// RFC 3834: Auto-Submitted is not written, because OutgoingMail does not say whether a person
// or a timer sent the message (see mail_composer.h); this pins that choice down.
TEST(MailComposer, WritesNoAutoSubmittedOrPrecedenceHeader) {
  const std::string message = Compose(Reply());
  EXPECT_EQ(HeaderValue(message, "Auto-Submitted"), "");
  EXPECT_EQ(HeaderValue(message, "Precedence"), "");
}

}  // namespace
}  // namespace caredesk::mail
