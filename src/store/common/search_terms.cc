#include "store/common/search_terms.h"

#include <fmt/format.h>
#include <libstemmer.h>

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

namespace caredesk::store {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};
using Stemmer = std::unique_ptr<sb_stemmer, StemmerDeleter>;

// Stemmers are not thread-safe; each thread keeps its own pair.
sb_stemmer* StemmerFor(const char* language) {
  thread_local Stemmer english(sb_stemmer_new("english", "UTF_8"));
  thread_local Stemmer spanish(sb_stemmer_new("spanish", "UTF_8"));
  return std::string_view(language) == "english" ? english.get() : spanish.get();
}

std::string Stem(const char* language, const std::string& word) {
  sb_stemmer* stemmer = StemmerFor(language);
  if (!stemmer) return word;
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (!stem) return word;
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

// The next code point of `text` from `at` (advancing it), or U+FFFD for a malformed sequence
// (one byte consumed), so text that is not UTF-8 still splits into words without crashing.
char32_t NextCodePoint(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  const int length = lead < 0x80           ? 1
                     : (lead >> 5) == 0x6  ? 2
                     : (lead >> 4) == 0xE  ? 3
                     : (lead >> 3) == 0x1E ? 4
                                           : 0;
  if (length == 0 || at + length > text.size()) {
    ++at;
    return U'\uFFFD';
  }
  char32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) {
      ++at;
      return U'\uFFFD';
    }
    code = (code << 6) | (next & 0x3F);
  }
  at += length;
  return code;
}

void AppendUtf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Letters and digits make words; ASCII punctuation, the Latin-1 signs (¡ ¿ « » ° ×), general
// punctuation (“ ” ‘ ’ – — …), symbols and malformed bytes separate them.
bool IsWordCharacter(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c == U'\uFFFD') return false;
  if (c >= 0xA0 && c <= 0xBF) return c == 0xAA || c == 0xBA;  // ª and º are letters
  if (c == 0xD7 || c == 0xF7) return false;                   // × and ÷
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, arrows, symbols
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  return true;
}

// Lower case for the scripts customers of a Spanish or English organisation write in: Latin-1,
// Latin Extended-A, Greek and Cyrillic capitals.
char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;     // À … Þ
  if (c >= 0x100 && c <= 0x137) return c | 1;                 // Ā ā … Ķ ķ: capitals even
  if (c >= 0x139 && c <= 0x148) return (c & 1) ? c + 1 : c;   // Ĺ ĺ … Ň ň: capitals odd
  if (c >= 0x14A && c <= 0x177) return c | 1;                 // Ŋ ŋ … Ŷ ŷ
  if (c == 0x178) return 0xFF;                                // Ÿ
  if (c >= 0x179 && c <= 0x17E) return (c & 1) ? c + 1 : c;   // Ź ź … Ž ž
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek capitals
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic А … Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;                // Ѐ … Џ
  return c;
}

std::vector<std::string> StemsOf(const std::string& word) {
  // Customers write with a few thousand words, so each thread remembers the stems it has
  // computed (Snowball costs a microsecond or two a word, twice); forgotten all at once when
  // the memory would grow past a few megabytes.
  constexpr std::size_t kRemembered = 20000;
  thread_local std::unordered_map<std::string, std::vector<std::string>> remembered;
  // A number (an order, an account, a date) is its own stem, and numbers are too many to remember.
  if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return {word};
  }
  if (auto known = remembered.find(word); known != remembered.end()) return known->second;
  std::vector<std::string> stems = {Stem("english", word)};
  std::string spanish = Stem("spanish", word);
  if (spanish != stems.front()) stems.push_back(std::move(spanish));
  if (remembered.size() >= kRemembered) remembered.clear();
  remembered.emplace(word, stems);
  return stems;
}

}  // namespace

std::vector<std::string> Words(std::string_view text) {
  constexpr std::size_t kMaxWord = 64;
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word.size() <= kMaxWord) words.push_back(word);
    word.clear();
  };
  for (std::size_t at = 0; at < text.size();) {
    const char32_t c = NextCodePoint(text, at);
    if (IsWordCharacter(c)) {
      AppendUtf8(word, ToLower(c));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string IndexTerms(std::string_view text) {
  std::set<std::string> stems;
  for (const auto& word : Words(text)) {
    for (auto& stem : StemsOf(word)) stems.insert(std::move(stem));
  }
  std::string terms;
  for (const auto& stem : stems) {
    if (!terms.empty()) terms.push_back(' ');
    terms += stem;
  }
  return terms;
}

std::string MatchExpression(std::string_view text) {
  std::string expression;
  for (const auto& word : Words(text)) {
    std::string alternatives;
    for (const auto& stem : StemsOf(word)) {
      if (!alternatives.empty()) alternatives += " OR ";
      alternatives += fmt::format("\"{}\"", stem);  // quoted: stems never contain quotes
    }
    if (!expression.empty()) expression += " AND ";
    expression += "(" + alternatives + ")";
  }
  return expression;
}

}  // namespace caredesk::store
