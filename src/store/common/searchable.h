// What full-text search covers of an event: the words a person wrote (a contact's subject and
// body, notes, call summaries, replies, reasons), never codes or instants.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/case_event.h"

namespace caredesk::store {

// The event's free text, joined by newlines; empty for events without any.
std::string SearchableText(const core::CaseEvent& event);

// The same from the event's payload as PayloadToJson wrote it.
std::string SearchableText(const nlohmann::json& payload);

}  // namespace caredesk::store
