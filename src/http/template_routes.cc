// Message templates, for admins: every kind in each of the active policy's languages as it is in
// force — an admin's edit, else the template caredesk ships — with the variables it may and must
// use and every problem core::CheckTemplates finds in the set; an edit, refused whole (422,
// naming the field) when it would not render or leaves out a variable its kind must use; going
// back to the shipped template; and a preview rendered with sample values.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "http/correspondence_routes.h"
#include "http/json_body.h"
#include "http/json_reader.h"
#include "http/staff_routes_support.h"
#include "mail/default_templates.h"
#include "mail/template_renderer.h"

namespace caredesk::http {
namespace {

using Json = nlohmann::json;
using core::MessageTemplate;
using core::TemplateProblem;

Json Names(std::span<const std::string_view> names) {
  Json out = Json::array();
  for (auto name : names) out.push_back(name);
  return out;
}

Json ProblemJson(const TemplateProblem& p) {
  return {{"problem", core::ToString(p.problem)},
          {"kind", core::ToString(p.kind)},
          {"language", p.language},
          {"field", p.field.empty() ? Json(nullptr) : Json(p.field)},
          {"message", p.message}};
}

Json EntryJson(core::TemplateKind kind, const std::string& language, const MessageTemplate* tmpl,
               bool edited) {
  return {{"kind", core::ToString(kind)},
          {"language", language},
          {"subject", tmpl ? tmpl->subject : ""},
          {"text", tmpl ? tmpl->text : ""},
          {"edited", edited},
          {"variables", Names(core::VariablesOf(kind))},
          {"required", Names(core::RequiredVariablesOf(kind))}};
}

const MessageTemplate* Find(std::span<const MessageTemplate> templates, core::TemplateKind kind,
                            std::string_view language) {
  for (const auto& t : templates) {
    if (t.kind == kind && t.language == language) return &t;
  }
  return nullptr;
}

// The templates in force: every edit, and each shipped template no edit replaces.
std::vector<MessageTemplate> InForce(const std::vector<MessageTemplate>& edits) {
  std::vector<MessageTemplate> out = edits;
  for (auto& shipped : mail::DefaultTemplates()) {
    if (!Find(edits, shipped.kind, shipped.language)) out.push_back(std::move(shipped));
  }
  return out;
}

// What is wrong with `tmpl` on its own (its translations are another matter), the worst first.
std::vector<TemplateProblem> ProblemsOf(const MessageTemplate& tmpl) {
  const std::string languages[] = {tmpl.language};
  std::vector<TemplateProblem> problems = core::CheckTemplates({&tmpl, 1}, languages);
  std::erase_if(problems, [](const TemplateProblem& p) {
    return p.problem == core::TemplateProblemKind::kMissingTranslation;
  });
  return problems;
}

// 422 naming the field of the first problem, with every problem's message.
Response Refused(const std::vector<TemplateProblem>& problems) {
  Json messages = Json::array();
  for (const auto& p : problems) messages.push_back(p.message);
  const TemplateProblem& first = problems.front();
  Json answer = Json::parse(ErrorResponse(422, "invalid", first.message, first.field).body);
  answer["error"]["problems"] = std::move(messages);
  return JsonResponse(422, answer);
}

// A template of `kind` and `language` with the subject and text of a request body read by `read`.
MessageTemplate TemplateFrom(JsonReader& read, core::TemplateKind kind, std::string language) {
  std::string subject = read.Text("subject");
  std::string text = read.Text("text");
  return MessageTemplate{kind, std::move(language), std::move(subject), std::move(text)};
}

class TemplateHandlers {
 public:
  explicit TemplateHandlers(const CaseApi& api) : api_(api) {}

  // GET /templates
  Response List(const Request& request) {
    return AsStaff(request, api_.authenticator, core::StaffAction::kManageTemplates,
                   [&](const auto&) {
                     auto policy = api_.cases.PolicyOf("");
                     if (!policy) return ErrorResponse(policy.error());
                     auto edits = api_.store.SavedTemplates();
                     if (!edits) return ErrorResponse(edits.error());
                     return JsonResponse(200, Listing(*edits, (*policy)->languages));
                   });
  }

  // PUT /templates/{kind}/{language}: {"subject", "text"}.
  Response Save(const Request& request, const RouteParams& params) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kManageTemplates, [&](const auto& who) {
          auto which = Which(params);
          if (!which) return which.error();
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          JsonReader read(*body, "");
          MessageTemplate tmpl = TemplateFrom(read, which->first, which->second);
          read.RejectUnknown();
          if (auto done = read.Done(); !done) return ErrorResponse(done.error());
          if (auto problems = ProblemsOf(tmpl); !problems.empty()) return Refused(problems);
          if (auto rendered = mail::Preview(tmpl); !rendered) {
            return ErrorResponse(rendered.error());
          }
          std::optional<core::Id> staff_id;
          if (who.staff) staff_id = who.staff->id;
          if (auto saved = api_.store.SaveTemplate(tmpl, api_.clock.Now(), staff_id); !saved) {
            return ErrorResponse(saved.error());
          }
          return JsonResponse(200, EntryJson(tmpl.kind, tmpl.language, &tmpl, true));
        });
  }

  // DELETE /templates/{kind}/{language}: back to the shipped template.
  Response Reset(const Request& request, const RouteParams& params) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kManageTemplates, [&](const auto&) {
          auto which = Which(params);
          if (!which) return which.error();
          const auto& [kind, language] = *which;
          auto deleted = api_.store.DeleteTemplate(kind, language);
          if (!deleted) return LookupFailed(deleted.error(), "edited template");
          const auto shipped = mail::DefaultTemplates();
          return JsonResponse(200, EntryJson(kind, language, Find(shipped, kind, language), false));
        });
  }

  // POST /templates/preview: {"kind", "language", "subject", "text", "plain_text"?,
  // "large_print"?} → {subject, text, html, problems}.
  Response Preview(const Request& request) {
    return AsStaff(
        request, api_.authenticator, core::StaffAction::kManageTemplates, [&](const auto&) {
          auto body = ParseJsonBody(request);
          if (!body) return body.error();
          JsonReader read(*body, "");
          auto kind = read.Named<core::TemplateKind>("kind", core::ParseTemplateKind);
          std::string language = read.Text("language");
          if (language.empty() || language.size() > 35) {
            read.Problem("language", "must be a language tag such as \"en\"");
          }
          MessageTemplate tmpl =
              TemplateFrom(read, kind.value_or(core::TemplateKind{}), std::move(language));
          const mail::RenderOptions options{read.Flag("plain_text", false),
                                            read.Flag("large_print", false)};
          read.RejectUnknown();
          if (auto done = read.Done(); !done) return ErrorResponse(done.error());
          auto rendered = mail::Preview(tmpl, tmpl.language, options);
          if (!rendered) return ErrorResponse(rendered.error());
          Json problems = Json::array();
          for (const auto& p : ProblemsOf(tmpl)) problems.push_back(ProblemJson(p));
          return JsonResponse(200, {{"subject", rendered->subject},
                                    {"text", rendered->text},
                                    {"html", rendered->html},
                                    {"problems", std::move(problems)}});
        });
  }

 private:
  static Json Listing(const std::vector<MessageTemplate>& edits,
                      const std::vector<std::string>& languages) {
    const std::vector<MessageTemplate> in_force = InForce(edits);
    Json templates = Json::array();
    for (const auto kind : core::kAllTemplateKinds) {
      for (const auto& language : languages) {
        templates.push_back(EntryJson(kind, language, Find(in_force, kind, language),
                                      Find(edits, kind, language) != nullptr));
      }
    }
    Json problems = Json::array();
    for (const auto& p : core::CheckTemplates(in_force, languages)) {
      problems.push_back(ProblemJson(p));
    }
    Json variables = Json::array();
    for (const auto& v : core::AllTemplateVariables()) {
      variables.push_back({{"name", v.name}, {"meaning", v.meaning}});
    }
    return {{"languages", languages},
            {"templates", std::move(templates)},
            {"problems", std::move(problems)},
            {"variables", std::move(variables)}};
  }

  // The kind and language a path names: 404 for an unknown kind or a language the policy does
  // not write in.
  HttpResult<std::pair<core::TemplateKind, std::string>> Which(const RouteParams& params) {
    auto kind = core::ParseTemplateKind(params.Get("kind"));
    if (!kind) return tl::unexpected(NotFound("no such template kind"));
    auto policy = api_.cases.PolicyOf("");
    if (!policy) return tl::unexpected(ErrorResponse(policy.error()));
    const std::string language(params.Get("language"));
    const auto& languages = (*policy)->languages;
    if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
      return tl::unexpected(
          NotFound(fmt::format("the policy does not write in \"{}\"; its languages are {}",
                               language, fmt::join(languages, ", "))));
    }
    return std::pair(*kind, language);
  }

  const CaseApi& api_;
};

}  // namespace

void AddTemplateRoutes(Router& router, const CaseApi& api) {
  auto h = std::make_shared<TemplateHandlers>(api);
  router.Add("GET", "/api/v1/templates",
             [h](const Request& r, const RouteParams&) { return h->List(r); });
  router.Add("PUT", "/api/v1/templates/{kind}/{language}",
             [h](const Request& r, const RouteParams& p) { return h->Save(r, p); });
  router.Add("DELETE", "/api/v1/templates/{kind}/{language}",
             [h](const Request& r, const RouteParams& p) { return h->Reset(r, p); });
  router.Add("POST", "/api/v1/templates/preview",
             [h](const Request& r, const RouteParams&) { return h->Preview(r); });
}

}  // namespace caredesk::http
