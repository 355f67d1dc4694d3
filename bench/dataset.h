// A realistic organisation's case history, generated deterministically from a seed: kinds and
// channels in plausible proportions, receipts spread over three years, about five events per case
// with valid hash chains — acknowledgements, notes, replies (some late, some extended or after a
// holding reply), complaints resolved with outcomes, remedies, redress, root causes and
// preventive actions, some escalated to stage 2, decisions on adjustment requests, surveys — and
// a customer base where some customers come back. Every history folds under the policy given,
// and each case carries its projection and report figures as caredesk would have written them.
// Used by the query and report benchmarks and load tests.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/policy.h"
#include "core/store.h"

namespace caredesk::bench {

struct DatasetOptions {
  std::int64_t cases = 1000000;
  std::uint64_t seed = 1;
  int first_year = 2024;  // three years from 1 January of this year
  // The policy the cases are received under (its version is the cases'); required.
  std::shared_ptr<const core::Policy> policy;
};

// Generates the cases numbered [first, first + count) of the dataset (the same numbers give the
// same cases whatever the batch size). Customers are referred to by id 1..customers.
std::vector<core::CaseHistory> GenerateCases(const DatasetOptions& options, std::int64_t first,
                                             std::int64_t count, std::int64_t customers);

// How many customers a dataset of `cases` has (about one for every three cases).
std::int64_t CustomerCount(std::int64_t cases);

}  // namespace caredesk::bench
