// GET /api/v1/cases query parameters → the store's QueueQuery. Lists are comma-separated or
// repeated (`status=open,awaiting_customer` or `status=open&status=awaiting_customer`); ids are
// positive integers; `received_from` / `received_until` are RFC 3339; `limit` is 1–500
// (default 50); `cursor` is the `next_cursor` of the page before. An unknown parameter or value
// is refused, naming it. The paging and unknown-parameter checks serve every list route.
#pragma once

#include <span>
#include <string_view>

#include "core/store.h"
#include "http/message.h"

namespace caredesk::http {

core::Result<core::QueueQuery> QueueQueryFrom(const Request& request);
// Every value of query parameter `name`, repeated or comma-separated.
std::vector<std::string> QueryValues(const Request& request, const std::string& name);
// `customer_id`: staff asking for one customer's cases (newest first) instead of the queue.
core::Result<std::optional<core::Id>> CustomerFilterFrom(const Request& request);
// The positive id in query parameter `name`, if given; kInvalid naming it otherwise.
core::Result<std::optional<core::Id>> IdParameter(const Request& request, const std::string& name);

// kInvalid naming the first query parameter that is not one of `known`.
core::Result<void> OnlyKnownParameters(const Request& request,
                                       std::span<const std::string_view> known);

// A keyset page request: `cursor` (the next_cursor of the page before) and `limit` (1–500,
// default 50).
struct PageParameters {
  std::string cursor;
  int limit = 50;
};
core::Result<PageParameters> PageParametersFrom(const Request& request);

}  // namespace caredesk::http
