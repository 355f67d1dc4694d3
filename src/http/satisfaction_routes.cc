// The portal's standing "How did we do?": anyone may rate the organisation from 1 to 5 with a
// comment, at any time, without an account (a signed-in customer's response is kept under their
// record); it is rate-limited like every portal submission. Managers, auditors and admins read
// how many gave each rating and the latest comments.
#include <fmt/format.h>

#include "core/directory.h"
#include "http/correspondence_routes.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/queue_query.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;

class SatisfactionHandlers {
 public:
  explicit SatisfactionHandlers(const CaseApi& api) : api_(api) {}

  // POST /portal/satisfaction: {"rating", "comment"?, "language"?}.
  Response Submit(const Request& request) {
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    JsonReader read(*body, "");
    core::SatisfactionResponse response;
    response.rating = Rating(read);
    response.comment = read.Text("comment", false);
    response.language = read.Text("language", false);
    if (!response.language.empty() && !core::IsOneOf(core::kCustomerLanguages, response.language)) {
      read.Problem("language", "must be \"en\" or \"es\"");
    }
    read.RejectUnknown();
    if (auto done = read.Done(); !done) return ErrorResponse(done.error());
    if (auto valid = core::CheckSatisfaction(response); !valid) {
      return ErrorResponse(valid.error());
    }
    response.received_at = api_.clock.Now();
    response.customer_id = SignedInCustomer(request);
    auto saved = api_.store.SaveSatisfaction(response);
    if (!saved) return ErrorResponse(saved.error());
    return JsonResponse(201, {{"id", saved->id}, {"rating", saved->rating}});
  }

  // GET /satisfaction?cursor=&limit=: the counts, and a page of the latest comments.
  Response Read(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadReports, [&](const auto&) {
      constexpr std::string_view kKnown[] = {"cursor", "limit"};
      if (auto known = OnlyKnownParameters(request, kKnown); !known) {
        return ErrorResponse(known.error());
      }
      auto paging = PageParametersFrom(request);
      if (!paging) return ErrorResponse(paging.error());
      auto counts = api_.store.CountSatisfaction();
      if (!counts) return ErrorResponse(counts.error());
      auto comments = api_.store.SatisfactionComments(paging->cursor, paging->limit);
      if (!comments) return ErrorResponse(comments.error());
      auto policy = api_.cases.PolicyOf("");
      if (!policy) return ErrorResponse(policy.error());
      Json by_rating = Json::object();
      for (int rating = core::kLowestRating; rating <= core::kHighestRating; ++rating) {
        by_rating[std::to_string(rating)] = counts->counts[static_cast<std::size_t>(rating - 1)];
      }
      const auto average = counts->Average();
      Json rows = Json::array();
      for (const auto& r : comments->rows) {
        rows.push_back(
            {{"id", r.id},
             {"rating", r.rating},
             {"comment", r.comment},
             {"language", r.language},
             {"customer_id", r.customer_id ? Json(*r.customer_id) : Json(nullptr)},
             {"received_at", core::FormatInstant(r.received_at, (*policy)->calendar->zone())}});
      }
      return JsonResponse(
          200, {{"counts", std::move(by_rating)},
                {"total", counts->Total()},
                {"average", average ? Json(*average) : Json(nullptr)},
                {"comments", std::move(rows)},
                {"next_cursor",
                 comments->next_cursor.empty() ? Json(nullptr) : Json(comments->next_cursor)}});
    });
  }

 private:
  // The "rating" member: a whole number (its range is the core's to judge).
  static int Rating(JsonReader& read) {
    if (!read.Has("rating")) {
      read.Problem("rating", "is missing");
      return 0;
    }
    auto rating = read.Id("rating");
    return rating && *rating <= core::kHighestRating ? static_cast<int>(*rating) : 0;
  }

  // The customer signed in to the portal, if the request carries their session; anyone else
  // (nobody, staff, a session that has ended) answers anonymously.
  std::optional<core::Id> SignedInCustomer(const Request& request) {
    if (!CookieValue(request, kSessionCookie)) return std::nullopt;
    auto who = Authenticate(request, api_.authenticator);
    if (!who || who->principal.kind != core::Principal::Kind::kCustomer) return std::nullopt;
    return who->principal.id;
  }

  const CaseApi& api_;
};

}  // namespace

void AddSatisfactionRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<SatisfactionHandlers>(api);
  router.Add(
      "POST", "/api/v1/portal/satisfaction",
      [h](const Request& r, const RouteParams&) { return h->Submit(r); },
      RouteOptions().WithRateLimit(api.portal_limiter));
  router.Add("GET", "/api/v1/satisfaction",
             [h](const Request& r, const RouteParams&) { return h->Read(r); });
}

}  // namespace caredesk::http
