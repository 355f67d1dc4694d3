// Parsing the [[standard]] tables of a policy (internal to the core's policy parser).
#pragma once

#include <vector>

#include "core/policy_reader.h"
#include "core/standard.h"

namespace caredesk::core {

// Every well-formed standard of the `standard` array; problems go to `reader`.
std::vector<Standard> ParseStandards(PolicyReader& reader, const toml::node& node);

}  // namespace caredesk::core
