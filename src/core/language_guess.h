// The language to write to a new customer in, from what they wrote: caredesk answers a contact
// in the customer's language, and a customer who first writes by email has told us theirs only by
// writing in it. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caredesk::core {

// One of `offered` (the policy's languages, first the default): the first language of
// `declared` (a Content-Language value, "es-ES, en") that is offered; else the offered language
// whose common words clearly dominate `text` (English and Spanish are known); else the first
// offered ("en" when none are).
std::string GuessLanguage(std::string_view declared, std::string_view text,
                          const std::vector<std::string>& offered);

}  // namespace caredesk::core
