// What caredesk sends and when: the outbox (messages written in the same transaction as the
// event that causes them, then delivered by the sender) and the timers (persistent points in
// time at which the scheduler acts on a case: acknowledge it, send a holding reply, alert staff
// before and at a breach, invite the customer to a survey). A write of a case event carries its
// effects (`CaseEffects`), so an event and what it promises to send commit or fail together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_figures.h"
#include "core/domain.h"
#include "core/instant.h"
#include "core/mail.h"
#include "core/store_records.h"

namespace caredesk::core {

// How a message reaches its reader: by email (the sender delivers it), as a printed letter
// (post and fax; staff print the PDF and mark it done), or as a call a member of staff makes
// (a customer who asked to be contacted by phone only).
enum class Delivery { kEmail, kLetter, kCallTask };

// pending: waiting to be sent (or printed, or called); sent: delivered to the mail server, or
// done by staff; failed: refused for good, or out of retries; cancelled: by an admin.
enum class OutboxStatus { kPending, kSent, kFailed, kCancelled };

// What a timer does when it fires.
enum class TimerAction { kAcknowledge, kHoldingReply, kDueSoonAlert, kBreachAlert, kSurvey };

std::string_view ToString(Delivery delivery);
std::string_view ToString(OutboxStatus status);
std::string_view ToString(TimerAction action);
std::optional<Delivery> ParseDelivery(std::string_view text);
std::optional<OutboxStatus> ParseOutboxStatus(std::string_view text);
std::optional<TimerAction> ParseTimerAction(std::string_view text);

struct OutboxMessage {
  Id id = 0;
  std::optional<Id> case_id;
  std::optional<Id> customer_id;
  std::optional<Id> staff_id;  // an alert's reader
  std::string kind;            // the template kind it was written from (acknowledgement, …)
  Delivery delivery = Delivery::kEmail;
  std::string recipient;  // an email address; a name and postal address; a phone number
  std::vector<std::string> cc;
  std::string language;
  std::string subject;
  std::string text;
  std::string html;        // empty: plain text only
  std::string message_id;  // fixed at enqueue, so a retry is the same message
  std::string in_reply_to;
  bool large_print = false;
  OutboxStatus status = OutboxStatus::kPending;
  int attempts = 0;
  Instant next_attempt_at{};
  std::string last_error;
  Instant created_at{};
  std::optional<Instant> sent_at;
  std::string reference;  // the case's, as read back from the store (empty: no case)
};

// The outbox list's filters (admin: failures; staff: letters to print, calls to make).
struct OutboxQuery {
  std::optional<OutboxStatus> status;
  std::optional<Delivery> delivery;
  std::optional<Id> case_id;
  std::string cursor;
  int limit = 50;
  bool by_hand_only = false;  // letters and call tasks only: what staff do themselves
};

struct Timer {
  Id id = 0;
  Id case_id = 0;
  TimerAction action = TimerAction::kAcknowledge;
  // One timer per case and key: the action and what it is for (a standard's id), so that a
  // changed deadline moves the timer instead of adding one.
  std::string key;
  Instant fire_at{};
  std::optional<Instant> fired_at;
  std::string reference;  // the case's, as read back from the store
};

// A file kept with the event a write appends (the raw message of an email, say).
struct EventAttachment {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

// A machine's email that belongs to no case: recorded, never answered.
struct UnfiledMail {
  std::string message_id;
  std::string sender;
  std::string subject;
  Automated automated = Automated::kAutoReply;
  std::string raw;
};

std::string_view ToString(Automated automated);

// What a case write commits together with its event.
struct CaseEffects {
  // Put in the outbox.
  std::vector<OutboxMessage> messages;
  // When set, the case's timers become exactly these: a timer with a key not listed that has not
  // fired is removed, a listed one is added or moved; a fired timer is never fired again.
  std::optional<std::vector<Timer>> timers;
  // The timer this write fires: kConflict ("already fired") when another process fired it first,
  // and then nothing of the write is kept.
  std::optional<Id> fired_timer;
  // The Message-ID of the email this write files: kConflict ("already filed") when it was filed
  // before, and then nothing of the write is kept.
  std::string inbound_message_id;
  std::vector<EventAttachment> attachments;
  // A letter or call task of this case that the write marks done (a call made, with the
  // `call_logged` event saying what was said): kConflict ("is not pending") when it was done or
  // cancelled before, and then nothing of the write is kept.
  std::optional<Id> done_message;
  // What reports count about the case once written (its id is the store's to fill in).
  std::optional<CaseFigures> figures;

  bool empty() const {
    return messages.empty() && !timers && !fired_timer && inbound_message_id.empty() &&
           attachments.empty() && !done_message && !figures;
  }
};

}  // namespace caredesk::core
