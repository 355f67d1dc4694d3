// FetchedBody: which untagged FETCH reply carries the message asked for, whatever the order of
// its items, and which of its literals is the body.
#include "mail/imap_wire.h"

#include <gtest/gtest.h>

namespace caredesk::mail {
namespace {

ImapUntagged Untagged(std::string text, std::vector<std::string> literals) {
  return {std::move(text), std::move(literals)};
}

TEST(FetchedBody, TakesTheBodyLiteralOfTheReplyForTheUid) {
  auto reply = Untagged("3 FETCH (UID 17 BODY[] {})", {"Subject: hi\r\n\r\nbody\r\n"});
  EXPECT_EQ(FetchedBody(reply, 17), "Subject: hi\r\n\r\nbody\r\n");
}

TEST(FetchedBody, FindsTheUidAndBodyInAnyOrderAmongOtherItems) {
  auto reply = Untagged("3 FETCH (FLAGS (\\Recent) X-GUID {} BODY[] {} UID 17)",
                        {"guid-literal", "the message"});
  EXPECT_EQ(FetchedBody(reply, 17), "the message");
}

TEST(FetchedBody, IgnoresRepliesForOtherMessagesAndLookalikeItems) {
  auto other = Untagged("3 FETCH (UID 18 BODY[] {})", {"another message"});
  EXPECT_EQ(FetchedBody(other, 17), std::nullopt);
  auto lookalike = Untagged("3 FETCH (X-UID 17 UID 18 BODY[] {})", {"another message"});
  EXPECT_EQ(FetchedBody(lookalike, 17), std::nullopt);
  auto flags_only = Untagged("3 FETCH (UID 17 FLAGS (\\Seen))", {});
  EXPECT_EQ(FetchedBody(flags_only, 17), std::nullopt);
  auto not_fetch = Untagged("SEARCH 17", {});
  EXPECT_EQ(FetchedBody(not_fetch, 17), std::nullopt);
}

TEST(FetchedBody, ANilBodyIsEmpty) {
  auto reply = Untagged("3 FETCH (UID 17 BODY[] NIL)", {});
  EXPECT_EQ(FetchedBody(reply, 17), "");
}

TEST(FetchedSize, ReadsTheUidAndSizeInAnyOrder) {
  const auto reply = Untagged("12 FETCH (RFC822.SIZE 4821 UID 40)", {});
  EXPECT_EQ(FetchedUid(reply), 40u);
  EXPECT_EQ(FetchedSize(reply), 4821u);
  const auto lookalike = Untagged("12 FETCH (X-RFC822.SIZE 9 UID 40 FLAGS (\\Seen))", {});
  EXPECT_EQ(FetchedSize(lookalike), std::nullopt);
  EXPECT_EQ(FetchedUid(Untagged("12 FETCH (UID 0)", {})), std::nullopt);
  EXPECT_EQ(FetchedUid(Untagged("12 FETCH (UID 4294967296)", {})), std::nullopt);
  EXPECT_EQ(FetchedUid(Untagged("12 EXISTS", {})), std::nullopt);
}

TEST(UidSet, WritesRunsAsRangesInOrderWithoutRepeats) {
  EXPECT_EQ(UidSet(std::vector<std::uint32_t>{7, 1, 3, 2, 2, 9, 10}), "1:3,7,9:10");
  EXPECT_EQ(UidSet(std::vector<std::uint32_t>{5}), "5");
  EXPECT_EQ(UidSet(std::vector<std::uint32_t>{}), "");
  EXPECT_EQ(UidSet(std::vector<std::uint32_t>{4294967295u, 4294967294u}), "4294967294:4294967295");
}

}  // namespace
}  // namespace caredesk::mail
