#include "mail/inbound_text.h"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>

#include "core/utf8.h"

namespace caredesk::mail {
namespace {

// Windows-1252 0x80..0x9F; the five unassigned bytes read as U+FFFD.
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void AppendCodePoint(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void AppendCp1252(std::string& out, unsigned char byte) {
  if (byte >= 0x80 && byte < 0xA0) {
    AppendCodePoint(out, kCp1252High[byte - 0x80]);
  } else {
    AppendCodePoint(out, byte);
  }
}

// Length of the valid UTF-8 sequence at `text[i]`, or 0 when the byte there does not start one.
std::size_t ValidSequenceAt(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  std::size_t length = c < 0x80             ? 1
                       : (c & 0xE0) == 0xC0 ? 2
                       : (c & 0xF0) == 0xE0 ? 3
                       : (c & 0xF8) == 0xF0 ? 4
                                            : 0;
  if (length == 0 || i + length > text.size()) return 0;
  return core::IsValidUtf8(text.substr(i, length)) ? length : 0;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return out;
}

// The name iconv knows for a MIME charset label, following what mail clients really mean by the
// common mislabels (WHATWG encoding standard); empty when the label cannot be a charset name.
std::string IconvName(std::string_view label) {
  if (label.empty() || label.size() > 40) return {};
  for (char c : label) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                    c == '.' || c == ':' || c == '+';
    if (!ok) return {};
  }
  static constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
      {"ks_c_5601-1987", "CP949"}, {"euc-kr", "CP949"},          {"gb2312", "GB18030"},
      {"gbk", "GB18030"},          {"x-gbk", "GB18030"},         {"x-sjis", "SHIFT_JIS"},
      {"shift-jis", "SHIFT_JIS"},  {"x-euc-jp", "EUC-JP"},       {"iso-8859-8-i", "ISO-8859-8"},
      {"big5", "BIG5-HKSCS"},      {"x-mac-roman", "MACINTOSH"}, {"iso-8859-9", "CP1254"},
      {"tis-620", "CP874"},        {"iso-8859-11", "CP874"}};
  for (const auto& [alias, name] : kAliases) {
    if (label == alias) return std::string(name);
  }
  return std::string(label);
}

bool IsWindows1252Label(std::string_view label) {
  static constexpr std::string_view kLabels[] = {
      "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",        "l1", "windows-1252", "cp1252",
      "x-cp1252",   "ascii",     "us-ascii",   "ansi_x3.4-1968"};
  return std::find(std::begin(kLabels), std::end(kLabels), label) != std::end(kLabels);
}

// Converts with iconv, replacing each byte that is not valid in the charset with U+FFFD.
// Returns false when iconv does not know the charset.
bool ConvertWithIconv(std::string_view bytes, const std::string& from, std::string& out,
                      std::size_t& replaced) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(bytes.size() + bytes.size() / 2 + 16);
  std::string buffer(16384, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  replaced = 0;
  while (in_left > 0) {
    char* dest = buffer.data();
    std::size_t dest_left = buffer.size();
    const std::size_t result = iconv(cd, &in, &in_left, &dest, &dest_left);
    out.append(buffer.data(), buffer.size() - dest_left);
    if (result != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    if (in_left == 0) break;
    // EILSEQ (an invalid byte) or EINVAL (a sequence cut off at the end): replace one byte.
    out.append("\xEF\xBF\xBD");
    ++replaced;
    ++in;
    --in_left;
  }
  char* dest = buffer.data();
  std::size_t dest_left = buffer.size();
  iconv(cd, nullptr, nullptr, &dest, &dest_left);  // flush a stateful encoding's shift state
  out.append(buffer.data(), buffer.size() - dest_left);
  iconv_close(cd);
  return true;
}

bool IsBidiControl(std::uint32_t cp) {
  return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
}

}  // namespace

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char c : bytes) AppendCp1252(out, static_cast<unsigned char>(c));
  return out;
}

std::string RepairUtf8(std::string_view bytes) {
  if (core::IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = ValidSequenceAt(bytes, i);
    if (length == 0) {
      AppendCp1252(out, static_cast<unsigned char>(bytes[i]));
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  return out;
}

DecodedText DecodeToUtf8(std::string_view bytes, std::string_view charset) {
  const std::string label = Lower(charset);
  const bool valid_utf8 = core::IsValidUtf8(bytes);
  if (label.empty() || label == "utf-8" || label == "utf8") {
    if (valid_utf8) return {std::string(bytes), {}};
    // Keep what is UTF-8 and read the stray bytes as Windows-1252: right for Latin-1 text sent
    // unlabelled or labelled UTF-8, and for UTF-8 text with a few broken bytes.
    return {RepairUtf8(bytes), label.empty()
                                   ? "a text part without a charset had bytes that were not "
                                     "UTF-8; they were read as Windows-1252"
                                   : "a text part labelled UTF-8 had bytes that were not UTF-8; "
                                     "they were read as Windows-1252"};
  }
  if (IsWindows1252Label(label)) {
    // 8-bit text that is valid UTF-8 is UTF-8 whatever its label says (Latin-1 text is almost
    // never valid UTF-8 by chance); otherwise read the label as Windows-1252, as clients mean it.
    const bool ascii = std::all_of(bytes.begin(), bytes.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) return {std::string(bytes), {}};
    if (valid_utf8) {
      return {std::string(bytes),
              fmt::format("a text part labelled {} was really UTF-8; read as UTF-8",
                          CleanHeaderText(charset, 40))};
    }
    return {Windows1252ToUtf8(bytes), {}};
  }
  const std::string name = IconvName(label);
  std::string converted;
  std::size_t replaced = 0;
  if (name.empty() || !ConvertWithIconv(bytes, name, converted, replaced)) {
    const std::string shown = CleanHeaderText(charset, 40);
    if (valid_utf8) {
      return {std::string(bytes), fmt::format("unknown charset \"{}\"; read as UTF-8", shown)};
    }
    return {Windows1252ToUtf8(bytes),
            fmt::format("unknown charset \"{}\"; read as Windows-1252", shown)};
  }
  if (replaced == 0) return {RepairUtf8(converted), {}};
  // A label that does not fit the bytes: mail that is really UTF-8 is the common case.
  if (valid_utf8) {
    return {std::string(bytes),
            fmt::format("a text part labelled {} was really UTF-8; read as UTF-8", name)};
  }
  return {
      RepairUtf8(converted),
      fmt::format("{} byte(s) of a text part were not valid {} and were replaced", replaced, name)};
}

std::string CleanBodyText(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const char c = utf8[i];
    if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
    } else if (c == '\n' || c == '\t' || static_cast<unsigned char>(c) >= 0x20) {
      if (c != 0x7F) out.push_back(c);
    }
  }
  // A byte-order mark at the start says nothing once the text is UTF-8.
  if (out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);
  return out;
}

std::string CleanHeaderText(std::string_view text, std::size_t max_bytes) {
  const std::string repaired = RepairUtf8(text);
  std::string out;
  out.reserve(std::min(repaired.size(), max_bytes + 4));
  bool space = false;
  for (char c : repaired) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
    if (out.size() > max_bytes + 4) break;
  }
  return std::string(TruncateUtf8(out, max_bytes));
}

std::string_view TruncateUtf8(std::string_view utf8, std::size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;
  return utf8.substr(0, end);
}

std::string SanitiseFilename(std::string_view name) {
  const std::string repaired = RepairUtf8(name);
  std::string_view base = repaired;
  if (const auto slash = base.find_last_of("/\\"); slash != std::string_view::npos) {
    base.remove_prefix(slash + 1);
  }
  std::string out;
  for (std::size_t i = 0; i < base.size();) {
    const std::size_t length = ValidSequenceAt(base, i);
    const std::string_view sequence = base.substr(i, std::max<std::size_t>(length, 1));
    i += sequence.size();
    const auto lead = static_cast<unsigned char>(sequence[0]);
    if (sequence.size() == 1) {
      if (lead < 0x20 || lead == 0x7F) continue;
      if (std::string_view(":*?\"<>|").find(sequence[0]) != std::string_view::npos) {
        out.push_back('_');
        continue;
      }
    }
    std::uint32_t cp = 0;
    if (sequence.size() == 2) cp = ((lead & 0x1F) << 6) | (sequence[1] & 0x3F);
    if (sequence.size() == 3) {
      cp = ((lead & 0x0F) << 12) | ((sequence[1] & 0x3F) << 6) | (sequence[2] & 0x3F);
    }
    if ((cp >= 0x80 && cp < 0xA0) || IsBidiControl(cp)) continue;
    out.append(sequence);
  }
  const auto first = out.find_first_not_of(". ");
  if (first == std::string::npos) return "attachment";
  out.erase(0, first);
  out.erase(out.find_last_not_of(". ") + 1);
  constexpr std::size_t kMaxBytes = 180;
  if (out.size() > kMaxBytes) {
    const auto dot = out.rfind('.');
    const std::string extension =
        dot != std::string::npos && out.size() - dot <= 16 ? out.substr(dot) : std::string();
    out = std::string(TruncateUtf8(out, kMaxBytes - extension.size())) + extension;
  }
  return out;
}

}  // namespace caredesk::mail
