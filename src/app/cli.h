// The `caredesk` command line: parses arguments and dispatches to the subcommands. Output is
// JSON on stdout; errors go to stderr. Exit status: 0 success, 1 a check that failed (e.g. a
// bad policy under `policy check`), 2 bad arguments.
#pragma once

namespace caredesk::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitBadArguments = 2;

int RunCli(int argc, char** argv);

}  // namespace caredesk::app
