// The outbox: every message caredesk sends. Admins see all of it — a failure with the error that
// stopped it — and send a failed or cancelled message again, or cancel a pending one. Caseworkers
// have their to-do list: the letters to print and post and the calls to make, of the cases they
// may see, each marked done when done (a call with what was said, recorded on the case as a
// `call_logged` event in the same write). Whoever may read a case may list its messages
// (`?reference=` or `?case_id=`). A letter prints from its PDF, rendered here on the worker pool.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "http/correspondence_routes.h"
#include "http/filtered_page.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/queue_query.h"
#include "http/staff_routes_support.h"
#include "jobs/message_values.h"
#include "mail/letter_pdf.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;
using core::Delivery;
using core::OutboxMessage;

constexpr std::size_t kMaxSummary = 10'000;

Json TimeJson(const std::optional<core::Instant>& at, const date::time_zone& zone) {
  return at ? Json(core::FormatInstant(*at, zone)) : Json(nullptr);
}

Json MessageJson(const OutboxMessage& m, const date::time_zone& zone) {
  return {{"id", m.id},
          {"case_id", m.case_id ? Json(*m.case_id) : Json(nullptr)},
          {"reference", m.reference.empty() ? Json(nullptr) : Json(m.reference)},
          {"customer_id", m.customer_id ? Json(*m.customer_id) : Json(nullptr)},
          {"staff_id", m.staff_id ? Json(*m.staff_id) : Json(nullptr)},
          {"kind", m.kind},
          {"delivery", core::ToString(m.delivery)},
          {"recipient", m.recipient},
          {"cc", m.cc},
          {"language", m.language},
          {"subject", m.subject},
          {"text", m.text},
          {"large_print", m.large_print},
          {"status", core::ToString(m.status)},
          {"attempts", m.attempts},
          {"next_attempt_at", core::FormatInstant(m.next_attempt_at, zone)},
          {"last_error", m.last_error},
          {"created_at", core::FormatInstant(m.created_at, zone)},
          {"sent_at", TimeJson(m.sent_at, zone)}};
}

// The lines of a letter's address block: the recipient's name and address, one per line.
std::vector<std::string> AddressLines(const std::string& recipient) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= recipient.size()) {
    const std::size_t end = std::min(recipient.find('\n', start), recipient.size());
    std::string line = recipient.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

// GET /outbox's parameters: status, delivery, case_id or reference (a case's), cursor, limit.
core::Result<core::OutboxQuery> OutboxQueryFrom(const Request& request) {
  constexpr std::string_view kKnown[] = {"status",    "delivery", "case_id",
                                         "reference", "cursor",   "limit"};
  if (auto known = OnlyKnownParameters(request, kKnown); !known) {
    return tl::unexpected(known.error());
  }
  core::OutboxQuery query;
  if (auto status = request.Query("status")) {
    query.status = core::ParseOutboxStatus(*status);
    if (!query.status) {
      return core::Fail(core::ErrorCode::kInvalid,
                        "status must be pending, sent, failed or cancelled", "status");
    }
  }
  if (auto delivery = request.Query("delivery")) {
    query.delivery = core::ParseDelivery(*delivery);
    if (!query.delivery) {
      return core::Fail(core::ErrorCode::kInvalid, "delivery must be email, letter or call",
                        "delivery");
    }
  }
  auto case_id = IdParameter(request, "case_id");
  if (!case_id) return tl::unexpected(case_id.error());
  query.case_id = *case_id;
  auto page = PageParametersFrom(request);
  if (!page) return tl::unexpected(page.error());
  query.cursor = std::move(page->cursor);
  query.limit = page->limit;
  return query;
}

class OutboxHandlers {
 public:
  explicit OutboxHandlers(const CaseApi& api) : api_(api) {}

  // GET /outbox
  Response List(const Request& request) {
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return who.error();
    const core::Principal& p = who->principal;
    if (!p.IsStaff()) return Forbidden();
    auto query = OutboxQueryFrom(request);
    if (!query) return ErrorResponse(query.error());
    if (auto reference = request.Query("reference")) {
      auto record = api_.store.FindCase(*reference);
      if (!record && record.error().code == core::ErrorCode::kNotFound) {
        return ErrorResponse(422, "invalid", "reference names no case", "reference");
      }
      if (!record) return ErrorResponse(record.error());
      query->case_id = record->id;
    }
    core::Result<core::Page<OutboxMessage>> page;
    if (core::Can(p, core::StaffAction::kManageOutbox)) {
      page = api_.store.Outbox(*query);
    } else if (query->case_id ? core::Can(p, core::StaffAction::kReadQueue)
                              : core::Can(p, core::StaffAction::kWorkTasks)) {
      query->by_hand_only = !query->case_id;  // without a case: the to-do list
      std::map<std::string, bool> visible;    // by reference, read once a page
      page = FilteredPage<OutboxMessage>(
          [&](const std::string& cursor) {
            core::OutboxQuery at = *query;
            at.cursor = cursor;
            return api_.store.Outbox(at);
          },
          [&](const OutboxMessage& m) { return MaySee(p, m, visible); }, query->cursor,
          query->limit);
    } else {
      return Forbidden();
    }
    if (!page) return ErrorResponse(page.error());
    auto policy = api_.cases.PolicyOf("");
    if (!policy) return ErrorResponse(policy.error());
    Json rows = Json::array();
    for (const auto& m : page->rows) rows.push_back(MessageJson(m, (*policy)->calendar->zone()));
    return JsonResponse(
        200,
        {{"messages", std::move(rows)},
         {"next_cursor", page->next_cursor.empty() ? Json(nullptr) : Json(page->next_cursor)}});
  }

  // POST /outbox/{id}/retry and /cancel
  Response Change(const Request& request, const RouteParams& params, bool retry) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kManageOutbox, [&](const auto&) {
      auto id = PathId(params, "id");
      if (!id) return NotFound("no such outbox message");
      auto changed = retry ? api_.store.Requeue(*id, api_.clock.Now()) : api_.store.Cancel(*id);
      if (!changed) return LookupFailed(changed.error(), "outbox message");
      return Shown(*id);
    });
  }

  // POST /outbox/{id}/done: {"summary"?} — a letter printed and posted, or a call made (the
  // summary of the call is then required).
  Response Done(const Request& request, const RouteParams& params) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kWorkTasks, [&](const auto& who) {
          auto message = Task(who.principal, params);
          if (!message) return message.error();
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          JsonReader read(*body, "");
          const std::string summary = read.Text("summary", false);
          if (summary.size() > kMaxSummary) {
            read.Problem("summary", fmt::format("is longer than {} bytes", kMaxSummary));
          }
          const bool call_on_case =
              message->delivery == Delivery::kCallTask && !message->reference.empty();
          if (call_on_case && summary.find_first_not_of(" \t\r\n") == std::string::npos) {
            read.Problem("summary", "must say what was said on the call");
          }
          read.RejectUnknown();
          if (auto done = read.Done(); !done) return ErrorResponse(done.error());
          const core::Instant now = api_.clock.Now();
          if (call_on_case) {
            const core::CaseEvent call{now, ActorOf(who), core::event::CallLogged{false, summary}};
            auto recorded = api_.cases.Record(message->reference, call, [&](const core::CaseView&) {
              core::CaseEffects effects;
              effects.done_message = message->id;
              return core::Result<core::CaseEffects>(std::move(effects));
            });
            if (!recorded) return ErrorResponse(recorded.error());
          } else if (auto sent = api_.store.MarkSent(message->id, now); !sent) {
            return ErrorResponse(sent.error());
          }
          return Shown(message->id);
        });
  }

  // GET /outbox/{id}/letter.pdf
  Response Letter(const Request& request, const RouteParams& params) {
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return who.error();
    const core::Principal& p = who->principal;
    if (!p.IsStaff()) return Forbidden();
    auto id = PathId(params, "id");
    if (!id) return NotFound("no such outbox message");
    auto message = api_.store.FindOutboxMessage(*id);
    if (!message) return LookupFailed(message.error(), "outbox message");
    std::map<std::string, bool> visible;
    if (!core::Can(p, core::StaffAction::kManageOutbox) && !MaySee(p, *message, visible)) {
      return NotFound("no such outbox message");
    }
    if (message->delivery != Delivery::kLetter) return NotFound("the message is not a letter");
    auto policy = api_.cases.PolicyOf("");
    if (!policy) return ErrorResponse(policy.error());
    mail::Letter letter;
    letter.organisation = (*policy)->name;
    letter.to_address_lines = AddressLines(message->recipient);
    letter.date_text =
        jobs::LongDate(message->created_at, (*policy)->calendar->zone(), message->language);
    letter.reference = message->reference;
    letter.subject = message->subject;
    letter.text = message->text;
    letter.large_print = message->large_print;
    letter.language = message->language;
    auto pdf = mail::RenderLetterPdf(letter);
    if (!pdf) return ErrorResponse(pdf.error());
    Response response = TextResponse(200, std::move(*pdf), "application/pdf");
    response.SetHeader(
        "content-disposition",
        fmt::format("attachment; filename=\"letter-{}.pdf\"",
                    message->reference.empty() ? std::to_string(message->id) : message->reference));
    response.SetHeader("cache-control", "no-store");
    return response;
  }

 private:
  // Whether staff member `p` may see `m`: the case's readers may; a message about no case is on
  // every caseworker's list. `visible` remembers each case's answer.
  bool MaySee(const core::Principal& p, const OutboxMessage& m,
              std::map<std::string, bool>& visible) {
    if (m.reference.empty()) return core::Can(p, core::StaffAction::kWorkTasks);
    auto known = visible.find(m.reference);
    if (known != visible.end()) return known->second;
    auto record = api_.store.FindCase(m.reference);
    const bool may = record && core::CanReadCase(p, *record);
    visible.emplace(m.reference, may);
    return may;
  }

  // The letter or call task `params` names, if `p` may do it: 404 when it is not one they may
  // see, 403 when they may see but not act on its case, 409 for an email (the sender's work).
  HttpResult<OutboxMessage> Task(const core::Principal& p, const RouteParams& params) {
    auto id = PathId(params, "id");
    if (!id) return tl::unexpected(NotFound("no such outbox message"));
    auto message = api_.store.FindOutboxMessage(*id);
    if (!message) return tl::unexpected(LookupFailed(message.error(), "outbox message"));
    std::map<std::string, bool> visible;
    if (!MaySee(p, *message, visible)) return tl::unexpected(NotFound("no such outbox message"));
    if (!message->reference.empty()) {
      auto record = api_.store.FindCase(message->reference);
      if (!record) return tl::unexpected(ErrorResponse(record.error()));
      if (!core::CanActOnCase(p, *record, core::EventType::kCallLogged)) {
        return tl::unexpected(Forbidden());
      }
    }
    if (message->delivery == Delivery::kEmail) {
      return tl::unexpected(ErrorResponse(
          409, "conflict", "an email is sent by the outbox sender: only letters and calls are done",
          ""));
    }
    return std::move(*message);
  }

  // 200 with the message as it is now.
  Response Shown(core::Id id) {
    auto message = api_.store.FindOutboxMessage(id);
    if (!message) return LookupFailed(message.error(), "outbox message");
    auto policy = api_.cases.PolicyOf("");
    if (!policy) return ErrorResponse(policy.error());
    return JsonResponse(200, MessageJson(*message, (*policy)->calendar->zone()));
  }

  const CaseApi& api_;
};

}  // namespace

void AddOutboxRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<OutboxHandlers>(api);
  router.Add("GET", "/api/v1/outbox",
             [h](const Request& r, const RouteParams&) { return h->List(r); });
  router.Add("POST", "/api/v1/outbox/{id}/retry",
             [h](const Request& r, const RouteParams& p) { return h->Change(r, p, true); });
  router.Add("POST", "/api/v1/outbox/{id}/cancel",
             [h](const Request& r, const RouteParams& p) { return h->Change(r, p, false); });
  router.Add("POST", "/api/v1/outbox/{id}/done",
             [h](const Request& r, const RouteParams& p) { return h->Done(r, p); });
  router.Add("GET", "/api/v1/outbox/{id}/letter.pdf",
             [h](const Request& r, const RouteParams& p) { return h->Letter(r, p); });
}

}  // namespace caredesk::http
