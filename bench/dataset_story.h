// One case's events for the benchmark dataset (dataset.h): a plausible story for its kind,
// valid under the case lifecycle (docs/case-lifecycle.md), told from its receipt up to `until`
// (a case received shortly before `until` is often still open).
#pragma once

#include <random>
#include <vector>

#include "core/case_event.h"
#include "core/policy.h"

namespace caredesk::bench {

struct StoryStart {
  core::Kind kind = core::Kind::kQuestion;
  core::Channel channel = core::Channel::kEmail;
  bool anonymous = false;
  core::Instant received;
  core::Instant until;  // no event after this instant
  std::string subject;
};

std::vector<core::CaseEvent> StoryOf(std::mt19937_64& random, const core::Policy& policy,
                                     const StoryStart& start);

}  // namespace caredesk::bench
