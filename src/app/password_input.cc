#include "app/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace caredesk::app {
namespace {

// Turns terminal echo off for its lifetime when stdin is a terminal.
class EchoOff {
 public:
  EchoOff() {
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;
  bool active() const { return active_; }

 private:
  termios saved_{};
  bool active_ = false;
};

}  // namespace

std::optional<std::string> ReadPasswordLine(std::istream& in, const char* prompt) {
  EchoOff echo_off;
  if (echo_off.active()) std::cerr << prompt << std::flush;
  std::string line;
  const bool read = static_cast<bool>(std::getline(in, line));
  if (echo_off.active()) std::cerr << "\n";
  if (!read && line.empty()) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace caredesk::app
