#include "core/service_notice.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/utf8.h"

namespace caredesk::core {
namespace {

Result<void> CheckText(const std::string& text, const char* field, std::size_t limit) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Fail(ErrorCode::kInvalid, fmt::format("{} must not be empty", field), field);
  }
  if (text.size() > limit) {
    return Fail(ErrorCode::kInvalid, fmt::format("{} is longer than {} bytes", field, limit),
                field);
  }
  if (!IsValidUtf8(text)) {
    return Fail(ErrorCode::kInvalid, fmt::format("{} is not valid UTF-8", field), field);
  }
  return {};
}

}  // namespace

Result<void> CheckNoticeFields(const ServiceNotice& notice) {
  if (auto title = CheckText(notice.title, "title", kMaxNoticeTitle); !title) return title;
  if (auto text = CheckText(notice.text, "text", kMaxNoticeText); !text) return text;
  if (notice.ends_at && *notice.ends_at <= notice.starts_at) {
    return Fail(ErrorCode::kInvalid, "ends_at must come after starts_at", "ends_at");
  }
  return {};
}

Result<void> CheckNotice(const ServiceNotice& notice, std::span<const std::string> services) {
  if (auto fields = CheckNoticeFields(notice); !fields) return fields;
  if (!notice.service.empty() &&
      std::find(services.begin(), services.end(), notice.service) == services.end()) {
    return Fail(ErrorCode::kInvalid,
                fmt::format("service \"{}\" is not one of the policy's services", notice.service),
                "service");
  }
  return {};
}

}  // namespace caredesk::core
