// Suggestions (seed 004: "you said, we did"). Staff put on file the suggestions that come by
// phone, post or in person; anyone may make one on the portal, with or without a name; a
// manager responds — what was done, or why it was not adopted — and publishes it. The public
// list shows only published suggestions, and nothing of who made them.
#include <fmt/format.h>

#include "core/directory.h"
#include "http/case_requests.h"
#include "http/case_routes.h"
#include "http/json_body.h"
#include "http/queue_query.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::ordered_json;
using core::SuggestionStatus;

constexpr std::size_t kMaxText = 10'000;

enum class Shown { kToStaff, kToPublic };

Json SuggestionJson(const core::SuggestionRecord& s, Shown shown) {
  Json out = {{"id", s.id}, {"text", s.text}, {"status", core::ToString(s.status)}};
  out["response"] = s.response;
  if (shown == Shown::kToPublic) {
    out["received_on"] = core::FormatUtc(s.received_at).substr(0, 10);  // the day, no more
    return out;
  }
  out["channel"] = core::ToString(s.channel);
  out["received_at"] = core::FormatUtc(s.received_at);
  out["customer_id"] = s.customer_id ? Json(*s.customer_id) : Json(nullptr);
  out["published"] = s.published;
  return out;
}

Response PageResponse(const core::Page<core::SuggestionRecord>& page, Shown shown) {
  Json rows = Json::array();
  for (const auto& row : page.rows) rows.push_back(SuggestionJson(row, shown));
  Json out = {{"suggestions", std::move(rows)},
              {"next_cursor", page.next_cursor.empty() ? Json(nullptr) : Json(page.next_cursor)}};
  return JsonResponse(200, nlohmann::json::parse(out.dump()));
}

// What a suggestion says: present, and within its limit.
void CheckText(JsonReader& read, const char* field, const std::string& text, bool required) {
  if (required && text.empty()) read.Problem(field, "must not be empty");
  if (text.size() > kMaxText) read.Problem(field, fmt::format("is longer than {} bytes", kMaxText));
}

// A published suggestion says what became of it: adopted or not, and the response.
core::Result<void> CheckPublishable(const core::SuggestionRecord& s) {
  if (!s.published) return {};
  if (s.status != SuggestionStatus::kAdopted && s.status != SuggestionStatus::kNotAdopted) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "status must be adopted or not_adopted before the suggestion is published",
                      "status");
  }
  if (s.response.empty()) {
    return core::Fail(core::ErrorCode::kInvalid,
                      "response must say what was done, or why not, before publishing", "response");
  }
  return {};
}

class SuggestionHandlers {
 public:
  explicit SuggestionHandlers(const CaseApi& api) : api_(api) {}

  // POST /suggestions: {"channel", "text", "customer_id"?, "received_at"?}.
  Response Log(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kLogContact, [&](const auto&) {
      auto body = ParseJsonBody(request);
      if (!body) return body.error();
      JsonReader read(*body, "");
      core::SuggestionRecord suggestion;
      if (auto channel = read.Named<core::Channel>("channel", core::ParseChannel)) {
        suggestion.channel = *channel;
      }
      suggestion.text = read.Text("text");
      CheckText(read, "text", suggestion.text, true);
      suggestion.customer_id = read.Id("customer_id", false);
      const core::Instant now = api_.clock.Now();
      suggestion.received_at = read.Time("received_at", false).value_or(now);
      if (suggestion.received_at > now) read.Problem("received_at", "is in the future");
      read.RejectUnknown();
      if (auto done = read.Done(); !done) return ErrorResponse(done.error());
      if (suggestion.customer_id) {
        auto customer = api_.store.FindCustomer(*suggestion.customer_id);
        if (!customer && customer.error().code == core::ErrorCode::kNotFound) {
          return ErrorResponse(422, "invalid", "customer_id names no customer", "customer_id");
        }
        if (!customer) return ErrorResponse(customer.error());
      }
      return Saved(suggestion, 201);
    });
  }

  // GET /suggestions?status=&cursor=&limit=
  Response List(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadQueue, [&](const auto&) {
      constexpr std::string_view kKnown[] = {"status", "cursor", "limit"};
      auto query = Query(request, kKnown, false);
      if (!query) return ErrorResponse(query.error());
      if (auto status = request.Query("status")) {
        query->status = core::ParseSuggestionStatus(*status);
        if (!query->status) {
          return ErrorResponse(422, "invalid",
                               "status must be received, under_review, adopted or not_adopted",
                               "status");
        }
      }
      auto page = api_.store.Suggestions(*query);
      if (!page) return ErrorResponse(page.error());
      return PageResponse(*page, Shown::kToStaff);
    });
  }

  // PATCH /suggestions/{id}: {"status"?, "response"?, "published"?}.
  Response Respond(const Request& request, const RouteParams& params) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kManageSuggestions, [&](const auto&) {
          auto id = PathId(params, "id");
          if (!id) return NotFound("no such suggestion");
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          auto suggestion = api_.store.FindSuggestion(*id);
          if (!suggestion) return LookupFailed(suggestion.error(), "suggestion");
          JsonReader read(*body, "");
          if (read.Has("status")) {
            if (auto status = read.Named<SuggestionStatus>("status", core::ParseSuggestionStatus)) {
              suggestion->status = *status;
            }
          }
          if (read.Has("response")) suggestion->response = read.Text("response");
          CheckText(read, "response", suggestion->response, false);
          if (read.Has("published")) suggestion->published = read.Flag("published");
          read.RejectUnknown();
          if (auto done = read.Done(); !done) return ErrorResponse(done.error());
          if (auto publishable = CheckPublishable(*suggestion); !publishable) {
            return ErrorResponse(publishable.error());
          }
          return Saved(*suggestion, 200);
        });
  }

  // POST /portal/suggestions: {"text", "customer"?: {"name", "email", "phone", "language"}};
  // no customer: anonymous.
  Response Submit(const Request& request) {
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    JsonReader read(*body, "");
    core::SuggestionRecord suggestion;
    suggestion.channel = core::Channel::kWeb;
    suggestion.received_at = api_.clock.Now();
    suggestion.text = read.Text("text");
    CheckText(read, "text", suggestion.text, true);
    auto customer = CustomerFromJson(read);
    read.RejectUnknown();
    if (auto done = read.Done(); !done) return ErrorResponse(done.error());
    if (customer) {
      auto on_file = core::FindOrAddCustomer(api_.store, *customer);
      if (!on_file) return ErrorResponse(on_file.error());
      suggestion.customer_id = on_file->id;
    }
    auto saved = api_.store.SaveSuggestion(suggestion);
    if (!saved) return ErrorResponse(saved.error());
    return JsonResponse(201, {{"id", saved->id}, {"status", core::ToString(saved->status)}});
  }

  // GET /portal/suggestions?cursor=&limit=: "you said, we did".
  Response Published(const Request& request) {
    constexpr std::string_view kKnown[] = {"cursor", "limit"};
    auto query = Query(request, kKnown, true);
    if (!query) return ErrorResponse(query.error());
    auto page = api_.store.Suggestions(*query);
    if (!page) return ErrorResponse(page.error());
    return PageResponse(*page, Shown::kToPublic);
  }

 private:
  static core::Result<core::SuggestionQuery> Query(const Request& request,
                                                   std::span<const std::string_view> known,
                                                   bool published_only) {
    if (auto only = OnlyKnownParameters(request, known); !only) {
      return tl::unexpected(only.error());
    }
    auto page = PageParametersFrom(request);
    if (!page) return tl::unexpected(page.error());
    core::SuggestionQuery query;
    query.published_only = published_only;
    query.cursor = std::move(page->cursor);
    query.limit = page->limit;
    return query;
  }

  Response Saved(const core::SuggestionRecord& suggestion, int status) {
    auto saved = api_.store.SaveSuggestion(suggestion);
    if (!saved) return ErrorResponse(saved.error());
    return JsonResponse(status,
                        nlohmann::json::parse(SuggestionJson(*saved, Shown::kToStaff).dump()));
  }

  const CaseApi& api_;
};

}  // namespace

void AddSuggestionRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<SuggestionHandlers>(api);
  router.Add("POST", "/api/v1/suggestions",
             [h](const Request& r, const RouteParams&) { return h->Log(r); });
  router.Add("GET", "/api/v1/suggestions",
             [h](const Request& r, const RouteParams&) { return h->List(r); });
  router.Add("PATCH", "/api/v1/suggestions/{id}",
             [h](const Request& r, const RouteParams& p) { return h->Respond(r, p); });
  router.Add(
      "POST", "/api/v1/portal/suggestions",
      [h](const Request& r, const RouteParams&) { return h->Submit(r); },
      RouteOptions().WithRateLimit(api.portal_limiter));
  router.Add("GET", "/api/v1/portal/suggestions",
             [h](const Request& r, const RouteParams&) { return h->Published(r); });
}

}  // namespace caredesk::http
