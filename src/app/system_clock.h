// The real wall clock, for the composition root to hand to whatever needs "now".
#pragma once

#include <chrono>

#include "core/clock.h"

namespace caredesk::app {

class SystemClock : public core::Clock {
 public:
  core::Instant Now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

}  // namespace caredesk::app
