// The annual audit report rendered, and read back as its readers' software would: the PDF with
// poppler's pdftotext and pdftoppm (every standard and its share met in the text, numbered pages,
// pages that are not blank, tables whose rows stay whole with their header repeated), and the
// HTML page as text (every standard, a caption per table, nothing a recommendation says run as
// script). Also how long a year's PDF takes.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "pdf_reader.h"
#include "print/annual_report.h"
#include "print/document_html.h"
#include "print/document_pdf.h"
#include "print/figure_text.h"
#include "sample_report.h"

namespace caredesk::print {
namespace {

using caredesk::testing::Flattened;
using caredesk::testing::PageDarkShares;
using caredesk::testing::PagesOf;
using caredesk::testing::PdfText;
using caredesk::testing::Quoted;
using caredesk::testing::RunCommand;
using caredesk::testing::TempDir;
using caredesk::testing::WritePdf;

class AnnualPdf : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto started = std::chrono::steady_clock::now();
    auto pdf = RenderPdf(AnnualReport(sample::YearReport(), sample::Context()));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    ASSERT_TRUE(pdf) << pdf.error().message;
    pdf_ = new std::string(std::move(*pdf));
    std::cout << "annual report PDF (4 standard rows, 12 months): " << pdf_->size() << " bytes in "
              << took.count() << " s\n";
  }
  static void TearDownTestSuite() {
    delete pdf_;
    pdf_ = nullptr;
  }
  static const std::string& Pdf() { return *pdf_; }

  TempDir dir_;

 private:
  static inline std::string* pdf_ = nullptr;
};

TEST_F(AnnualPdf, NamesEveryStandardWithItsShareMet) {
  const std::string text = Flattened(PdfText(Pdf(), "-layout"));
  for (const auto& row : sample::YearReport().total.standards) {
    EXPECT_NE(text.find(row.name), std::string::npos) << row.name;
    EXPECT_NE(text.find(ShareText(row.share_met)), std::string::npos) << row.name;
  }
  for (const std::string expected :
       {"Annual audit report 2026", "Northshire Council", "Performance against each published",
        "Missed collection", "£14,814.00 GBP", "€11,760.00 EUR", "Recommendation 2",
        "<script>alert(1)</script> Review the email triage rota.", "Très bien, merci."}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
}

TEST_F(AnnualPdf, NumbersItsPagesOutOfTheirCount) {
  const std::vector<std::string> pages = PagesOf(PdfText(Pdf()));
  ASSERT_GE(pages.size(), 3u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string label =
        "Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size());
    EXPECT_NE(Flattened(pages[i]).find(label), std::string::npos) << label;
  }
  const auto info = RunCommand("pdfinfo " + Quoted(WritePdf(dir_, Pdf())) + " 2>&1");
  EXPECT_NE(Flattened(info.output).find("Title: Annual audit report 2026"), std::string::npos)
      << info.output;
}

TEST_F(AnnualPdf, EveryPageRendersToAnImageThatIsNotBlank) {
  const std::vector<double> shares = PageDarkShares(Pdf());
  for (std::size_t page = 0; page < shares.size(); ++page) {
    EXPECT_GT(shares[page], 0.002) << "page " << page + 1;  // text, rules and bars
    EXPECT_LT(shares[page], 0.5) << "page " << page + 1;    // not a page painted black
  }
  EXPECT_EQ(shares.size(), PagesOf(PdfText(Pdf())).size());
}

TEST(DocumentPdf, KeepsEachTableRowWholeAndRepeatsTheHeaderOnEveryPage) {
  Table table{
      "Every case of the year", {"Reference", "What happened", "Days"}, {}, {false, false, true}};
  for (int i = 1; i <= 160; ++i) {
    table.rows.push_back({"CD-2026-" + std::to_string(100000 + i),
                          "start" + std::to_string(i) +
                              " the customer wrote about a missed collection and was answered "
                              "with an apology and a return visit the same afternoon end" +
                              std::to_string(i),
                          std::to_string(i % 20)});
  }
  Document document{"Case list", "", "Northshire Council", "", "en", {{"Cases", {table}}}};
  auto pdf = RenderPdf(document);
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::vector<std::string> pages = PagesOf(PdfText(*pdf));
  ASSERT_GE(pages.size(), 3u);
  for (std::size_t p = 1; p < pages.size(); ++p) {
    const std::string page = Flattened(pages[p]);
    EXPECT_NE(page.find("Every case of the year (continued)"), std::string::npos) << p;
    EXPECT_NE(page.find("What happened"), std::string::npos) << p;
  }
  std::vector<std::set<std::string>> words;  // each page's words
  for (const auto& page : pages) {
    std::istringstream in(page);
    words.emplace_back(std::istream_iterator<std::string>(in),
                       std::istream_iterator<std::string>());
  }
  for (int i = 1; i <= 160; ++i) {
    const std::string start = "start" + std::to_string(i), end = "end" + std::to_string(i);
    std::size_t found = 0;
    for (const auto& page : words) {
      const bool has_start = page.contains(start);
      EXPECT_EQ(has_start, page.contains(end)) << "row " << i << " was split";
      found += has_start ? 1 : 0;
    }
    EXPECT_EQ(found, 1u) << "row " << i;
  }
}

TEST(DocumentPdf, ARowTallerThanAPageContinuesOnTheNextBetweenLines) {
  std::string long_text;
  for (int i = 1; i <= 900; ++i) long_text += "word" + std::to_string(i) + " ";
  Table table{"A very long note", {"Case", "Note"}, {{"CD-2026-000001", long_text}}, {}};
  Document document{"Case file", "", "", "", "en", {{"Notes", {table}}}};
  auto pdf = RenderPdf(document);
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::vector<std::string> pages = PagesOf(PdfText(*pdf));
  ASSERT_GE(pages.size(), 2u);
  EXPECT_NE(Flattened(pages[1]).find("A very long note (continued)"), std::string::npos);
  // Every word once, in order, none lost at a page's foot.
  std::istringstream in(Flattened(PdfText(*pdf)));
  int next = 1;
  for (std::string word; in >> word;) {
    if (word == "word" + std::to_string(next)) ++next;
  }
  EXPECT_EQ(next, 901);
}

TEST(DocumentPdf, RendersEmptyPartsWithoutFailing) {
  Document document{
      "Nothing yet",
      "",
      "",
      "",
      "en",
      {{"Empty",
        {Table{"No rows", {"A"}, {}, {}}, BarChart{"No bars", "", {}, {}}, List{}, PageBreak{}}},
       {"Also empty", {}}}};
  auto pdf = RenderPdf(document);
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_NE(Flattened(PdfText(*pdf)).find("Also empty"), std::string::npos);
  EXPECT_NE(RenderHtml(document).find("<caption>No rows</caption>"), std::string::npos);
}

TEST(DocumentPdf, RefusesARaggedTableAndTextThatIsNotUtf8) {
  Document ragged{"T", "", "", "", "en", {{"S", {Table{"Broken", {"A", "B"}, {{"1"}}, {}}}}}};
  auto refused = RenderPdf(ragged);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalid);
  Document bad_text{"T", "", "", "", "en", {{"S", {Paragraph{"caf\xE9"}}}}};
  auto not_utf8 = RenderPdf(bad_text);
  ASSERT_FALSE(not_utf8);
  EXPECT_EQ(not_utf8.error().code, core::ErrorCode::kInvalid);
  // The HTML page stays well-formed UTF-8 all the same.
  EXPECT_NE(RenderHtml(bad_text).find("caf\xEF\xBF\xBD"), std::string::npos);
}

TEST(DocumentPdf, RendersAYearOfTenStandardRowsQuickly) {
  const Document document = AnnualReport(sample::YearReport(true), sample::Context());
  const auto started = std::chrono::steady_clock::now();
  auto pdf = RenderPdf(document);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(pdf) << pdf.error().message;
  std::cout << "annual report PDF (10 standard rows, 12 months): " << pdf->size() << " bytes, "
            << PagesOf(PdfText(*pdf)).size() << " pages in " << took.count() << " s\n";
  RecordProperty("render_seconds", std::to_string(took.count()));
  EXPECT_LT(took.count(), 30.0);  // a guard against a runaway layout, not a benchmark
}

int Count(const std::string& text, std::string_view what) {
  int count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(AnnualHtml, NamesEveryStandardCaptionsEveryTableAndRunsNoScript) {
  const Document document = AnnualReport(sample::YearReport(), sample::Context());
  const std::string html = RenderHtml(document);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  for (const auto& row : sample::YearReport().total.standards) {
    EXPECT_NE(html.find(row.name), std::string::npos) << row.name;
  }
  int tables = 0, charts = 0;
  for (const auto& section : document.sections) {
    for (const auto& block : section.blocks) {
      tables += std::holds_alternative<Table>(block) ? 1 : 0;
      charts += std::holds_alternative<BarChart>(block) ? 1 : 0;
    }
  }
  ASSERT_GT(charts, 0);
  // Every chart's figures are a table too.
  EXPECT_EQ(Count(html, "<table>"), tables + charts);
  EXPECT_EQ(Count(html, "<caption>"), tables + charts);
  EXPECT_EQ(Count(html, "<svg role=\"img\""), charts);
  EXPECT_EQ(Count(html, "<title id=\"chart-"), charts);
  EXPECT_EQ(Count(html, "<desc id=\"chart-"), charts);
  EXPECT_NE(html.find("<th scope=\"col\""), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"row\""), std::string::npos);
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; Review the email triage rota."),
            std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;at all&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

}  // namespace
}  // namespace caredesk::print
