#include "core/attachment.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace caredesk::core {

bool IsAcceptedAttachmentType(std::string_view content_type) {
  static constexpr std::array<std::string_view, 12> kAccepted = {
      "application/pdf",
      "image/png",
      "image/jpeg",
      "image/gif",
      "image/webp",
      "text/plain",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.oasis.opendocument.text",
      "application/vnd.oasis.opendocument.spreadsheet"};
  return std::find(kAccepted.begin(), kAccepted.end(), content_type) != kAccepted.end();
}

std::optional<std::string> AttachmentNameProblem(std::string_view filename) {
  constexpr std::size_t kMaxName = 200;
  if (filename.empty()) return "is empty";
  if (filename.size() > kMaxName) return "is longer than 200 bytes";
  if (!IsValidUtf8(filename)) return "is not UTF-8";
  if (filename == "." || filename == "..") return "is not a file name";
  for (unsigned char c : filename) {
    if (c == '/' || c == '\\') return "is a path: give the file's name only";
    if (c < 0x20 || c == 0x7f) return "has control characters";
  }
  return std::nullopt;
}

}  // namespace caredesk::core
