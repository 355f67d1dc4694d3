// Time is injected: code that needs "now" takes a Clock, so tests run on a simulated clock and
// never sleep. The system clock lives in the app layer.
#pragma once

#include "core/instant.h"

namespace caredesk::core {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant, to the second.
  virtual Instant Now() const = 0;
};

// A clock that says what it is told; for tests and for "pretend it is" options.
class FixedClock : public Clock {
 public:
  explicit FixedClock(Instant now) : now_(now) {}
  Instant Now() const override { return now_; }
  void Set(Instant now) { now_ = now; }
  void Advance(std::chrono::seconds by) { now_ += by; }

 private:
  Instant now_;
};

}  // namespace caredesk::core
