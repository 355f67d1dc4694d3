// GET /api/v1/events: the staff console's live updates as Server-Sent Events
// (case_event_stream.h). Staff only, like the queue it keeps fresh — a customer is refused (403)
// and follows their own cases on the portal. The first bytes tell EventSource to reconnect after
// 3 s when the stream ends.
#include "http/case_event_stream.h"
#include "http/case_routes.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {

void AddEventRoutes(Router& router, const CaseApi& api) {
  router.Add("GET", "/api/v1/events", [&api](const Request& request, const RouteParams&) {
    return AsStaff(request, api.authenticator, core::StaffAction::kReadQueue,
                   [&](const auth::Authenticated& who) {
                     Response response =
                         TextResponse(200, "retry: 3000\n\n", "text/event-stream; charset=utf-8");
                     response.SetHeader("cache-control", "no-store");
                     response.SetHeader("x-accel-buffering", "no");  // nginx: do not buffer
                     response.stream = std::make_shared<CaseEventStream>(
                         api.store.CaseChanges(), who.principal, CaseEventStream::Options{});
                     return response;
                   });
  });
}

}  // namespace caredesk::http
