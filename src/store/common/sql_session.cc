#include "store/common/sql_session.h"

namespace caredesk::store {

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++next);
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace caredesk::store
