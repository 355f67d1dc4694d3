// What full-text search covers of an event: the words a person wrote (a contact's subject and
// body, notes, call summaries, replies, reasons), never codes or instants.
#pragma once

#include <string>

#include "core/case_event.h"

namespace caredesk::store {

// The event's free text, joined by newlines; empty for events without any.
std::string SearchableText(const core::CaseEvent& event);

}  // namespace caredesk::store
