// A policy: an organisation's published standards, its business calendar, languages,
// classification lists and published text — parsed from TOML text the caller hands in (the
// core never reads files). A policy either parses whole or is refused with every problem and
// its line; it is never half-applied.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "core/automation.h"
#include "core/calendar.h"
#include "core/deadline.h"
#include "core/standard.h"

namespace caredesk::core {

struct PublishedText {
  std::string standards;        // the standards as published to customers
  std::string how_to_complain;  // how to make a complaint
  std::string escalation;       // where to go next (review, ombudsman, regulator)
};

struct Policy {
  std::string version;  // derived from the text: the first 16 hex digits of its SHA-256
  std::string name;     // the organisation's name
  std::vector<std::string> languages;
  std::optional<LocalDate> review_date;
  std::shared_ptr<const BusinessCalendar> calendar;
  double due_soon_share = 0.25;
  std::vector<std::string> natures;
  std::vector<std::string> services;
  std::vector<std::string> root_causes;
  PublishedText published;  // in the first of `languages`
  // The published text in the policy's other languages ([published.es]); a language without
  // one is shown the text above.
  std::map<std::string, PublishedText, std::less<>> published_translations;
  std::vector<Standard> standards;
  Automation automation;  // [automation]: what caredesk sends and when, by itself

  const Standard* FindStandard(std::string_view id) const;
  // The published text in `language`, or in the first language when it has no translation.
  const PublishedText& PublishedIn(std::string_view language) const;
  // The deadlines of a case under this policy, evaluated at `now`.
  Result<std::vector<Deadline>> Deadlines(const CaseFacts& facts, Instant now) const;
};

struct PolicyProblem {
  int line = 0;  // 1-based; a missing table is reported on line 1
  std::string reason;

  friend bool operator==(const PolicyProblem&, const PolicyProblem&) = default;
};

using PolicyResult = tl::expected<Policy, std::vector<PolicyProblem>>;

// Parses and validates policy text. Problems come sorted by line.
PolicyResult ParsePolicy(std::string_view text);

}  // namespace caredesk::core
