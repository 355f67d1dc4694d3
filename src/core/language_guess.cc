#include "core/language_guess.h"

#include <algorithm>
#include <array>
#include <map>

namespace caredesk::core {
namespace {

// Short, frequent words of each language that the other does not use (so not "no", "me", "a").
constexpr std::array kEnglish = {
    "the",  "and",  "to",     "of",    "is",     "it",    "my",   "you",  "your",  "have",
    "has",  "not",  "was",    "for",   "with",   "this",  "that", "are",  "be",    "i",
    "we",   "on",   "please", "thank", "thanks", "would", "been", "from", "will",  "can",
    "what", "when", "there",  "they",  "our",    "did",   "but",  "just", "still", "hello"};
constexpr std::array kSpanish = {
    "el",      "la",   "los",   "las",   "de",     "del",  "que",     "y",      "en",
    "un",      "una",  "es",    "por",   "para",   "con",  "mi",      "su",     "se",
    "lo",      "le",   "al",    "como",  "pero",   "está", "gracias", "hola",   "usted",
    "favor",   "hace", "tengo", "desde", "sin",    "muy",  "sus",     "esta",   "este",
    "todavía", "nos",  "ha",    "han",   "buenos", "días", "queja",   "saludos"};

// The lower-case primary subtag of each tag of a Content-Language value, in order.
std::vector<std::string> DeclaredLanguages(std::string_view declared) {
  std::vector<std::string> out;
  std::string tag;
  bool in_primary = true;
  for (const char c : std::string(declared) + ",") {
    if (c == ',') {
      if (!tag.empty()) out.push_back(tag);
      tag.clear();
      in_primary = true;
    } else if (c == '-' || c == '_') {
      in_primary = false;
    } else if (in_primary && c != ' ' && c != '\t') {
      tag += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
  }
  return out;
}

// How many of `text`'s words are among `words` (ASCII and Latin-1 capitals folded to lower case;
// bytes from 0x80 on are letters, so "está" is one word). At most the first 4,000 words count.
template <std::size_t N>
int CommonWords(std::string_view text, const std::array<const char*, N>& words) {
  int hits = 0;
  int seen = 0;
  std::string word;
  auto count = [&] {
    if (word.empty()) return;
    ++seen;
    for (const char* common : words) {
      if (word == common) {
        ++hits;
        break;
      }
    }
    word.clear();
  };
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 && byte <= 0x9E && byte != 0x97 && !word.empty() &&
        static_cast<unsigned char>(word.back()) == 0xC3) {
      word += static_cast<char>(byte + 0x20);  // À-Þ (but ×) to à-þ: "ESTÁ" is "está"
    } else if ((c >= 'a' && c <= 'z') || byte >= 0x80) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c + ('a' - 'A'));
    } else {
      count();
      if (seen >= 4000) break;
    }
  }
  count();
  return hits;
}

}  // namespace

std::string GuessLanguage(std::string_view declared, std::string_view text,
                          const std::vector<std::string>& offered) {
  if (offered.empty()) return "en";
  auto is_offered = [&](const std::string& language) {
    return std::find(offered.begin(), offered.end(), language) != offered.end();
  };
  for (const auto& language : DeclaredLanguages(declared)) {
    if (is_offered(language)) return language;
  }
  if (offered.size() == 1) return offered.front();
  std::map<std::string, int> hits;
  if (is_offered("en")) hits["en"] = CommonWords(text, kEnglish);
  if (is_offered("es")) hits["es"] = CommonWords(text, kSpanish);
  std::string best;
  int most = 0;
  int next = 0;
  for (const auto& [language, count] : hits) {
    if (count > most) {
      next = most;
      most = count;
      best = language;
    } else {
      next = std::max(next, count);
    }
  }
  // Clearly: a few words at least, and half as many again as the other language's.
  if (most >= 3 && most * 2 >= next * 3) return best;
  return offered.front();
}

}  // namespace caredesk::core
