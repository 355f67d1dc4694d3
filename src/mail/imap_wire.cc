#include "mail/imap_wire.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <utility>

namespace caredesk::mail {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

std::string Printable(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, 300)) {
    out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? ' ' : c);
  }
  return out;
}

// N when `line` ends in a literal marker {N}.
std::optional<std::size_t> LiteralSize(std::string_view line) {
  if (line.size() < 3 || line.back() != '}') return std::nullopt;
  const auto open = line.rfind('{');
  if (open == std::string_view::npos) return std::nullopt;
  std::size_t size = 0;
  const char* first = line.data() + open + 1;
  const char* last = line.data() + line.size() - 1;
  const auto [end, ec] = std::from_chars(first, last, size);
  if (ec != std::errc() || end != last || first == last) return std::nullopt;
  return size;
}

}  // namespace

std::string CurlImapConnection::Scrub(std::string text) const {
  if (secret.empty()) return text;
  for (std::size_t at; (at = text.find(secret)) != std::string::npos;) {
    text.replace(at, secret.size(), "***");
  }
  return text;
}

core::Result<void> CurlImapConnection::Wait(short events, Deadline deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return core::Fail(core::ErrorCode::kUnavailable, "timed out talking to " + display);
    }
    pollfd fd{socket, events, 0};
    const int ready = ::poll(&fd, 1, static_cast<int>(std::min<long long>(left.count(), 60000)));
    if (ready > 0) return {};
    if (ready < 0 && errno != EINTR) {
      return core::Fail(core::ErrorCode::kUnavailable,
                        "poll failed on the connection to " + display);
    }
  }
}

core::Result<void> CurlImapConnection::SendAll(std::string_view data, Deadline deadline) {
  while (!data.empty()) {
    std::size_t sent = 0;
    const CURLcode code = curl_easy_send(easy.get(), data.data(), data.size(), &sent);
    if (code == CURLE_AGAIN) {
      if (auto ready = Wait(POLLOUT, deadline); !ready) return ready;
      continue;
    }
    if (code != CURLE_OK) {
      return core::Fail(core::ErrorCode::kUnavailable,
                        "lost the connection to " + display + ": " + curl_easy_strerror(code));
    }
    data.remove_prefix(sent);
  }
  return {};
}

core::Result<void> CurlImapConnection::Fill(Deadline deadline) {
  if (in_pos_ > 0 && in_pos_ >= in_.size() / 2) {
    in_.erase(0, in_pos_);
    in_pos_ = 0;
  }
  char buffer[kChunk];
  for (;;) {
    std::size_t got = 0;
    const CURLcode code = curl_easy_recv(easy.get(), buffer, sizeof buffer, &got);
    if (code == CURLE_AGAIN) {
      if (auto ready = Wait(POLLIN, deadline); !ready) return ready;
      continue;
    }
    if (code != CURLE_OK || got == 0) {
      std::string why = code != CURLE_OK ? curl_easy_strerror(code) : "closed by the server";
      if (!bye_.empty()) why += " (" + bye_ + ")";
      return core::Fail(core::ErrorCode::kUnavailable,
                        "lost the connection to " + display + ": " + why);
    }
    in_.append(buffer, got);
    return {};
  }
}

core::Result<std::string> CurlImapConnection::ReadLine(Deadline deadline) {
  std::size_t scanned = 0;  // bytes after in_pos_ already searched for CRLF
  for (;;) {
    const auto end = in_.find("\r\n", in_pos_ + (scanned > 0 ? scanned - 1 : 0));
    if (end != std::string::npos) {
      std::string line = in_.substr(in_pos_, end - in_pos_);
      in_pos_ = end + 2;
      return line;
    }
    scanned = in_.size() - in_pos_;
    if (scanned > max_line) {
      return core::Fail(core::ErrorCode::kUnavailable,
                        "a reply line from " + display + " is too long");
    }
    if (auto filled = Fill(deadline); !filled) return tl::unexpected(filled.error());
  }
}

core::Result<std::string> CurlImapConnection::ReadBytes(std::size_t count, Deadline deadline) {
  std::string out;
  out.reserve(std::min(count, max_literal));
  while (out.size() < count) {
    if (in_pos_ == in_.size()) {
      if (auto filled = Fill(deadline); !filled) return tl::unexpected(filled.error());
    }
    const std::size_t take = std::min(count - out.size(), in_.size() - in_pos_);
    out.append(in_, in_pos_, take);
    in_pos_ += take;
  }
  return out;
}

core::Result<ImapReply> CurlImapConnection::Command(const std::string& command, Deadline deadline) {
  const std::string tag = "cd" + std::to_string(next_tag_++);
  if (auto sent = SendAll(tag + " " + command + "\r\n", deadline); !sent) {
    return tl::unexpected(sent.error());
  }
  ImapReply reply;
  std::size_t total = 0;
  // kInvalid, not kUnavailable: asking again gets the same answer, so the caller must ask for
  // less (the poller fetches a batch one message at a time), not retry.
  auto TooLarge = [&] {
    return core::Fail(core::ErrorCode::kInvalid, "the reply from " + display + " is too large",
                      "reply");
  };
  for (;;) {
    auto line = ReadLine(deadline);
    if (!line) return tl::unexpected(line.error());
    if (line->rfind(tag + " ", 0) == 0) {
      const std::string_view rest = std::string_view(*line).substr(tag.size() + 1);
      const auto space = rest.find(' ');
      reply.status = std::string(rest.substr(0, space));
      reply.text = space == std::string_view::npos ? "" : Printable(rest.substr(space + 1));
      return reply;
    }
    if (line->rfind("* ", 0) != 0) {
      // Continuation requests ("+") and stray lines: we send no literals, so neither can be
      // part of a reply we understand.
      return core::Fail(core::ErrorCode::kUnavailable,
                        "unexpected reply from " + display + ": " + Printable(*line));
    }
    ImapUntagged untagged;
    untagged.text = line->substr(2);
    if (untagged.text.rfind("BYE", 0) == 0) bye_ = Printable(untagged.text);
    // A line ending in {N} continues after N bytes of literal data, possibly with more literals.
    while (auto size = LiteralSize(untagged.text)) {
      if (*size > max_literal) {
        return core::Fail(core::ErrorCode::kInvalid, "the server sent " + std::to_string(*size) +
                                                         " bytes for one item, over the limit of " +
                                                         std::to_string(max_literal) + " bytes");
      }
      total += *size;
      if (total > max_literal + max_line) return TooLarge();
      auto bytes = ReadBytes(*size, deadline);
      if (!bytes) return tl::unexpected(bytes.error());
      untagged.text.erase(untagged.text.rfind('{'));
      untagged.text.append("{}");
      untagged.literals.push_back(std::move(*bytes));
      auto more = ReadLine(deadline);
      if (!more) return tl::unexpected(more.error());
      untagged.text.append(*more);
    }
    total += untagged.text.size();
    if (total > max_literal + max_line) return TooLarge();
    reply.untagged.push_back(std::move(untagged));
  }
}

namespace {

// The items of a `<seq> FETCH (...)` reply ("UID 7 BODY[] {}"), or none for another reply.
std::optional<std::string_view> FetchItems(std::string_view text) {
  const auto open = text.find(" FETCH (");
  if (open == std::string_view::npos) return std::nullopt;
  return text.substr(open + 8);
}

// The number after the item `name` ("UID", "RFC822.SIZE") when it starts an item (after "(" or
// a space, so "X-UID" is not "UID").
std::optional<std::uint64_t> ItemNumber(std::string_view items, std::string_view name) {
  const std::string key = std::string(name) + " ";
  std::size_t at = items.find(key);
  while (at != std::string_view::npos && at > 0 && items[at - 1] != ' ') {
    at = items.find(key, at + key.size());
  }
  if (at == std::string_view::npos) return std::nullopt;
  std::uint64_t value = 0;
  const char* first = items.data() + at + key.size();
  const auto [end, ec] = std::from_chars(first, items.data() + items.size(), value);
  if (ec != std::errc()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::string> FetchedBody(ImapUntagged& untagged, std::uint32_t uid) {
  const std::string_view text(untagged.text);
  const auto items = FetchItems(text);
  if (!items || ItemNumber(*items, "UID") != uid) return std::nullopt;
  const auto body = items->find("BODY[] ");
  if (body == std::string_view::npos) return std::nullopt;
  const std::string_view value = items->substr(body + 7);
  if (value.rfind("NIL", 0) == 0) return std::string();
  if (value.rfind("{}", 0) != 0) return std::nullopt;
  // Which literal: count the markers before this one.
  const std::size_t marker = static_cast<std::size_t>(items->data() - text.data()) + body + 7;
  std::size_t index = 0;
  for (std::size_t at = 0; (at = text.find("{}", at)) != std::string_view::npos && at < marker;
       at += 2) {
    ++index;
  }
  if (index >= untagged.literals.size()) return std::nullopt;
  return std::move(untagged.literals[index]);
}

std::optional<std::uint32_t> FetchedUid(const ImapUntagged& untagged) {
  const auto items = FetchItems(untagged.text);
  if (!items) return std::nullopt;
  const auto uid = ItemNumber(*items, "UID");
  if (!uid || *uid == 0 || *uid > UINT32_MAX) return std::nullopt;
  return static_cast<std::uint32_t>(*uid);
}

std::optional<std::uint64_t> FetchedSize(const ImapUntagged& untagged) {
  const auto items = FetchItems(untagged.text);
  if (!items) return std::nullopt;
  return ItemNumber(*items, "RFC822.SIZE");
}

std::string UidSet(std::span<const std::uint32_t> uids) {
  std::vector<std::uint32_t> sorted(uids.begin(), uids.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string set;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t last = i;
    while (last + 1 < sorted.size() && sorted[last + 1] == sorted[last] + 1) ++last;
    if (!set.empty()) set += ',';
    set += std::to_string(sorted[i]);
    if (last > i) set += ':' + std::to_string(sorted[last]);
    i = last + 1;
  }
  return set;
}

}  // namespace caredesk::mail
