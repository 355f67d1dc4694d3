// The public portal: a contact needs no account, and the reference and tracking secret it
// returns let the customer follow the case (X-Tracking-Secret header, never the URL, so the
// secret stays out of access logs and browser history).
#include <fmt/format.h>

#include "core/access.h"
#include "http/attachment_support.h"
#include "http/case_file_response.h"
#include "http/case_json.h"
#include "http/case_requests.h"
#include "http/case_routes.h"
#include "http/errors.h"
#include "http/json_body.h"
#include "http/request_auth.h"

namespace caredesk::http {
namespace {

constexpr std::string_view kSecretHeader = "x-tracking-secret";

class PortalHandlers {
 public:
  explicit PortalHandlers(const CaseApi& api) : api_(api) {}

  Response Submit(const Request& request) {
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    auto contact = PortalContactFromJson(*body);
    if (!contact) return ErrorResponse(contact.error());
    auto logged = api_.cases.Log(*contact);
    if (!logged) return ErrorResponse(logged.error());
    const core::CaseRecord* created = &logged->view.record;
    auto secret = api_.authenticator.IssueCaseSecret(created->id);
    if (!secret) return ErrorResponse(secret.error());
    JsonWriter out;
    out.BeginObject()
        .Field("reference", created->reference)
        .Field("tracking_secret", *secret)
        .Key("deadlines");
    WriteDeadlines(out, logged->view, Audience::kCustomer);
    Response response = JsonTextResponse(201, out.EndObject().Take());
    response.SetHeader("location", "/api/v1/portal/cases/" + created->reference);
    return response;
  }

  Response Read(const Request& request, const RouteParams& params) {
    auto opened = Open(request, params);
    if (!opened) return opened.error();
    return CaseResponse(opened->record.reference, 200);
  }

  Response Record(const Request& request, const RouteParams& params) {
    auto opened = Open(request, params);
    if (!opened) return opened.error();
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    if (auto type = EventTypeOf(*body);
        type && !core::CanActOnCase(opened->principal, opened->record, *type)) {
      return Forbidden(
          fmt::format("a customer may add information (note), answer the survey "
                      "(survey_answered) or ask for a review (escalated), not {}",
                      core::ToString(*type)));
    }
    auto event = EventRequestFromJson(*body, opened->actor, api_.clock.Now());
    if (!event) return ErrorResponse(event.error());
    auto stored = api_.cases.Record(opened->record.reference, *event);
    if (!stored) return ErrorResponse(stored.error());
    return CaseResponse(opened->record.reference, 201);
  }

  // GET /portal/cases/{reference}/file.pdf: the customer's copy of the case file.
  Response File(const Request& request, const RouteParams& params) {
    auto opened = Open(request, params);
    if (!opened) return opened.error();
    auto audience = CaseFileAudienceOf(request, Audience::kCustomer);
    if (!audience) return ErrorResponse(audience.error());
    return CaseFileResponse(api_, opened->record, *audience);
  }

  Response Attachments(const Request& request, const RouteParams& params) {
    auto opened = Open(request, params);
    if (!opened) return opened.error();
    constexpr auto kCustomer = Audience::kCustomer;
    if (request.method == "POST") return UploadAttachment(api_, opened->record, request, kCustomer);
    if (auto sha256 = params.Get("sha256"); !sha256.empty()) {
      return DownloadAttachment(api_, opened->record, sha256, kCustomer);
    }
    return ListAttachments(api_, opened->record, kCustomer);
  }

 private:
  struct Opened {
    core::Principal principal;
    core::CaseRecord record;
    core::Actor actor;
  };

  // The case the request may open: with the tracking secret, or a signed-in customer's own.
  // Anything else is "no such case", so neither a guessed reference nor a guessed secret tells
  // anything.
  HttpResult<Opened> Open(const Request& request, const RouteParams& params) {
    const std::string reference(params.Get("reference"));
    const auto not_found = [&] { return tl::unexpected(NotFound("no case " + reference)); };
    if (auto secret = request.Header(kSecretHeader)) {
      auto opened = api_.authenticator.OpenCaseBySecret(reference, *secret);
      if (!opened) return tl::unexpected(ErrorResponse(opened.error()));
      if (!*opened) return not_found();
      auto [principal, record] = std::move(**opened);
      return Opened{principal, record, core::Actor{"customer", CustomerName(record), ""}};
    }
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return tl::unexpected(who.error());
    auto record = api_.store.FindCase(reference);
    if (!record) {
      if (record.error().code != core::ErrorCode::kNotFound) {
        return tl::unexpected(ErrorResponse(record.error()));
      }
      return not_found();
    }
    if (!who->principal.IsCustomerSide() || !core::CanReadCase(who->principal, *record)) {
      return not_found();
    }
    return Opened{who->principal, *record, ActorOf(*who, CustomerName(*record))};
  }

  std::string CustomerName(const core::CaseRecord& record) {
    if (!record.customer_id) return "";
    auto customer = api_.store.FindCustomer(*record.customer_id);
    return customer ? customer->name : "";
  }

  Response CaseResponse(const std::string& reference, int status) {
    auto view = api_.cases.Read(reference);
    if (!view) return ErrorResponse(view.error());
    std::optional<core::CustomerRecord> customer;
    if (view->record.customer_id) {
      if (auto found = api_.store.FindCustomer(*view->record.customer_id)) customer = *found;
    }
    return JsonTextResponse(status, CaseJson(*view, customer, Audience::kCustomer));
  }

  const CaseApi& api_;
};

}  // namespace

void AddPortalRoutes(Router& router, const CaseApi& api) {
  auto handlers = std::make_shared<PortalHandlers>(api);
  router.Add(
      "POST", "/api/v1/portal/contacts",
      [handlers](const Request& r, const RouteParams&) { return handlers->Submit(r); },
      RouteOptions().WithRateLimit(api.portal_limiter));
  router.Add("GET", "/api/v1/portal/cases/{reference}",
             [handlers](const Request& r, const RouteParams& p) { return handlers->Read(r, p); });
  router.Add("POST", "/api/v1/portal/cases/{reference}/events",
             [handlers](const Request& r, const RouteParams& p) { return handlers->Record(r, p); });
  router.Add("GET", "/api/v1/portal/cases/{reference}/file.pdf",
             [handlers](const Request& r, const RouteParams& p) { return handlers->File(r, p); });
  auto attachments = [handlers](const Request& r, const RouteParams& p) {
    return handlers->Attachments(r, p);
  };
  router.Add("POST", "/api/v1/portal/cases/{reference}/attachments", attachments,
             RouteOptions().WithBodyLimit(api.attachment_limit).WithRateLimit(api.portal_limiter));
  router.Add("GET", "/api/v1/portal/cases/{reference}/attachments", attachments);
  router.Add("GET", "/api/v1/portal/cases/{reference}/attachments/{sha256}", attachments);
}

}  // namespace caredesk::http
