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

InboundMail Mail(std::string from, std::string id, std::string subject = "Hola",
                 std::string in_reply_to = "", std::vector<std::string> references = {}) {
  InboundMail mail;
  mail.from_address = std::move(from);
  mail.message_id = std::move(id);
  mail.subject = std::move(subject);
  mail.in_reply_to = std::move(in_reply_to);
  mail.references = std::move(references);
  return mail;
}

using Chains = std::vector<std::vector<std::size_t>>;

std::vector<const InboundMail*> Pointers(const std::vector<InboundMail>& mails) {
  std::vector<const InboundMail*> out;
  for (const auto& mail : mails) out.push_back(&mail);
  return out;
}

TEST(FilingChains, UnrelatedMessagesAreChainsOfTheirOwn) {
  const std::vector<InboundMail> mails{Mail("a@x.es", "1@x"), Mail("b@x.es", "2@x"),
                                       Mail("c@x.es", "3@x")};
  EXPECT_EQ(FilingChains(Pointers(mails)), (Chains{{0}, {1}, {2}}));
}

TEST(FilingChains, ASendersMessagesStayTogetherInTheirOrder) {
  const std::vector<InboundMail> mails{Mail("a@x.es", "1@x"), Mail("b@x.es", "2@x"),
                                       Mail("a@x.es", "3@x"), Mail("a@x.es", "4@x")};
  EXPECT_EQ(FilingChains(Pointers(mails)), (Chains{{0, 2, 3}, {1}}));
}

TEST(FilingChains, AReplyFromSomeoneElseFollowsWhatItAnswers) {
  const std::vector<InboundMail> mails{
      Mail("a@x.es", "1@x"), Mail("b@x.es", "2@x"),
      Mail("advocate@y.es", "3@y", "Re: Hola", "", {"0@x", "1@x"}),  // by References
      Mail("c@x.es", "4@x", "Re: Hola", "2@x")};                     // by In-Reply-To
  EXPECT_EQ(FilingChains(Pointers(mails)), (Chains{{0, 2}, {1, 3}}));
}

TEST(FilingChains, MessagesNamingOneCaseStayTogetherAndLinksAreFollowedThroughOthers) {
  const std::vector<InboundMail> mails{
      Mail("a@x.es", "1@x", "Re: [CD-2026-000001] Hola"), Mail("b@x.es", "2@x"),
      Mail("c@x.es", "3@x", "Re: cd-2026-000001"),  // the same case as 0
      Mail("b@x.es", "4@x", "Re: x", "3@x")};       // b's, and answering c's: joins both
  EXPECT_EQ(FilingChains(Pointers(mails)), (Chains{{0, 1, 2, 3}}));
}

TEST(FilingChains, AMessageThatDidNotParseIsAChainOfItsOwn) {
  const std::vector<InboundMail> mails{Mail("a@x.es", "1@x"), Mail("a@x.es", "2@x")};
  const std::vector<const InboundMail*> pointers{&mails[0], nullptr, &mails[1]};
  EXPECT_EQ(FilingChains(pointers), (Chains{{0, 2}, {1}}));
  EXPECT_EQ(FilingChains({}), Chains{});
}

}  // namespace
}  // namespace caredesk::core
