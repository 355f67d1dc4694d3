#include "http/case_file_response.h"

#include <fmt/format.h>

#include "http/errors.h"
#include "http/queue_query.h"
#include "print/case_file_source.h"
#include "print/document_pdf.h"

namespace caredesk::http {

core::Result<print::CaseFileAudience> CaseFileAudienceOf(const Request& request, Audience reader) {
  constexpr std::string_view kKnown[] = {"for"};
  if (auto known = OnlyKnownParameters(request, kKnown); !known) {
    return tl::unexpected(known.error());
  }
  auto audience = reader == Audience::kStaff ? print::CaseFileAudience::kRegulator
                                             : print::CaseFileAudience::kCustomer;
  if (auto asked = request.Query("for")) {
    auto parsed = print::ParseCaseFileAudience(*asked);
    if (!parsed)
      return core::Fail(core::ErrorCode::kInvalid, "must be customer or regulator", "for");
    if (reader == Audience::kStaff) audience = *parsed;
  }
  return audience;
}

Response CaseFileResponse(const CaseApi& api, const core::CaseRecord& record,
                          print::CaseFileAudience audience) {
  auto input = print::ReadCaseFile(api.store, api.cases, record, api.clock.Now());
  if (!input) return ErrorResponse(input.error());
  auto pdf = print::RenderPdf(print::CaseFile(*input, audience));
  if (!pdf) return ErrorResponse(pdf.error());
  Response response = TextResponse(200, std::move(*pdf), "application/pdf");
  response.SetHeader("content-disposition",
                     fmt::format("attachment; filename=\"{}.pdf\"", record.reference));
  response.SetHeader("cache-control", "no-store");
  return response;
}

}  // namespace caredesk::http
