#include "core/instant.h"

#include <fmt/format.h>

namespace caredesk::core {
namespace {

// Reads exactly `width` digits at `pos`, advancing it.
bool ReadDigits(std::string_view text, std::size_t& pos, int width, int& out) {
  if (pos + width > text.size()) return false;
  int value = 0;
  for (int i = 0; i < width; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += width;
  out = value;
  return true;
}

bool Expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

bool ReadDate(std::string_view text, std::size_t& pos, date::year_month_day& out) {
  int y = 0, m = 0, d = 0;
  if (!ReadDigits(text, pos, 4, y) || !Expect(text, pos, '-') || !ReadDigits(text, pos, 2, m) ||
      !Expect(text, pos, '-') || !ReadDigits(text, pos, 2, d)) {
    return false;
  }
  out = date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)};
  return out.ok();
}

}  // namespace

Result<LocalDate> ParseDate(std::string_view text) {
  std::size_t pos = 0;
  date::year_month_day ymd;
  if (!ReadDate(text, pos, ymd) || pos != text.size()) {
    return Fail(ErrorCode::kInvalid, fmt::format("\"{}\" is not a date (YYYY-MM-DD)", text));
  }
  return LocalDate{ymd};
}

Result<Instant> ParseInstant(std::string_view text) {
  auto bad = [&] {
    return Fail(ErrorCode::kInvalid,
                fmt::format("\"{}\" is not an RFC 3339 time (YYYY-MM-DDTHH:MM:SS with Z or an "
                            "offset such as +01:00)",
                            text));
  };
  std::size_t pos = 0;
  date::year_month_day ymd;
  int hh = 0, mm = 0, ss = 0;
  if (!ReadDate(text, pos, ymd)) return bad();
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')) {
    return bad();
  }
  ++pos;
  if (!ReadDigits(text, pos, 2, hh) || !Expect(text, pos, ':') || !ReadDigits(text, pos, 2, mm) ||
      !Expect(text, pos, ':') || !ReadDigits(text, pos, 2, ss)) {
    return bad();
  }
  if (hh > 23 || mm > 59 || ss > 60) return bad();
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos, ++digits;
    if (digits == 0) return bad();
  }
  if (pos >= text.size()) return bad();
  int offset_seconds = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!ReadDigits(text, pos, 2, oh) || !Expect(text, pos, ':') || !ReadDigits(text, pos, 2, om) ||
        oh > 23 || om > 59) {
      return bad();
    }
    offset_seconds = sign * (oh * 3600 + om * 60);
  } else {
    return bad();
  }
  if (pos != text.size()) return bad();
  if (ss == 60) ss = 59;  // a leap second is held at the last whole second
  auto local = date::sys_days{ymd} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
               std::chrono::seconds{ss};
  return Instant{local - std::chrono::seconds{offset_seconds}};
}

namespace {

// Appends `value` as exactly `width` decimal digits (zero-padded; value is never negative here).
void AppendDigits(std::string& out, long value, int width) {
  char digits[8];
  for (int i = width - 1; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(digits, static_cast<std::size_t>(width));
}

// "YYYY-MM-DDTHH:MM:SS" of a local or UTC time of day, written without a format string: the API
// writes several instants into every case it answers with.
void AppendDateTime(std::string& out, std::chrono::sys_seconds local) {
  const auto day = std::chrono::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> tod{local - day};
  const int year = int(ymd.year());
  if (year < 0 || year > 9999) {
    out += fmt::format("{:04}", year);
  } else {
    AppendDigits(out, year, 4);
  }
  out += '-';
  AppendDigits(out, unsigned(ymd.month()), 2);
  out += '-';
  AppendDigits(out, unsigned(ymd.day()), 2);
  out += 'T';
  AppendDigits(out, tod.hours().count(), 2);
  out += ':';
  AppendDigits(out, tod.minutes().count(), 2);
  out += ':';
  AppendDigits(out, tod.seconds().count(), 2);
}

}  // namespace

std::string FormatInstant(Instant instant, const date::time_zone& zone) {
  const auto info = zone.get_info(instant);
  std::string out;
  out.reserve(25);
  AppendDateTime(out, instant + info.offset);
  long offset = info.offset.count();
  out += offset < 0 ? '-' : '+';
  offset = offset < 0 ? -offset : offset;
  AppendDigits(out, offset / 3600, 2);
  out += ':';
  AppendDigits(out, (offset % 3600) / 60, 2);
  return out;
}

std::string FormatUtc(Instant instant) {
  std::string out;
  out.reserve(20);
  AppendDateTime(out, instant);
  out += 'Z';
  return out;
}

std::string FormatDate(LocalDate day) {
  date::year_month_day ymd{day};
  return fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()),
                     unsigned(ymd.day()));
}

}  // namespace caredesk::core
