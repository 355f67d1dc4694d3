// GMime is initialised once per process, by whichever mail function needs it first (the parser
// or the composer); g_mime_init itself is not safe to call twice at once.
#pragma once

namespace caredesk::mail {

void EnsureGMime();

}  // namespace caredesk::mail
