// SHA-256 over bytes, for content-derived identifiers (policy versions) and hash chains.
// Small and dependency-free so the core keeps linking nothing but the standard library.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace caredesk::core {

std::array<std::uint8_t, 32> Sha256(std::string_view bytes);
std::string Sha256Hex(std::string_view bytes);

}  // namespace caredesk::core
