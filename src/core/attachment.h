// What an attachment may be: a file a customer or member of staff adds to a case (a photo of the
// damage, a letter, a receipt). Checked before anything is stored; the store keeps the bytes by
// their SHA-256.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caredesk::core {

// The content types accepted: documents, images and plain text, nothing a browser would run.
bool IsAcceptedAttachmentType(std::string_view content_type);

// Why `filename` cannot name an attachment (empty, longer than 200 bytes, not UTF-8, a path or
// control characters), or nothing when it can.
std::optional<std::string> AttachmentNameProblem(std::string_view filename);

}  // namespace caredesk::core
