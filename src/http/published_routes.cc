// What the organisation publishes, for the portal: its name and time zone, its standards, how to
// complain and where to go next, from the active policy, in the reader's language when the
// policy has that translation. Open to everyone: customers must know what to expect before they
// contact anyone.
#include "core/calendar.h"
#include "http/case_routes.h"
#include "http/errors.h"
#include "http/json_writer.h"
#include "http/markdown.h"

namespace caredesk::http {
namespace {

Response Published(const CaseApi& api, const Request& request) {
  auto policy = api.cases.PolicyOf("");
  if (!policy) return ErrorResponse(policy.error());
  const core::Policy& p = **policy;
  const std::string first = p.languages.empty() ? "en" : p.languages.front();
  std::string language(request.Query("lang").value_or(first));
  if (!p.published_translations.contains(language)) language = first;
  const core::PublishedText& text = p.PublishedIn(language);
  JsonWriter out;
  out.BeginObject()
      .Field("organisation", p.name)
      .Field("time_zone", std::string(p.calendar->zone().name()))
      .Field("languages", p.languages)
      .Field("language", language)
      .Field("standards_html", MarkdownToHtml(text.standards))
      .Field("how_to_complain_html", MarkdownToHtml(text.how_to_complain))
      .Field("escalation_html", MarkdownToHtml(text.escalation))
      .Key("standards")
      .BeginArray();
  for (const auto& standard : p.standards) {
    out.BeginObject().Field("id", standard.id).Field("name", standard.name).EndObject();
  }
  out.EndArray().EndObject();
  return JsonTextResponse(200, out.Take());
}

}  // namespace

void AddPublishedRoutes(Router& router, const CaseApi& api) {
  router.Add("GET", "/api/v1/portal/standards", [&api](const Request& request, const RouteParams&) {
    return Published(api, request);
  });
}

}  // namespace caredesk::http
