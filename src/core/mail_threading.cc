#include "core/mail_threading.h"

#include <algorithm>
#include <cstddef>
#include <unordered_map>

namespace caredesk::core {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordChar(char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;  // a letter in another script
}

// Digits from `at`, at most `most`; how many there were.
std::size_t CountDigits(std::string_view text, std::size_t at, std::size_t most) {
  std::size_t count = 0;
  while (at + count < text.size() && count < most && IsDigit(text[at + count])) ++count;
  return count;
}

constexpr std::size_t kMaxSerialDigits = 12;

}  // namespace

std::optional<std::string> ReferenceInSubject(std::string_view subject) {
  for (std::size_t at = 0; at + 3 <= subject.size(); ++at) {
    if ((subject[at] != 'C' && subject[at] != 'c') ||
        (subject[at + 1] != 'D' && subject[at + 1] != 'd') || subject[at + 2] != '-') {
      continue;
    }
    if (at > 0 && IsWordChar(subject[at - 1])) continue;
    const std::size_t year_at = at + 3;
    if (CountDigits(subject, year_at, 5) != 4) continue;
    if (year_at + 4 >= subject.size() || subject[year_at + 4] != '-') continue;
    const std::size_t serial_at = year_at + 5;
    const std::size_t serial = CountDigits(subject, serial_at, kMaxSerialDigits + 1);
    if (serial < 6 || serial > kMaxSerialDigits) continue;
    const std::size_t end = serial_at + serial;
    if (end < subject.size() && IsWordChar(subject[end])) continue;
    return "CD-" + std::string(subject.substr(year_at, end - year_at));
  }
  return std::nullopt;
}

bool ShouldAnswer(const InboundMail& mail) {
  return mail.automated == Automated::kNo && !mail.from_address.empty();
}

namespace {

// Union-find over message indexes.
class Chains {
 public:
  explicit Chains(std::size_t size) : parent_(size) {
    for (std::size_t i = 0; i < size; ++i) parent_[i] = i;
  }
  std::size_t Root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Join(std::size_t a, std::size_t b) {
    a = Root(a);
    b = Root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace

std::vector<std::vector<std::size_t>> FilingChains(const std::vector<const InboundMail*>& mails) {
  Chains chains(mails.size());
  // The first message holding each key; a later one with the key joins its chain.
  std::unordered_map<std::string, std::size_t> first;
  auto key = [&](std::string name, std::size_t i) {
    const auto [at, added] = first.emplace(std::move(name), i);
    if (!added) chains.Join(at->second, i);
  };
  for (std::size_t i = 0; i < mails.size(); ++i) {
    if (!mails[i]) continue;
    const InboundMail& mail = *mails[i];
    if (!mail.from_address.empty()) key("from:" + mail.from_address, i);
    if (!mail.message_id.empty()) key("id:" + mail.message_id, i);
    if (!mail.in_reply_to.empty()) key("id:" + mail.in_reply_to, i);
    for (const auto& id : mail.references) key("id:" + id, i);
    if (auto reference = ReferenceInSubject(mail.subject)) key("case:" + *reference, i);
  }
  std::vector<std::vector<std::size_t>> out;
  std::unordered_map<std::size_t, std::size_t> chain_of_root;
  for (std::size_t i = 0; i < mails.size(); ++i) {
    const auto [at, added] = chain_of_root.emplace(chains.Root(i), out.size());
    if (added) out.emplace_back();
    out[at->second].push_back(i);
  }
  return out;
}

}  // namespace caredesk::core
