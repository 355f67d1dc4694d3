// What a service notice sends (core/service_notice.h): the notice written to each customer with
// an open case in the service it concerns — once per customer, about their most recent open case,
// on the channel the Correspondent chooses for them (email; a letter or a call task for those who
// asked for one) and in their language.
#pragma once

#include <string>
#include <vector>

#include "core/case_service.h"
#include "core/service_notice.h"
#include "jobs/correspondent.h"

namespace caredesk::jobs {

// The messages announcing `notice`, signed by `staff_name`; none for a customer who cannot be
// reached.
core::Result<std::vector<core::OutboxMessage>> NoticeMessages(core::Store& store,
                                                              core::CaseService& cases,
                                                              Correspondent& correspondent,
                                                              const core::ServiceNotice& notice,
                                                              const std::string& staff_name);

}  // namespace caredesk::jobs
