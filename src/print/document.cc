#include "print/document.h"

#include <fmt/format.h>

#include <cmath>

#include "core/utf8.h"

namespace caredesk::print {
namespace {

// Far above a year's report or a case's file (a few hundred kilobytes), far below what would
// make rendering hold a worker for long.
constexpr std::size_t kMaxTextBytes = 16 << 20;
constexpr std::size_t kMaxColumns = 24;

class Checker {
 public:
  // Counts `text` against the size limit and checks it is UTF-8.
  core::Result<void> Text(std::string_view text, std::string_view where) {
    bytes_ += text.size();
    if (bytes_ > kMaxTextBytes) {
      return core::Fail(core::ErrorCode::kInvalid,
                        fmt::format("the document's text is over {} bytes", kMaxTextBytes),
                        std::string(where));
    }
    if (!core::IsValidUtf8(text)) {
      return core::Fail(core::ErrorCode::kInvalid, fmt::format("{} is not valid UTF-8", where),
                        std::string(where));
    }
    return {};
  }

  core::Result<void> Block(const Paragraph& paragraph) {
    return Text(paragraph.text, "a paragraph");
  }
  core::Result<void> Block(const List& list) {
    for (const auto& item : list.items) {
      if (auto ok = Text(item, "a list item"); !ok) return ok;
    }
    return {};
  }
  core::Result<void> Block(const Table& table) {
    if (auto ok = Text(table.caption, "a table's caption"); !ok) return ok;
    if (table.headings.empty() || table.headings.size() > kMaxColumns) {
      return core::Fail(
          core::ErrorCode::kInvalid,
          fmt::format("table \"{}\" needs 1 to {} columns", table.caption, kMaxColumns), "table");
    }
    for (const auto& heading : table.headings) {
      if (auto ok = Text(heading, "a table's heading"); !ok) return ok;
    }
    for (const auto& row : table.rows) {
      if (row.size() != table.headings.size()) {
        return core::Fail(core::ErrorCode::kInvalid,
                          fmt::format("a row of table \"{}\" has {} cells for {} columns",
                                      table.caption, row.size(), table.headings.size()),
                          "table");
      }
      for (const auto& cell : row) {
        if (auto ok = Text(cell, "a table's cell"); !ok) return ok;
      }
    }
    return {};
  }
  core::Result<void> Block(const BarChart& chart) {
    if (auto ok = Text(chart.title, "a chart's title"); !ok) return ok;
    if (auto ok = Text(chart.description, "a chart's description"); !ok) return ok;
    for (const auto& bar : chart.bars) {
      if (auto ok = Text(bar.label, "a bar's label"); !ok) return ok;
      if (auto ok = Text(bar.value_text, "a bar's value"); !ok) return ok;
      const bool bad_target = bar.target && !(std::isfinite(*bar.target) && *bar.target >= 0);
      if (!std::isfinite(bar.value) || bar.value < 0 || bad_target) {
        return core::Fail(core::ErrorCode::kInvalid,
                          fmt::format("bar \"{}\" of chart \"{}\" has a value that is negative "
                                      "or not a number",
                                      bar.label, chart.title),
                          "chart");
      }
    }
    return {};
  }
  core::Result<void> Block(const PageBreak&) { return {}; }

 private:
  std::size_t bytes_ = 0;
};

}  // namespace

core::Result<void> Validate(const Document& document) {
  Checker check;
  for (const auto& [text, where] :
       {std::pair{&document.title, "title"}, std::pair{&document.subtitle, "subtitle"},
        std::pair{&document.organisation, "organisation"},
        std::pair{&document.generated_at, "generated_at"},
        std::pair{&document.language, "language"}, std::pair{&document.page_label, "page_label"}}) {
    if (auto ok = check.Text(*text, where); !ok) return ok;
  }
  for (const auto& section : document.sections) {
    if (auto ok = check.Text(section.heading, "a section's heading"); !ok) return ok;
    for (const auto& block : section.blocks) {
      auto ok = std::visit([&](const auto& b) { return check.Block(b); }, block);
      if (!ok) return ok;
    }
  }
  return {};
}

}  // namespace caredesk::print
