// GET /api/v1/cases query parameters → the store's QueueQuery. Lists are comma-separated or
// repeated (`status=open,awaiting_customer` or `status=open&status=awaiting_customer`); ids are
// positive integers; `received_from` / `received_until` are RFC 3339; `limit` is 1–500
// (default 50); `cursor` is the `next_cursor` of the page before. An unknown parameter or value
// is refused, naming it.
#pragma once

#include "core/store.h"
#include "http/message.h"

namespace caredesk::http {

core::Result<core::QueueQuery> QueueQueryFrom(const Request& request);

}  // namespace caredesk::http
