// UTF-8 validity, checked at the edge so that every text caredesk keeps is well-formed
// (overlong forms, surrogates and code points past U+10FFFF are refused).
#pragma once

#include <string_view>

namespace caredesk::core {

bool IsValidUtf8(std::string_view text);

}  // namespace caredesk::core
