// Customer records over the API: read one, find one by email, and correct one — contact
// details, language, accessibility needs and reasonable adjustments, how they like to be
// answered, their account manager and their representative. A correction names only the fields
// it changes; every field is checked, an unknown one refused by name, and an email another
// customer has is a 409.
#include <fmt/format.h>

#include "core/directory.h"
#include "http/case_json.h"
#include "http/case_routes.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/queue_query.h"
#include "http/staff_routes_support.h"

namespace caredesk::http {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxLine = 1000;  // phone, address, accessibility needs, relationship

// Reads text member `key` into `field` when the request has it, within `limit` bytes.
void PatchText(JsonReader& read, const char* key, std::string& field,
               std::size_t limit = kMaxLine) {
  if (!read.Has(key)) return;
  field = read.Text(key);
  if (field.size() > limit) read.Problem(key, fmt::format("is longer than {} bytes", limit));
}

void CheckEmail(JsonReader& read, const char* key, const std::string& email) {
  if (email.empty()) return;
  if (auto problem = core::EmailProblem(email)) read.Problem(key, "is " + *problem);
}

// The "representative" member: null (none), or {"name", "email"?, "relationship"?,
// "consent_at"?}.
void PatchRepresentative(JsonReader& read, std::optional<core::Representative>& field) {
  if (!read.Has("representative")) return;
  const nlohmann::json* object = read.Object("representative");
  if (!object) {
    field.reset();
    return;
  }
  JsonReader rep(*object, "representative");
  core::Representative representative;
  representative.name = rep.Text("name");
  if (representative.name.empty()) rep.Problem("name", "must not be empty");
  representative.email = rep.Text("email", false);
  CheckEmail(rep, "email", representative.email);
  representative.relationship = rep.Text("relationship", false);
  representative.consent_at = rep.Time("consent_at", false);
  rep.RejectUnknown();
  if (auto done = rep.Done(); !done) return read.Adopt(done.error());
  field = std::move(representative);
}

// Applies the members of a PATCH body to `customer`; the first problem, by field.
core::Result<void> PatchCustomer(const nlohmann::json& body, core::CustomerRecord& customer) {
  JsonReader read(body, "");
  PatchText(read, "name", customer.name, kMaxName);
  PatchText(read, "email", customer.email);
  CheckEmail(read, "email", customer.email);
  PatchText(read, "phone", customer.phone);
  PatchText(read, "address", customer.address);
  PatchText(read, "accessibility", customer.accessibility);
  if (read.Has("language")) {
    customer.language = read.Text("language");
    if (!core::IsOneOf(core::kCustomerLanguages, customer.language)) {
      read.Problem("language", "must be \"en\" or \"es\"");
    }
  }
  if (read.Has("adjustments")) {
    customer.adjustments = read.Texts("adjustments");
    if (auto problem = core::AdjustmentsProblem(customer.adjustments)) {
      read.Problem("adjustments", *problem);
    }
  }
  if (read.Has("contact_preference")) {
    customer.contact_preference = read.Text("contact_preference");
    if (!core::IsOneOf(core::kContactPreferences, customer.contact_preference)) {
      read.Problem("contact_preference", "must be \"email\", \"phone\", \"post\" or \"\"");
    }
  }
  if (read.Has("account_manager_id")) {
    customer.account_manager_id = read.Id("account_manager_id", false);
  }
  PatchRepresentative(read, customer.representative);
  read.RejectUnknown();
  if (customer.name.empty() && customer.email.empty() && customer.phone.empty()) {
    read.Problem("name", "a customer needs a name, an email or a phone number");
  }
  return read.Done();
}

class CustomerHandlers {
 public:
  explicit CustomerHandlers(const CaseApi& api) : api_(api) {}

  Response Read(const Request& request, const RouteParams& params) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadCustomers,
                   [&](const auto&) {
                     auto customer = Find(params);
                     if (!customer) return customer.error();
                     return Shown(*customer);
                   });
  }

  // GET /customers?email=: a list of none or one, so a search that finds nothing is not an
  // error.
  Response FindByEmail(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kReadCustomers,
                   [&](const auto&) {
                     constexpr std::string_view kKnown[] = {"email"};
                     if (auto known = OnlyKnownParameters(request, kKnown); !known) {
                       return ErrorResponse(known.error());
                     }
                     auto email = request.Query("email");
                     if (!email || email->empty()) {
                       return ErrorResponse(422, "invalid", "email is missing", "email");
                     }
                     auto found = api_.store.FindCustomerByEmail(std::string(*email));
                     if (!found) return ErrorResponse(found.error());
                     JsonWriter out;
                     out.BeginObject().Key("customers").BeginArray();
                     if (*found) WriteCustomer(out, **found, Audience::kStaff);
                     return JsonTextResponse(200, out.EndArray().EndObject().Take());
                   });
  }

  Response Correct(const Request& request, const RouteParams& params) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kEditCustomers,
                   [&](const auto&) {
                     auto customer = Find(params);
                     if (!customer) return customer.error();
                     auto body = ParseJsonBody(request);
                     if (!body) return body.error();
                     const std::string old_email = customer->email;
                     if (auto patched = PatchCustomer(*body, *customer); !patched) {
                       return ErrorResponse(patched.error());
                     }
                     if (customer->account_manager_id) {
                       auto manager = api_.store.FindStaff(*customer->account_manager_id);
                       if (!manager && manager.error().code != core::ErrorCode::kNotFound) {
                         return ErrorResponse(manager.error());
                       }
                       if (!manager || !manager->active) {
                         return ErrorResponse(422, "invalid",
                                              "account_manager_id names no active staff member",
                                              "account_manager_id");
                       }
                     }
                     if (customer->email != old_email && !customer->email.empty()) {
                       auto holder = api_.store.FindCustomerByEmail(customer->email);
                       if (!holder) return ErrorResponse(holder.error());
                       if (*holder && (*holder)->id != customer->id) return EmailTaken();
                     }
                     auto saved = api_.store.SaveCustomer(*customer);
                     if (!saved && saved.error().code == core::ErrorCode::kConflict)
                       return EmailTaken();
                     if (!saved) return ErrorResponse(saved.error());
                     return Shown(*saved);
                   });
  }

 private:
  static Response Shown(const core::CustomerRecord& customer) {
    return JsonTextResponse(200, CustomerJson(customer, Audience::kStaff));
  }
  static Response EmailTaken() {
    return ErrorResponse(409, "conflict", "another customer has this email", "email");
  }

  HttpResult<core::CustomerRecord> Find(const RouteParams& params) {
    auto id = PathId(params, "id");
    if (!id) return tl::unexpected(NotFound("no such customer"));
    auto customer = api_.store.FindCustomer(*id);
    if (!customer) return tl::unexpected(LookupFailed(customer.error(), "customer"));
    return *customer;
  }

  const CaseApi& api_;
};

}  // namespace

void AddCustomerRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<CustomerHandlers>(api);
  router.Add("GET", "/api/v1/customers",
             [h](const Request& r, const RouteParams&) { return h->FindByEmail(r); });
  router.Add("GET", "/api/v1/customers/{id}",
             [h](const Request& r, const RouteParams& p) { return h->Read(r, p); });
  router.Add("PATCH", "/api/v1/customers/{id}",
             [h](const Request& r, const RouteParams& p) { return h->Correct(r, p); });
}

}  // namespace caredesk::http
