#include "http/report_query.h"

#include "http/queue_query.h"

namespace caredesk::http {

core::ReportParameters ReportParametersOf(const Request& request) {
  core::ReportParameters p;
  p.year = std::string(request.Query("year").value_or(""));
  p.from = std::string(request.Query("from").value_or(""));
  p.until = std::string(request.Query("until").value_or(""));
  p.kinds = QueryValues(request, "kind");
  p.channels = QueryValues(request, "channel");
  p.stages = QueryValues(request, "stage");
  p.department_ids = QueryValues(request, "department_id");
  p.services = QueryValues(request, "service");
  return p;
}

}  // namespace caredesk::http
