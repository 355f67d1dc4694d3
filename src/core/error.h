// Errors are values: every expected failure in caredesk is an `Error` carried in a
// `Result<T>` (tl::expected). Exceptions never cross the core's public surface.
#pragma once

#include <string>
#include <tl/expected.hpp>

namespace caredesk::core {

enum class ErrorCode {
  kInvalid,      // bad input: a field that does not parse or breaks a rule
  kNotFound,     // the thing named does not exist
  kConflict,     // the action is not allowed in the current state
  kOutOfRange,   // a computation left the range the calendar covers
  kUnavailable,  // a resource the action needs (the database, a server) cannot be reached now
};

struct Error {
  ErrorCode code = ErrorCode::kInvalid;
  std::string message;
  std::string field;  // the input field the error is about, empty when none applies
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string message, std::string field = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

const char* ToString(ErrorCode code);

}  // namespace caredesk::core
