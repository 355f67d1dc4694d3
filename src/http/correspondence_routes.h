// The routes of what caredesk writes and sends (issue 6): the message templates an admin edits,
// the outbox (every message, and the staff's to-do list of letters to post and calls to make),
// service notices, and the portal's standing satisfaction survey.
#pragma once

#include "http/case_routes.h"

namespace caredesk::jobs {
class Correspondent;
}

namespace caredesk::http {

// GET /templates, PUT and DELETE /templates/{kind}/{language}, POST /templates/preview
// (template_routes.cc).
void AddTemplateRoutes(Router& router, const CaseApi& api);
// GET /outbox, POST /outbox/{id}/retry, /cancel and /done, GET /outbox/{id}/letter.pdf
// (outbox_routes.cc).
void AddOutboxRoutes(Router& router, const CaseApi& api);
// POST, GET /notices, PUT /notices/{id}, GET /portal/notices (notice_routes.cc); `correspondent`
// writes a notice to the customers it concerns, and must outlive the router.
void AddNoticeRoutes(Router& router, const CaseApi& api, jobs::Correspondent& correspondent);
// POST /portal/satisfaction, GET /satisfaction (satisfaction_routes.cc).
void AddSatisfactionRoutes(Router& router, const CaseApi& api);

}  // namespace caredesk::http
