// Search terms: text folded to lower case, split into words and reduced to their English and
// Spanish Snowball stems ("complaints", "quejas" → "complaint", "quej"), so a search finds
// "complained" from "complaint" in either language. Both engines index what this produces for
// SQLite; PostgreSQL uses its own english and spanish text search configurations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caredesk::store {

// The distinct stems of `text`, space-separated, for indexing.
std::string IndexTerms(std::string_view text);

// An FTS5 MATCH expression for a user's search: every word must match (in either language's
// stem). Empty when the text has no words.
std::string MatchExpression(std::string_view text);

// The words of `text`: runs of letters and digits, lower-cased (Latin, Greek and Cyrillic
// capitals folded), split at punctuation in any script (¿ ¡ « » “ ” — …); words over 64 bytes
// are left out. Bytes that are not UTF-8 separate words.
std::vector<std::string> Words(std::string_view text);

}  // namespace caredesk::store
