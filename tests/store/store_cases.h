// Cases for the store suites: a new contact with its received event, ready for CreateCase.
#pragma once

#include <chrono>
#include <string>

#include "core/store.h"

namespace caredesk::testing {

inline const core::Actor kAgent{"staff-1", "Alex Agent", "AA"};

// An open email contact received at `received`, logged 30 seconds later under the suites'
// policy version "test-policy-v1".
inline core::NewCase Contact(const std::string& subject, const std::string& body,
                             core::Instant received, core::Kind kind = core::Kind::kComplaint) {
  core::NewCase new_case;
  auto& r = new_case.record;
  r.kind = kind;
  r.channel = core::Channel::kEmail;
  r.status = core::CaseStatus::kOpen;
  r.subject = subject;
  r.policy_version = "test-policy-v1";
  r.received_at = received;
  r.logged_at = received + std::chrono::seconds{30};
  r.updated_at = received + std::chrono::seconds{30};
  core::event::Received payload;
  payload.kind = kind;
  payload.channel = core::Channel::kEmail;
  payload.subject = subject;
  payload.body = body;
  new_case.received = core::CaseEvent{received, kAgent, payload};
  return new_case;
}

}  // namespace caredesk::testing
