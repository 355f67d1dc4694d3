// Reports over one year of a generated dataset (issue 7: every figure for one year of the
// 1-million-case dataset in under 1 s, on SQLite and on PostgreSQL). Make the dataset first (its
// cases carry their report figures), then point the benchmark at it:
//   build/bench/caredesk_dataset --db /tmp/bench.db --cases 1000000
//   CAREDESK_BENCH_DB=/tmp/bench.db build/bench/caredesk_bench --benchmark_filter=Report
// BM_AnnualPdfYear times the annual audit report of that year: the figures read and counted,
// written up (print::AnnualReport) and rendered to PDF with cairo and pango.
// Each report is timed on its own, from the store's read to the last figure; the p50_ms and
// p95_ms counters are over all of them.
#include <benchmark/benchmark.h>

#include <functional>

#include "bench_store.h"
#include "core/case_service.h"
#include "core/report_service.h"
#include "print/annual_report.h"
#include "print/document_pdf.h"

namespace {

using caredesk::bench::BenchStore;
using caredesk::bench::Percentiles;
namespace core = caredesk::core;

// 2025, the dataset's middle year, in the active policy's zone; `kinds`/`channels` filter it.
// `render` is given each report; by default nothing more is done with it.
void ReportOfYear(benchmark::State& state, std::vector<core::Kind> kinds,
                  std::vector<core::Channel> channels,
                  const std::function<void(const core::Report&)>& render = {}) {
  auto* store = BenchStore();
  if (!store) return state.SkipWithError("set CAREDESK_BENCH_DB to a dataset");
  core::FixedClock clock(*core::ParseInstant("2026-11-23T12:00:00Z"));
  core::CaseService cases(*store, clock);
  auto policy = cases.PolicyOf("");
  if (!policy) return state.SkipWithError(policy.error().message.c_str());
  const auto& calendar = *(*policy)->calendar;
  core::ReportFilter filter;
  filter.from = calendar.AtLocal(core::LocalDate{date::year{2025} / 1 / 1}, {});
  filter.until = calendar.AtLocal(core::LocalDate{date::year{2026} / 1 / 1}, {});
  filter.kinds = std::move(kinds);
  filter.channels = std::move(channels);
  std::int64_t contacts = 0;
  Percentiles(state, [&] {
    auto report = core::BuildReport(*store, cases, filter, clock.Now());
    if (!report) return state.SkipWithError(report.error().message.c_str());
    contacts = report->total.contacts;
    if (render) render(*report);
    benchmark::DoNotOptimize(report);
  });
  state.counters["cases"] = static_cast<double>(contacts);
}

void BM_ReportYear(benchmark::State& state) { ReportOfYear(state, {}, {}); }
BENCHMARK(BM_ReportYear)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_ReportYearComplaintsByEmail(benchmark::State& state) {
  ReportOfYear(state, {core::Kind::kComplaint}, {core::Channel::kEmail});
}
BENCHMARK(BM_ReportYearComplaintsByEmail)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_AnnualPdfYear(benchmark::State& state) {
  std::size_t bytes = 0;
  ReportOfYear(state, {}, {}, [&](const core::Report& report) {
    caredesk::print::AnnualContext context;
    context.organisation = "Benchmark Council";
    context.year = 2025;
    context.period = "1 January 2025 to 31 December 2025";
    context.time_zone = "Europe/London";
    context.generated_at = "23 November 2026 at 12:00 (Europe/London)";
    auto pdf = caredesk::print::RenderPdf(caredesk::print::AnnualReport(report, context));
    if (!pdf) return state.SkipWithError(pdf.error().message.c_str());
    bytes = pdf->size();
  });
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_AnnualPdfYear)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
