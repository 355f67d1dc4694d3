// The envelope of an inbound message read from its GMime headers: ids for threading, sender,
// recipients, subject, date, and whether a machine sent it (RFC 3834), all as clean UTF-8; and
// the media type of each part.
// Internal to the MIME parser (mime_parser.cc); it sees GMime, the core never does.
#pragma once

#include <gmime/gmime.h>

#include <string>

#include "core/mail.h"

namespace caredesk::mail {

// Adds a problem for staff to read, once: repeats are ignored and the list is capped.
void AddProblem(core::InboundMail& mail, std::string problem);

// Fills message_id (the first Message-ID when there are several), in_reply_to, references,
// from_address, from_name, to, subject, date, content_language and automated from `message`'s
// headers.
void ReadEnvelope(GMimeMessage* message, GMimeParserOptions* options, core::InboundMail& mail);

// "From: Ana <ana@example.es>, Date: ..., Subject: ..." lines for a message attached inside
// another (a forwarded message, the original in a bounce), to head its text.
std::string AttachedMessageHeading(GMimeMessage* message);

// type/subtype in lower case; text/plain for a Content-Type that does not even parse, as
// RFC 2045 (5.2) recommends, where GMime would say application/octet-stream.
std::string PartMimeType(GMimeObject* object);

}  // namespace caredesk::mail
