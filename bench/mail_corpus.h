// Realistic customer email for the mail benchmarks (mail_bench.cc): what a care mailbox takes in
// on an ordinary day, generated from a seed. Per hundred messages:
// - 40 plain text, about 3 KB (8bit UTF-8 or quoted-printable), new contacts;
// - 34 multipart/alternative text and HTML, about 10 KB (a webmail's styled HTML, quoted-
//   printable), new contacts;
// - 5 with a small PDF attached (multipart/mixed, about 30 KB), new contacts;
// - 10 replies to an existing case, its reference in the subject, quoting our message;
// - 10 replies to an earlier message of the same batch (In-Reply-To and References only);
// - 1 out-of-office auto-reply, which belongs to no case and is only recorded.
// Each carries the headers a real one does (Received, DKIM-Signature, Message-ID, Date), some
// with RFC 2047 subjects; about one in ten is in Spanish. Line ends are LF, as in a Maildir.
#pragma once

#include <string>
#include <vector>

namespace caredesk::bench {

// A case already on file that some messages answer (by its reference in their subject).
struct ExistingCase {
  std::string reference;
  std::string customer_email;
  std::string customer_name;
};

// How the ingest should file a message.
enum class Filing { kOpens, kThreadsBySubject, kThreadsByReply, kRecorded };

struct CorpusMessage {
  std::string message_id;  // without angle brackets
  std::string raw;
  Filing filing = Filing::kOpens;
  // kThreadsBySubject: the case's reference; kThreadsByReply: the message id it answers.
  std::string answers;
};

// `count` messages to caredesk@example.test, sent on Monday 23 November 2026 between 00:00 and
// 09:59 UTC. Message ids contain `tag`, so batches with different tags never collide.
// `cases` must not be empty.
std::vector<CorpusMessage> CustomerMail(int count, const std::vector<ExistingCase>& cases,
                                        unsigned seed, const std::string& tag);

// The n-th customer of the pool the corpus's senders come from: a name and a lower-case address.
struct Person {
  std::string name;
  std::string email;
};
Person Customer(int n);

}  // namespace caredesk::bench
