#include "http/case_routes.h"

#include <fmt/format.h>

#include "core/access.h"
#include "http/attachment_support.h"
#include "http/case_file_response.h"
#include "http/case_json.h"
#include "http/case_requests.h"
#include "http/errors.h"
#include "http/filtered_page.h"
#include "http/json_body.h"
#include "http/queue_query.h"
#include "http/request_auth.h"

namespace caredesk::http {
namespace {

// A page of the cases `who` may see, of the store's pages `fetch(cursor)` reads.
template <class Fetch>
core::Result<core::Page<core::CaseRecord>> VisiblePage(const core::Principal& who, Fetch fetch,
                                                       std::string cursor, int limit) {
  return FilteredPage<core::CaseRecord>(
      fetch, [&](const core::CaseRecord& row) { return core::CanReadCase(who, row); },
      std::move(cursor), limit);
}

class CaseHandlers {
 public:
  explicit CaseHandlers(const CaseApi& api) : api_(api) {}

  Response LogContact(const Request& request) {
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return who.error();
    if (!core::Can(who->principal, core::StaffAction::kLogContact)) return Forbidden();
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    auto parsed = ContactRequestFromJson(*body);
    if (!parsed) return ErrorResponse(parsed.error());
    core::NewContact contact = std::move(parsed->contact);
    if (parsed->customer_id) {
      auto customer = api_.store.FindCustomer(*parsed->customer_id);
      if (!customer && customer.error().code == core::ErrorCode::kNotFound) {
        return ErrorResponse(
            core::Error{core::ErrorCode::kInvalid, "customer_id names no customer", "customer_id"});
      }
      if (!customer) return ErrorResponse(customer.error());
      contact.customer = *customer;
    }
    contact.logged_by = ActorOf(*who);
    auto logged = api_.cases.Log(contact);
    if (!logged) return ErrorResponse(logged.error());
    const std::string reference = logged->view.record.reference;
    Response response;
    if (parsed->acknowledged_verbally) {
      core::CaseEvent ack{api_.clock.Now(), contact.logged_by, core::event::Acknowledged{true}};
      if (auto recorded = api_.cases.Record(reference, ack); !recorded) {
        return ErrorResponse(recorded.error());
      }
      response = CaseResponse(reference, Audience::kStaff, 201);
    } else {
      response = JsonTextResponse(201, CaseJson(logged->view, logged->customer, Audience::kStaff));
    }
    response.SetHeader("location", "/api/v1/cases/" + reference);
    return response;
  }

  Response Queue(const Request& request) {
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return who.error();
    const core::Principal& p = who->principal;
    auto query = QueueQueryFrom(request);
    if (!query) return ErrorResponse(query.error());
    auto policy = api_.cases.PolicyOf("");
    if (!policy) return ErrorResponse(policy.error());
    auto customer = CustomerFilterFrom(request);
    if (!customer) return ErrorResponse(customer.error());
    core::Result<core::Page<core::CaseRecord>> page;
    if (p.kind == core::Principal::Kind::kCustomer) {
      page = api_.store.CustomerCases(p.id, query->cursor, query->limit);
    } else if (!core::Can(p, core::StaffAction::kReadQueue)) {
      return Forbidden();
    } else if (*customer) {
      page = VisiblePage(
          p,
          [&](const std::string& cursor) {
            return api_.store.CustomerCases(**customer, cursor, query->limit);
          },
          query->cursor, query->limit);
    } else if (auto text = request.Query("q")) {
      if (!core::Can(p, core::StaffAction::kSearchCases)) return Forbidden();
      const std::string q(*text);
      page = VisiblePage(
          p, [&](const std::string& cursor) { return api_.store.Search(q, cursor, query->limit); },
          query->cursor, query->limit);
    } else {
      page = VisiblePage(
          p,
          [&](const std::string& cursor) {
            core::QueueQuery at = *query;
            at.cursor = cursor;
            return api_.store.Queue(at);
          },
          query->cursor, query->limit);
    }
    if (!page) return ErrorResponse(page.error());
    JsonWriter out;
    out.BeginObject().Key("cases").BeginArray();
    for (const auto& row : page->rows) WriteCaseSummary(out, row, *(*policy)->calendar);
    out.EndArray();
    if (page->next_cursor.empty()) {
      out.NullField("next_cursor");
    } else {
      out.Field("next_cursor", page->next_cursor);
    }
    return JsonTextResponse(200, out.EndObject().Take());
  }

  Response ReadCase(const Request& request, const RouteParams& params) {
    // The case, its events and its customer as of one moment, and in one read transaction.
    Response response;
    api_.store.ReadTogether([&] {
      auto opened = OpenCase(request, params);
      if (!opened) {
        response = opened.error();
        return;
      }
      const auto& [who, record] = *opened;
      response = CaseResponse(record, AudienceOf(who.principal, record), 200);
    });
    return response;
  }

  Response RecordEvent(const Request& request, const RouteParams& params) {
    auto opened = OpenCase(request, params);
    if (!opened) return opened.error();
    const auto& [who, record] = *opened;
    const std::string& reference = record.reference;
    auto body = ParseJsonBody(request);
    if (!body) return body.error();
    std::string customer_name;
    if (who.principal.IsCustomerSide() && record.customer_id) {
      if (auto customer = api_.store.FindCustomer(*record.customer_id)) {
        customer_name = customer->name;
      }
    }
    // Who may record it is checked before what it says, so a refusal reveals nothing.
    if (auto type = EventTypeOf(*body); type && *type != core::EventType::kReceived &&
                                        !core::CanActOnCase(who.principal, record, *type)) {
      return Forbidden(fmt::format("{} may not record a {} event on this case",
                                   PrincipalName(who.principal), core::ToString(*type)));
    }
    auto event = EventRequestFromJson(*body, ActorOf(who, customer_name), api_.clock.Now());
    if (!event) return ErrorResponse(event.error());
    auto stored = api_.cases.Record(reference, *event);
    if (!stored) return ErrorResponse(stored.error());
    return CaseResponse(reference, AudienceOf(who.principal, record), 201);
  }

  Response Attachments(const Request& request, const RouteParams& params) {
    auto opened = OpenCase(request, params);
    if (!opened) return opened.error();
    const auto& [who, record] = *opened;
    const auto audience = AudienceOf(who.principal, record);
    if (request.method == "POST") {
      if (!core::CanActOnCase(who.principal, record, core::EventType::kNote)) {
        return Forbidden(
            fmt::format("{} may not add files to this case", PrincipalName(who.principal)));
      }
      return UploadAttachment(api_, record, request, audience);
    }
    if (auto sha256 = params.Get("sha256"); !sha256.empty()) {
      return DownloadAttachment(api_, record, sha256, audience);
    }
    return ListAttachments(api_, record, audience);
  }

  // GET /cases/{reference}/file.pdf: the same readers as the case itself.
  Response File(const Request& request, const RouteParams& params) {
    auto opened = OpenCase(request, params);
    if (!opened) return opened.error();
    const auto& [who, record] = *opened;
    auto audience = CaseFileAudienceOf(request, AudienceOf(who.principal, record));
    if (!audience) return ErrorResponse(audience.error());
    return CaseFileResponse(api_, record, *audience);
  }

 private:
  // The caller and the case {reference} names, when they may read it (else the answer why not).
  HttpResult<std::pair<auth::Authenticated, core::CaseRecord>> OpenCase(const Request& request,
                                                                        const RouteParams& params) {
    auto who = Authenticate(request, api_.authenticator);
    if (!who) return tl::unexpected(who.error());
    const std::string reference(params.Get("reference"));
    auto record = api_.store.FindCase(reference);
    if (!record) return tl::unexpected(CaseNotFound(record.error(), reference));
    if (!core::CanReadCase(who->principal, *record)) {
      return tl::unexpected(Hidden(who->principal, reference));
    }
    return std::pair{std::move(*who), std::move(*record)};
  }

  static Audience AudienceOf(const core::Principal& p, const core::CaseRecord& record) {
    return core::CanReadInternalDetail(p, record) ? Audience::kStaff : Audience::kCustomer;
  }
  static std::string PrincipalName(const core::Principal& p) {
    if (!p.IsStaff()) return "a customer";
    return (p.role == core::Role::kAgent || p.role == core::Role::kAuditor ||
                    p.role == core::Role::kAdmin
                ? "an "
                : "a ") +
           std::string(core::ToString(p.role));
  }
  static Response CaseNotFound(const core::Error& error, const std::string& reference) {
    if (error.code != core::ErrorCode::kNotFound) return ErrorResponse(error);
    return NotFound(fmt::format("no case {}", reference));
  }
  // A customer is told a case they may not see does not exist, so a guessed reference reveals
  // nothing; staff are told they may not see it.
  static Response Hidden(const core::Principal& p, const std::string& reference) {
    if (p.IsCustomerSide()) return NotFound(fmt::format("no case {}", reference));
    return Forbidden(fmt::format("case {} is outside your departments", reference));
  }

  Response CaseResponse(const std::string& reference, Audience audience, int status) {
    return ViewResponse(api_.cases.Read(reference), audience, status);
  }
  Response CaseResponse(const core::CaseRecord& record, Audience audience, int status) {
    return ViewResponse(api_.cases.Read(record), audience, status);
  }
  Response ViewResponse(const core::Result<core::CaseView>& view, Audience audience, int status) {
    if (!view) return ErrorResponse(view.error());
    std::optional<core::CustomerRecord> customer;
    if (view->record.customer_id) {
      auto found = api_.store.FindCustomer(*view->record.customer_id);
      if (!found) return ErrorResponse(found.error());
      customer = *found;
    }
    return JsonTextResponse(status, CaseJson(*view, customer, audience));
  }

  const CaseApi& api_;
};

}  // namespace

void AddCaseRoutes(Router& router, const CaseApi& api) {
  auto handlers = std::make_shared<CaseHandlers>(api);
  router.Add("POST", "/api/v1/contacts",
             [handlers](const Request& r, const RouteParams&) { return handlers->LogContact(r); });
  router.Add("GET", "/api/v1/cases",
             [handlers](const Request& r, const RouteParams&) { return handlers->Queue(r); });
  router.Add(
      "GET", "/api/v1/cases/{reference}",
      [handlers](const Request& r, const RouteParams& p) { return handlers->ReadCase(r, p); });
  router.Add(
      "POST", "/api/v1/cases/{reference}/events",
      [handlers](const Request& r, const RouteParams& p) { return handlers->RecordEvent(r, p); });
  router.Add("GET", "/api/v1/cases/{reference}/file.pdf",
             [handlers](const Request& r, const RouteParams& p) { return handlers->File(r, p); });
  auto attachments = [handlers](const Request& r, const RouteParams& p) {
    return handlers->Attachments(r, p);
  };
  router.Add("POST", "/api/v1/cases/{reference}/attachments", attachments,
             RouteOptions().WithBodyLimit(api.attachment_limit));
  router.Add("GET", "/api/v1/cases/{reference}/attachments", attachments);
  router.Add("GET", "/api/v1/cases/{reference}/attachments/{sha256}", attachments);
}

}  // namespace caredesk::http
