#include "core/mail_threading.h"

#include <cstddef>

namespace caredesk::core {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;  // a letter in another script
}

// Digits from `at`, at most `most`; how many there were.
std::size_t CountDigits(std::string_view text, std::size_t at, std::size_t most) {
  std::size_t count = 0;
  while (at + count < text.size() && count < most && IsDigit(text[at + count])) ++count;
  return count;
}

constexpr std::size_t kMaxSerialDigits = 12;

}  // namespace

std::optional<std::string> ReferenceInSubject(std::string_view subject) {
  for (std::size_t at = 0; at + 3 <= subject.size(); ++at) {
    if ((subject[at] != 'C' && subject[at] != 'c') ||
        (subject[at + 1] != 'D' && subject[at + 1] != 'd') || subject[at + 2] != '-') {
      continue;
    }
    if (at > 0 && IsWordChar(subject[at - 1])) continue;
    const std::size_t year_at = at + 3;
    if (CountDigits(subject, year_at, 5) != 4) continue;
    if (year_at + 4 >= subject.size() || subject[year_at + 4] != '-') continue;
    const std::size_t serial_at = year_at + 5;
    const std::size_t serial = CountDigits(subject, serial_at, kMaxSerialDigits + 1);
    if (serial < 6 || serial > kMaxSerialDigits) continue;
    const std::size_t end = serial_at + serial;
    if (end < subject.size() && IsWordChar(subject[end])) continue;
    return "CD-" + std::string(subject.substr(year_at, end - year_at));
  }
  return std::nullopt;
}

bool ShouldAnswer(const InboundMail& mail) {
  return mail.automated == Automated::kNo && !mail.from_address.empty();
}

}  // namespace caredesk::core
