// Threading inbound mail onto cases, as far as the core can decide it from the message alone:
// the case reference a reply carries in its subject, and whether a message may be answered at
// all (never a machine's message, never one without a sender, so caredesk takes no part in mail
// loops). Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mail.h"

namespace caredesk::core {

// The first case reference (CD-YYYY-NNNNNN: six to twelve digits, any letter case, standing as a
// word of its own) in `subject`, in its canonical upper-case form; e.g. "CD-2026-000123" from
// "Re: [cd-2026-000123] Your complaint".
std::optional<std::string> ReferenceInSubject(std::string_view subject);

// True when a person sent the message and said where to answer.
bool ShouldAnswer(const InboundMail& mail);

// The messages of a batch read together, in chains that must be filed in order, one after
// another: messages from the same sender, naming the same case reference in their subject, or
// answering one another (In-Reply-To, References) are in one chain, so a reply is never filed
// before what it answers and a customer's messages stay in their order. Chains may be filed at
// the same time. Each chain lists indexes into `mails` ascending; chains come in the order of
// their first message. A null entry (a message that did not parse) is a chain of its own.
std::vector<std::vector<std::size_t>> FilingChains(const std::vector<const InboundMail*>& mails);

}  // namespace caredesk::core
