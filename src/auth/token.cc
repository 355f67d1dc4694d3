#include "auth/token.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <vector>

#include "auth/sodium.h"
#include "core/sha256.h"

namespace caredesk::auth {

SodiumTokenSource::SodiumTokenSource() {
  if (!SodiumReady()) throw std::runtime_error("libsodium could not start");
}

void SodiumTokenSource::Fill(std::span<std::uint8_t> bytes) {
  randombytes_buf(bytes.data(), bytes.size());
}

void SeededTokenSource::Fill(std::span<std::uint8_t> bytes) {
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const auto block = core::Sha256(seed_ + ":" + std::to_string(counter_++));
    const std::size_t n = std::min(block.size(), bytes.size() - filled);
    std::copy_n(block.begin(), n, bytes.begin() + static_cast<std::ptrdiff_t>(filled));
    filled += n;
  }
}

std::string_view TokenPrefix(TokenKind kind) {
  switch (kind) {
    case TokenKind::kApiToken:
      return "cdk_";
    case TokenKind::kSession:
      return "cds_";
    case TokenKind::kCsrf:
      return "cdc_";
    case TokenKind::kCaseSecret:
      return "cdt_";
  }
  return "cd?_";
}

std::string NewToken(TokenSource& source, TokenKind kind) {
  std::array<std::uint8_t, kTokenRandomBytes> random{};
  source.Fill(random);
  // Unpadded URL-safe base64: 43 characters from [A-Za-z0-9_-], safe in URLs, cookies, headers.
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string token(TokenPrefix(kind));
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const std::uint8_t byte : random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token += kAlphabet[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) token += kAlphabet[(buffer << (6 - bits)) & 0x3f];
  sodium_memzero(random.data(), random.size());
  return token;
}

bool IsWellFormedToken(std::string_view text, TokenKind kind) {
  if (text.size() != kTokenLength || !text.starts_with(TokenPrefix(kind))) return false;
  return std::all_of(text.begin() + 4, text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

std::string TokenHash(std::string_view token) { return core::Sha256Hex(token); }

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace caredesk::auth
