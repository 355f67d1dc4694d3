// Attachments over the API, for staff (case_routes.cc) and for the customer on the portal
// (portal_routes.cc), once each route has opened the case for its caller:
//   POST …/attachments?filename=NAME[&event=SEQ]  the raw bytes, Content-Type the file's type
//   GET  …/attachments                            the list
//   GET  …/attachments/{sha256}                   the file, always as a download
// A customer attaches only to their own events (by default the newest of them: what they have
// just sent) and sees only the attachments of events shown to them.
#pragma once

#include "core/store_records.h"
#include "http/case_json.h"
#include "http/case_routes.h"
#include "http/message.h"

namespace caredesk::http {

Response UploadAttachment(const CaseApi& api, const core::CaseRecord& record,
                          const Request& request, Audience audience);
Response ListAttachments(const CaseApi& api, const core::CaseRecord& record, Audience audience);
Response DownloadAttachment(const CaseApi& api, const core::CaseRecord& record,
                            std::string_view sha256, Audience audience);

}  // namespace caredesk::http
