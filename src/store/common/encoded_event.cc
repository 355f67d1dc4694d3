#include "store/common/encoded_event.h"

#include "store/common/event_codec.h"
#include "store/common/event_hash.h"
#include "store/common/searchable.h"

namespace caredesk::store {

EncodedEvent EncodeEvent(const core::CaseEvent& event) {
  // One JSON conversion of the payload serves all three: the event's JSON holds it whole.
  nlohmann::json json = EventToJson(event);
  EncodedEvent encoded;
  encoded.event_json = CanonicalJson(json);
  encoded.payload_json = CanonicalJson(json["payload"]);
  encoded.search_text = SearchableText(json["payload"]);
  return encoded;
}

}  // namespace caredesk::store
