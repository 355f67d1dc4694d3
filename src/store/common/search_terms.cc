#include "store/common/search_terms.h"

#include <fmt/format.h>
#include <libstemmer.h>

#include <memory>
#include <set>

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

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

std::vector<std::string> StemsOf(const std::string& word) {
  std::vector<std::string> stems = {Stem("english", word)};
  std::string spanish = Stem("spanish", word);
  if (spanish != stems.front()) stems.push_back(std::move(spanish));
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
  for (unsigned char c : text) {
    if (!IsWordByte(c)) {
      flush();
      continue;
    }
    word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c));
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
