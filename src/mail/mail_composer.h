// Turns an outgoing message (core/mail.h) into the RFC 5322 bytes that go over SMTP, with GMime.
//
// Shape: a text/plain part (UTF-8, quoted-printable); with HTML, multipart/alternative of the
// text then the HTML; with attachments, multipart/mixed of that body then each attachment
// (base64, filename per RFC 2231). Headers: From, To, Cc, Subject (RFC 2047 for non-ASCII),
// Date, Message-ID, In-Reply-To, References, MIME-Version. Lines end in CRLF.
//
// Auto-Submitted (RFC 3834) is deliberately not written: OutgoingMail does not say whether a
// person or a timer sent it, and marking an agent's reply "auto-replied" would hide it from
// customers' filters. No Precedence or X-Auto-Response-Suppress either: neither is standard, and
// they would suppress a customer's out-of-office reply that staff may want to see. Inbound,
// caredesk never answers a message marked automatic (core/mail.h), so no loop can form. When
// OutgoingMail learns who sent it, automatic acknowledgements should say `auto-replied`.
//
// Addresses and our own message id are checked, not repaired: a CR, LF, space or angle bracket
// in one would let text into the header block, so the message is refused (kInvalid, naming the
// field). Display names, the subject and filenames lose control characters. In-Reply-To and
// References come from customers' mail, so an id in them that could not be written safely is
// left out rather than blocking the reply.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/instant.h"
#include "core/mail.h"

namespace caredesk::mail {

// The message as it goes on the wire (CRLF line ends, no dot-stuffing), dated `date`.
core::Result<std::string> ComposeMail(const core::OutgoingMail& mail, core::Instant date);

// Whether `address` is a plain ASCII addr-spec (local@domain) safe to put in a header and in
// an SMTP envelope.
bool IsPlainAddress(std::string_view address);

}  // namespace caredesk::mail
