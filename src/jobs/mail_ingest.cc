#include "jobs/mail_ingest.h"

#include <fmt/format.h>

#include "core/language_guess.h"
#include "core/mail_threading.h"
#include "core/sha256.h"
#include "core/utf8.h"
#include "mail/mime_parser.h"

namespace caredesk::jobs {
namespace {

constexpr std::size_t kMaxSubject = 500;
constexpr std::size_t kMaxText = 100000;

// `text` cut to at most `bytes`, at a character boundary.
std::string Cut(std::string text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

bool AlreadyFiled(const core::Error& error) {
  return error.code == core::ErrorCode::kConflict && error.field == "message_id";
}

// The raw message and the attachments it carried, kept with the event that files it.
core::CaseEffects FilingOf(const core::InboundMail& mail, const std::string& message_id,
                           std::string_view raw) {
  core::CaseEffects effects;
  effects.inbound_message_id = message_id;
  effects.attachments.push_back({"message.eml", "message/rfc822", std::string(raw)});
  for (const auto& file : mail.attachments) {
    effects.attachments.push_back({file.filename, file.content_type, file.bytes});
  }
  return effects;
}

// The id a message is filed under: its Message-ID, or without one its bytes' SHA-256.
std::string FilingId(const core::InboundMail& mail, std::string_view raw) {
  if (!mail.message_id.empty()) return mail.message_id;
  return fmt::format("sha256-{}@caredesk.invalid", core::Sha256Hex(raw));
}

core::Actor SenderOf(const core::InboundMail& mail, bool is_customer) {
  const std::string name = mail.from_name.empty() ? mail.from_address : mail.from_name;
  if (is_customer) return core::Actor{"customer", name, ""};
  return core::Actor{"email:" + mail.from_address, name, ""};
}

}  // namespace

std::string_view ToString(IngestOutcome outcome) {
  switch (outcome) {
    case IngestOutcome::kOpened:
      return "opened";
    case IngestOutcome::kThreaded:
      return "threaded";
    case IngestOutcome::kDuplicate:
      return "duplicate";
    case IngestOutcome::kRecorded:
      return "recorded";
  }
  return "?";
}

core::Result<std::optional<std::string>> MailIngest::CaseOf(const core::InboundMail& mail) {
  if (auto reference = core::ReferenceInSubject(mail.subject)) {
    auto found = store_.FindCase(*reference);
    if (found) return std::optional(found->reference);
    if (found.error().code != core::ErrorCode::kNotFound) return tl::unexpected(found.error());
  }
  std::vector<std::string> ids;
  if (!mail.in_reply_to.empty()) ids.push_back(mail.in_reply_to);
  ids.insert(ids.end(), mail.references.rbegin(), mail.references.rend());  // newest first
  for (const auto& id : ids) {
    auto found = store_.CaseOfMessageId(id);
    if (!found) return tl::unexpected(found.error());
    if (*found) return found;
  }
  return std::optional<std::string>();
}

core::Result<core::InboundMail> MailIngest::Parse(std::string_view raw) const {
  return mail::ParseMail(raw, limits_);
}

core::Result<Ingested> MailIngest::Ingest(std::string_view raw) {
  auto parsed = Parse(raw);
  if (!parsed) return tl::unexpected(parsed.error());
  return File(*parsed, raw);
}

core::Result<Ingested> MailIngest::File(const core::InboundMail& mail, std::string_view raw) {
  const std::string message_id = FilingId(mail, raw);
  Ingested duplicate{IngestOutcome::kDuplicate, "", message_id, mail.problems};
  auto filed = store_.MailFiled(message_id);
  if (!filed) return tl::unexpected(filed.error());
  if (*filed) return duplicate;
  auto reference = CaseOf(mail);
  if (!reference) return tl::unexpected(reference.error());
  core::Result<Ingested> done = tl::unexpected(core::Error{});
  if (*reference) {
    done = Thread(mail, **reference, raw);
  } else if (!core::ShouldAnswer(mail)) {
    const core::UnfiledMail unfiled{
        message_id, mail.from_address, Cut(mail.subject, kMaxSubject),
        mail.automated == core::Automated::kNo ? core::Automated::kAutoReply : mail.automated,
        std::string(raw)};
    auto recorded = store_.RecordUnfiledMail(unfiled, clock_.Now());
    if (recorded) {
      done = Ingested{IngestOutcome::kRecorded, "", message_id, mail.problems};
    } else {
      done = tl::unexpected(recorded.error());
    }
  } else {
    done = Open(mail, raw);
  }
  if (!done && AlreadyFiled(done.error())) return duplicate;  // filed meanwhile by another
  if (done) done->message_id = message_id;
  return done;
}

core::Result<Ingested> MailIngest::Thread(const core::InboundMail& mail,
                                          const std::string& reference, std::string_view raw) {
  auto record = store_.FindCase(reference);
  if (!record) return tl::unexpected(record.error());
  bool is_customer = false;
  if (record->customer_id && !mail.from_address.empty()) {
    auto customer = store_.FindCustomer(*record->customer_id);
    is_customer = customer && customer->email == mail.from_address;
  }
  std::string text =
      fmt::format("Email{}: {}\n\n{}", mail.automated == core::Automated::kNo ? "" : " (automatic)",
                  mail.subject, mail.text);
  const core::CaseEvent note{clock_.Now(), SenderOf(mail, is_customer),
                             core::event::Note{Cut(std::move(text), kMaxText)}};
  const std::string id = FilingId(mail, raw);
  auto recorded = cases_.Record(reference, note, [&](const core::CaseView&) {
    return core::Result<core::CaseEffects>(FilingOf(mail, id, raw));
  });
  if (!recorded) {
    // A case whose lifecycle takes no more notes (closed for good): the message starts a new
    // contact, which names the case it answered.
    if (recorded.error().code == core::ErrorCode::kConflict && !AlreadyFiled(recorded.error()) &&
        core::ShouldAnswer(mail)) {
      return Open(mail, raw);
    }
    return tl::unexpected(recorded.error());
  }
  return Ingested{IngestOutcome::kThreaded, reference, id, mail.problems};
}

core::Result<Ingested> MailIngest::Open(const core::InboundMail& mail, std::string_view raw) {
  core::NewContact contact;
  contact.kind = core::Kind::kQuestion;  // staff reclassify; the kind is not in the email
  contact.channel = core::Channel::kEmail;
  const core::Instant now = clock_.Now();
  // The Date header is the sender's word: kept when it is plausible (not ahead of us, not
  // older than a month), else the moment it reached us counts.
  if (mail.date && *mail.date <= now && *mail.date > now - std::chrono::hours{24 * 31}) {
    contact.received = mail.date;
  }
  contact.subject = Cut(mail.subject.empty() ? "(no subject)" : mail.subject, kMaxSubject);
  contact.body = Cut(mail.text, kMaxText);
  core::CustomerRecord customer;
  customer.email = mail.from_address;
  customer.name = mail.from_name;
  // A new customer is written to in the language they wrote in (a known customer keeps theirs).
  auto policy = cases_.PolicyOf("");
  if (!policy) return tl::unexpected(policy.error());
  customer.language = core::GuessLanguage(
      mail.content_language, contact.subject + "\n" + contact.body, (*policy)->languages);
  contact.customer = customer;
  const std::string id = FilingId(mail, raw);
  contact.effects = FilingOf(mail, id, raw);
  auto logged = cases_.LogContact(contact);
  if (!logged) return tl::unexpected(logged.error());
  return Ingested{IngestOutcome::kOpened, logged->reference, id, mail.problems};
}

}  // namespace caredesk::jobs
