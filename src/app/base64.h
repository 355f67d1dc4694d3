// Base64 (RFC 4648, with padding) for attachments in exports.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caredesk::app {

std::string Base64Encode(std::string_view bytes);
// Nothing when `text` is not valid base64.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace caredesk::app
