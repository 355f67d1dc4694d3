// Service notices (seed 003): managers and admins announce a problem that affects the service —
// shown on every portal page while it is in force, and, when they ask, written at once to every
// customer with an open case in the service (jobs/notice_mail.h) — list them, and end them. The
// portal reads the notices in force without signing in.
#include <fmt/format.h>

#include "http/correspondence_routes.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/queue_query.h"
#include "http/staff_routes_support.h"
#include "jobs/notice_mail.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;
using core::ServiceNotice;

enum class Shown { kToStaff, kToPublic };

Json NoticeJson(const ServiceNotice& n, const date::time_zone& zone, core::Instant now,
                Shown shown) {
  Json out = {{"id", n.id},
              {"title", n.title},
              {"text", n.text},
              {"service", n.service},
              {"starts_at", core::FormatInstant(n.starts_at, zone)},
              {"ends_at", n.ends_at ? Json(core::FormatInstant(*n.ends_at, zone)) : Json(nullptr)}};
  if (shown == Shown::kToPublic) return out;
  out["in_force"] = n.InForceAt(now);
  out["created_by"] = n.created_by ? Json(*n.created_by) : Json(nullptr);
  out["created_at"] = core::FormatInstant(n.created_at, zone);
  return out;
}

class NoticeHandlers {
 public:
  NoticeHandlers(const CaseApi& api, jobs::Correspondent& correspondent)
      : api_(api), correspondent_(correspondent) {}

  // POST /notices: {"title", "text", "service"?, "starts_at"?, "ends_at"?, "notify"?}.
  Response Create(const Request& request) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kManageNotices, [&](const auto& who) {
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          auto policy = api_.cases.PolicyOf("");
          if (!policy) return ErrorResponse(policy.error());
          const core::Instant now = api_.clock.Now();
          JsonReader read(*body, "");
          ServiceNotice notice;
          notice.title = read.Text("title");
          notice.text = read.Text("text");
          notice.service = read.Text("service", false);
          notice.starts_at = read.Time("starts_at", false).value_or(now);
          notice.ends_at = read.Time("ends_at", false);
          const bool notify = read.Flag("notify", false);
          read.RejectUnknown();
          if (auto done = read.Done(); !done) return ErrorResponse(done.error());
          if (auto valid = core::CheckNotice(notice, (*policy)->services); !valid) {
            return ErrorResponse(valid.error());
          }
          if (notice.ends_at && *notice.ends_at <= now) {
            return ErrorResponse(422, "invalid", "ends_at must be in the future", "ends_at");
          }
          if (who.staff) notice.created_by = who.staff->id;
          std::vector<core::OutboxMessage> messages;
          if (notify) {
            auto written = jobs::NoticeMessages(api_.store, api_.cases, correspondent_, notice,
                                                who.staff ? who.staff->name : "");
            if (!written) return ErrorResponse(written.error());
            messages = std::move(*written);
          }
          auto created = api_.store.CreateNotice(notice, messages);
          if (!created) return ErrorResponse(created.error());
          Json out = NoticeJson(*created, (*policy)->calendar->zone(), now, Shown::kToStaff);
          out["notified"] = messages.size();
          return JsonResponse(201, out);
        });
  }

  // GET /notices?cursor=&limit=
  Response List(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kManageNotices,
                   [&](const auto&) {
                     constexpr std::string_view kKnown[] = {"cursor", "limit"};
                     if (auto known = OnlyKnownParameters(request, kKnown); !known) {
                       return ErrorResponse(known.error());
                     }
                     auto paging = PageParametersFrom(request);
                     if (!paging) return ErrorResponse(paging.error());
                     auto page = api_.store.Notices(paging->cursor, paging->limit);
                     if (!page) return ErrorResponse(page.error());
                     return Listed(page->rows, Shown::kToStaff, page->next_cursor);
                   });
  }

  // PUT /notices/{id}: {"ends_at"?} — ends the notice then (default: now).
  Response End(const Request& request, const RouteParams& params) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kManageNotices, [&](const auto&) {
          auto id = PathId(params, "id");
          if (!id) return NotFound("no such service notice");
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          JsonReader read(*body, "");
          const core::Instant now = api_.clock.Now();
          const core::Instant at = read.Time("ends_at", false).value_or(now);
          read.RejectUnknown();
          if (auto done = read.Done(); !done) return ErrorResponse(done.error());
          auto ended = api_.store.EndNotice(*id, at);
          if (!ended) return LookupFailed(ended.error(), "service notice");
          auto policy = api_.cases.PolicyOf("");
          if (!policy) return ErrorResponse(policy.error());
          return JsonResponse(
              200, NoticeJson(*ended, (*policy)->calendar->zone(), now, Shown::kToStaff));
        });
  }

  // GET /portal/notices: those in force, for everyone.
  Response InForce(const Request&) {
    auto notices = api_.store.NoticesInForce(api_.clock.Now());
    if (!notices) return ErrorResponse(notices.error());
    return Listed(*notices, Shown::kToPublic, "");
  }

 private:
  Response Listed(const std::vector<ServiceNotice>& notices, Shown shown,
                  const std::string& next_cursor) {
    auto policy = api_.cases.PolicyOf("");
    if (!policy) return ErrorResponse(policy.error());
    const core::Instant now = api_.clock.Now();
    Json rows = Json::array();
    for (const auto& n : notices) {
      rows.push_back(NoticeJson(n, (*policy)->calendar->zone(), now, shown));
    }
    Json out = {{"notices", std::move(rows)}};
    if (shown == Shown::kToStaff) {
      out["next_cursor"] = next_cursor.empty() ? Json(nullptr) : Json(next_cursor);
    }
    return JsonResponse(200, out);
  }

  const CaseApi& api_;
  jobs::Correspondent& correspondent_;
};

}  // namespace

void AddNoticeRoutes(Router& router, const CaseApi& api, jobs::Correspondent& correspondent) {
  auto h = std::make_shared<NoticeHandlers>(api, correspondent);
  router.Add("POST", "/api/v1/notices",
             [h](const Request& r, const RouteParams&) { return h->Create(r); });
  router.Add("GET", "/api/v1/notices",
             [h](const Request& r, const RouteParams&) { return h->List(r); });
  router.Add("PUT", "/api/v1/notices/{id}",
             [h](const Request& r, const RouteParams& p) { return h->End(r, p); });
  router.Add("GET", "/api/v1/portal/notices",
             [h](const Request& r, const RouteParams&) { return h->InForce(r); });
}

}  // namespace caredesk::http
