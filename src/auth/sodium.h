// libsodium's one-time start-up, shared by the auth layer's files.
#pragma once

namespace caredesk::auth {

// Initialises libsodium once per process (thread-safe); false when it cannot start.
bool SodiumReady();

}  // namespace caredesk::auth
