// The routes of the manager dashboard and of the admin screens that have no home among the
// case, directory and staff routes: the dashboard's figures and the business calendar's preview.
#pragma once

#include "http/case_routes.h"

namespace caredesk::http {

// Registers GET /api/v1/dashboard (dashboard_routes.cc).
void AddDashboardRoutes(Router& router, const CaseApi& api);
// Registers GET /api/v1/reports/performance (report_routes.cc).
void AddReportRoutes(Router& router, const CaseApi& api);
// Registers the report's downloads and the complaints register (report_export_routes.cc).
void AddReportExportRoutes(Router& router, const CaseApi& api);
// Registers GET /api/v1/calendar (calendar_routes.cc).
void AddCalendarRoutes(Router& router, const CaseApi& api);

}  // namespace caredesk::http
