// A realistic organisation's case history, generated deterministically from a seed: kinds and
// channels in plausible proportions, receipts spread over three years, about five events per case
// (received, acknowledged, notes, reply, resolution, closure) with valid hash chains, a customer
// base where some customers come back. Used by the query benchmarks and load tests.
#pragma once

#include <cstdint>
#include <vector>

#include "core/store.h"

namespace caredesk::bench {

struct DatasetOptions {
  std::int64_t cases = 1000000;
  std::uint64_t seed = 1;
  int first_year = 2024;  // three years from 1 January of this year
  std::string policy_version = "dataset";
};

// Generates the cases numbered [first, first + count) of the dataset (the same numbers give the
// same cases whatever the batch size). Customers are referred to by id 1..customers.
std::vector<core::CaseHistory> GenerateCases(const DatasetOptions& options, std::int64_t first,
                                             std::int64_t count, std::int64_t customers);

// How many customers a dataset of `cases` has (about one for every three cases).
std::int64_t CustomerCount(std::int64_t cases);

}  // namespace caredesk::bench
