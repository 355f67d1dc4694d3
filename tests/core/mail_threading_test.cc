// Threading inbound mail: the case reference found in a reply's subject, and which messages may
// be answered (never a machine's, never one without a sender).
#include "core/mail_threading.h"

#include <gtest/gtest.h>

namespace caredesk::core {
namespace {

TEST(ReferenceInSubject, FindsTheReferenceInABracketedReplySubject) {
  EXPECT_EQ(ReferenceInSubject("Re: [CD-2026-000123] Your complaint"), "CD-2026-000123");
}

TEST(ReferenceInSubject, IgnoresLetterCaseAndReturnsTheCanonicalForm) {
  EXPECT_EQ(ReferenceInSubject("RE: cd-2026-000123"), "CD-2026-000123");
  EXPECT_EQ(ReferenceInSubject("Fwd: Cd-2031-004567 follow-up"), "CD-2031-004567");
}

TEST(ReferenceInSubject, AcceptsSerialsLongerThanSixDigits) {
  EXPECT_EQ(ReferenceInSubject("Case CD-2026-1234567 again"), "CD-2026-1234567");
}

TEST(ReferenceInSubject, RefusesSerialsShorterThanSixDigits) {
  EXPECT_EQ(ReferenceInSubject("CD-2026-12345"), std::nullopt);
}

TEST(ReferenceInSubject, RefusesYearsThatAreNotFourDigits) {
  EXPECT_EQ(ReferenceInSubject("CD-226-000123"), std::nullopt);
  EXPECT_EQ(ReferenceInSubject("CD-20266-000123"), std::nullopt);
}

TEST(ReferenceInSubject, NeedsTheReferenceToStandAsAWord) {
  EXPECT_EQ(ReferenceInSubject("XCD-2026-000123"), std::nullopt);
  EXPECT_EQ(ReferenceInSubject("CD-2026-000123X"), std::nullopt);
  EXPECT_EQ(ReferenceInSubject("CD-2026-000123_1"), std::nullopt);
  EXPECT_EQ(ReferenceInSubject("(CD-2026-000123)"), "CD-2026-000123");
  EXPECT_EQ(ReferenceInSubject("CD-2026-000123."), "CD-2026-000123");
  EXPECT_EQ(ReferenceInSubject("ref:CD-2026-000123,"), "CD-2026-000123");
}

TEST(ReferenceInSubject, SkipsANearMissAndFindsALaterReference) {
  EXPECT_EQ(ReferenceInSubject("CD-2026-12 then CD-2027-000042"), "CD-2027-000042");
}

TEST(ReferenceInSubject, TakesTheFirstOfSeveralReferences) {
  EXPECT_EQ(ReferenceInSubject("CD-2026-000001 and CD-2026-000002"), "CD-2026-000001");
}

TEST(ReferenceInSubject, FindsNothingInOrdinarySubjects) {
  for (const char* subject : {"", "C", "CD-", "CD-2026-", "Re: my complaint", "CD 2026 000123",
                              "CD-2026-0001234567890123"}) {
    EXPECT_EQ(ReferenceInSubject(subject), std::nullopt) << subject;
  }
}

TEST(ReferenceInSubject, WorksBesideNonAsciiText) {
  EXPECT_EQ(ReferenceInSubject("Reclamación CD-2026-000123 — gracias"), "CD-2026-000123");
}

InboundMail FromPerson() {
  InboundMail mail;
  mail.from_address = "ana@example.es";
  return mail;
}

TEST(MailThreading, AnswersAPersonWithAnAddress) { EXPECT_TRUE(ShouldAnswer(FromPerson())); }

TEST(MailThreading, NeverAnswersAutomatedMessages) {
  for (Automated automated : {Automated::kAutoReply, Automated::kBounce, Automated::kMailingList}) {
    InboundMail mail = FromPerson();
    mail.automated = automated;
    EXPECT_FALSE(ShouldAnswer(mail));
  }
}

TEST(MailThreading, NeverAnswersAMessageWithoutASender) {
  InboundMail mail = FromPerson();
  mail.from_address.clear();
  EXPECT_FALSE(ShouldAnswer(mail));
}

}  // namespace
}  // namespace caredesk::core
