#include "mail_text.h"

#include <cctype>

namespace caredesk::testing {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string Latin1ToUtf8(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xc0 | (byte >> 6)));
      out.push_back(static_cast<char>(0x80 | (byte & 0x3f)));
    }
  }
  return out;
}

// Appends the decoded text of `word` to `out`; false when `word` is not an encoded word.
bool DecodeWord(std::string_view word, std::string& out) {
  if (word.size() < 8 || word.substr(0, 2) != "=?" || word.substr(word.size() - 2) != "?=") {
    return false;
  }
  const std::string_view inner = word.substr(2, word.size() - 4);
  const auto q1 = inner.find('?');
  if (q1 == std::string_view::npos || q1 + 2 >= inner.size() || inner[q1 + 2] != '?') return false;
  const std::string charset = Lower(inner.substr(0, q1));
  const char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(inner[q1 + 1])));
  const std::string_view text = inner.substr(q1 + 3);
  std::string bytes;
  if (encoding == 'B') {
    bytes = DecodeBase64(text);
  } else if (encoding == 'Q') {
    std::string underscored(text);
    for (char& c : underscored) c = c == '_' ? ' ' : c;
    bytes = DecodeQuotedPrintable(underscored);
  } else {
    return false;
  }
  out += charset == "iso-8859-1" ? Latin1ToUtf8(bytes) : bytes;
  return true;
}

}  // namespace

std::string HeaderBlock(std::string_view message) {
  for (const std::string_view end : {"\r\n\r\n", "\n\n"}) {
    if (const auto at = message.find(end); at != std::string_view::npos) {
      return std::string(message.substr(0, at + end.size() / 2));
    }
  }
  return std::string(message);
}

std::string HeaderValue(std::string_view message, std::string_view name) {
  const std::string block = HeaderBlock(message);
  const std::string wanted = Lower(name) + ":";
  std::size_t at = 0;
  while (at < block.size()) {
    auto end = block.find('\n', at);
    if (end == std::string::npos) end = block.size();
    const std::string line = block.substr(at, end - at);
    at = end + 1;
    if (Lower(line.substr(0, wanted.size())) != wanted) continue;
    std::string value = line.substr(wanted.size());
    // Continuation lines start with space or tab.
    while (at < block.size() && (block[at] == ' ' || block[at] == '\t')) {
      auto next = block.find('\n', at);
      if (next == std::string::npos) next = block.size();
      value += block.substr(at, next - at);
      at = next + 1;
    }
    std::string clean;
    for (const char c : value) {
      if (c != '\r' && c != '\n') clean.push_back(c == '\t' ? ' ' : c);
    }
    const auto first = clean.find_first_not_of(' ');
    const auto last = clean.find_last_not_of(' ');
    return first == std::string::npos ? "" : clean.substr(first, last - first + 1);
  }
  return "";
}

std::vector<std::string> HeaderNames(std::string_view message) {
  const std::string block = HeaderBlock(message);
  std::vector<std::string> names;
  std::size_t at = 0;
  while (at < block.size()) {
    auto end = block.find('\n', at);
    if (end == std::string::npos) end = block.size();
    const std::string line = block.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line == "\r") continue;
    names.push_back(line.substr(0, line.find(':')));
  }
  return names;
}

std::string DecodeWords(std::string_view value) {
  std::string out;
  std::string pending_space;
  bool last_was_word = false;
  std::size_t at = 0;
  while (at < value.size()) {
    if (value[at] == ' ' || value[at] == '\t') {
      pending_space.push_back(value[at++]);
      continue;
    }
    auto end = value.find_first_of(" \t", at);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view token = value.substr(at, end - at);
    std::string decoded;
    const bool is_word = DecodeWord(token, decoded);
    if (!(is_word && last_was_word)) out += pending_space;
    out += is_word ? decoded : std::string(token);
    pending_space.clear();
    last_was_word = is_word;
    at = end;
  }
  return out + pending_space;
}

std::string DecodeBase64(std::string_view text) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto value = kAlphabet.find(c);
    if (value == std::string::npos) continue;  // padding, line ends
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

std::string DecodeQuotedPrintable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 1 < text.size() && (text[i + 1] == '\r' || text[i + 1] == '\n')) {  // soft break
      i += text[i + 1] == '\r' && i + 2 < text.size() && text[i + 2] == '\n' ? 2 : 1;
      continue;
    }
    if (i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
      continue;
    }
    out.push_back('=');
  }
  return out;
}

std::string Unfold(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t eol = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2
                            : text[i] == '\n'                                             ? 1
                                                                                          : 0;
    if (eol > 0 && i + eol < text.size() && (text[i + eol] == ' ' || text[i + eol] == '\t')) {
      out.push_back(' ');
      i += eol;  // and the space or tab
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

std::string ToCrlf(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out.push_back('\r');
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace caredesk::testing
