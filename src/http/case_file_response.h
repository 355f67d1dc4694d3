// A case's complete file (print/case_file.h) as the API hands it out: a PDF rendered on the
// worker pool the handler runs on, to download (`Content-Disposition: attachment`). Staff who may
// read the case choose the copy with `?for=customer|regulator` (default: regulator); a customer
// always gets the customer's copy of their own case, whatever they ask for. The caller has
// already decided that whoever asks may read the case.
#pragma once

#include "http/case_json.h"
#include "http/case_routes.h"
#include "print/case_file.h"

namespace caredesk::http {

// The copy `request` asks for (`?for=`) that a reader with `reader`'s view of the case may have;
// kInvalid naming "for" for anything but customer or regulator, or another parameter.
core::Result<print::CaseFileAudience> CaseFileAudienceOf(const Request& request, Audience reader);

// 200 with the case file of `record` as application/pdf, named REF.pdf.
Response CaseFileResponse(const CaseApi& api, const core::CaseRecord& record,
                          print::CaseFileAudience audience);

}  // namespace caredesk::http
