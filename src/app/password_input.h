// Reading a secret from standard input for `user add` and `user password`: the first line, with
// terminal echo off when stdin is a terminal (a prompt then goes to stderr). The secret is
// never printed or logged.
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace caredesk::app {

// The first line of stdin without its line ending; nothing when stdin is at its end.
std::optional<std::string> ReadPasswordLine(std::istream& in, const char* prompt);

}  // namespace caredesk::app
