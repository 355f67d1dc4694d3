// A case's complete file printed, and read back as its reader's software would (pdftotext,
// pdftoppm): every entry with its date, its time in the policy's zone (named) and who made it;
// the customer's copy without what the portal hides from customers, the regulator's with
// everything; numbered pages that name the case and are not blank; a long letter flowing onto
// further pages with no word lost.
#include "print/case_file.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/access.h"
#include "pdf_reader.h"
#include "print/document_html.h"
#include "print/document_pdf.h"
#include "sample_case.h"

namespace caredesk::print {
namespace {

using caredesk::testing::Flattened;
using caredesk::testing::PageDarkShares;
using caredesk::testing::PagesOf;
using caredesk::testing::PdfText;

// Each sample event's date, local time with the zone's abbreviation, and who made it, as the file
// must print them (sample_case.h, in event order). The clocks went forward on 29 March 2026.
const std::vector<std::string> kEntries = {
    "2026-03-02 09:15 GMT · system",          "2026-03-02 10:02 GMT · JS (Jo Smith)",
    "2026-03-03 11:30 GMT · JS (Jo Smith)",   "2026-03-04 14:45 GMT · customer (Ann Able)",
    "2026-03-05 16:20 GMT · SP (Sam Patel)",  "2026-03-06 10:00 GMT · SP (Sam Patel)",
    "2026-03-09 15:10 GMT · JS (Jo Smith)",   "2026-03-12 09:00 GMT · customer (Ann Able)",
    "2026-04-01 09:30 BST · MM (Mo Manager)", "2026-04-02 14:05 BST · MM (Mo Manager)",
};

std::string PdfOf(const CaseFileInput& input, CaseFileAudience audience) {
  auto pdf = RenderPdf(CaseFile(input, audience));
  EXPECT_TRUE(pdf) << pdf.error().message;
  return pdf ? *pdf : "";
}

bool Has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(CaseFile, TheRegulatorsCopyGivesEveryEntryItsDateTimeZoneAndInitials) {
  const CaseFileInput input = sample::Input();
  ASSERT_EQ(input.view.events.size(), kEntries.size());
  const std::string text = Flattened(PdfText(PdfOf(input, CaseFileAudience::kRegulator)));
  for (std::size_t i = 0; i < kEntries.size(); ++i) {
    EXPECT_TRUE(Has(text, std::to_string(i + 1) + ". " + kEntries[i])) << kEntries[i];
  }
  // The messages out, each written by the system, and the alert to staff.
  for (const std::string expected :
       {"2026-03-02 10:02 GMT · system · Email to the customer: We have your complaint",
        "2026-03-09 15:10 GMT · system · Email to the customer: Our reply",
        "Dear Ann, we are sorry: a new certificate is on its way.",
        "2026-03-08 08:00 GMT · system · Alert to staff (Due soon alert)"}) {
    EXPECT_TRUE(Has(text, expected)) << expected;
  }
  for (const std::string expected :
       {"Case file CD-2026-000042", "Example Organisation Ltd", "Europe/London", "Certificates",
        "Operations", "Nature delays", sample::kInternalNote, sample::kSamNote,
        "Told Ann a new one is sent.", "Root cause: staff error", "A service failure was found.",
        "Count every dispatch batch twice", "Apology: We apologised in writing.", "£25.00 GBP",
        "From Stage 1 to Stage 2", "receipt.pdf", "dispatch-log.xlsx", "unbroken hash chain",
        "Upheld (at Stage 2)"}) {
    EXPECT_TRUE(Has(text, expected)) << expected;
  }
}

TEST(CaseFile, TheCustomersCopyLeavesOutWhatThePortalHidesFromCustomers) {
  const CaseFileInput input = sample::Input();
  const std::string text = Flattened(PdfText(PdfOf(input, CaseFileAudience::kCustomer)));
  // The same rule as the portal's JSON: an entry is printed exactly when the customer sees it.
  for (std::size_t i = 0; i < kEntries.size(); ++i) {
    const bool sees = core::CustomerSees(input.view.events[i].event);
    EXPECT_EQ(Has(text, kEntries[i]), sees) << kEntries[i];
  }
  EXPECT_TRUE(Has(text, sample::kCustomerNote));
  EXPECT_TRUE(Has(text, "receipt.pdf"));
  EXPECT_TRUE(Has(text, "Our reply"));
  EXPECT_TRUE(Has(text, "customer's copy"));
  for (const std::string hidden :
       {sample::kInternalNote, sample::kSamNote, "Told Ann a new one", "staff error",
        "service failure", "Count every dispatch batch", "Nature", "Certificates",
        "dispatch-log.xlsx", "Due soon: CD-2026-000042", "jo@example.org", "hash chain",
        "1 High Street"}) {
    EXPECT_FALSE(Has(text, hidden)) << hidden;
  }
}

TEST(CaseFile, NamesTheCaseAndNumbersEveryPage) {
  const std::string pdf = PdfOf(sample::Input(), CaseFileAudience::kRegulator);
  const std::vector<std::string> pages = PagesOf(PdfText(pdf));
  ASSERT_GE(pages.size(), 2u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string label = "Case file CD-2026-000042 — page " + std::to_string(i + 1) + " of " +
                              std::to_string(pages.size());
    EXPECT_TRUE(Has(Flattened(pages[i]), label)) << label;
    EXPECT_TRUE(Has(Flattened(pages[i]), "Produced 2026-04-10 10:00 BST (Europe/London)")) << i;
  }
}

TEST(CaseFile, EveryPageRendersToAGreyImageThatIsNotBlank) {
  const std::string pdf = PdfOf(sample::Input(), CaseFileAudience::kRegulator);
  const std::vector<double> shares = PageDarkShares(pdf);
  for (std::size_t page = 0; page < shares.size(); ++page) {
    EXPECT_GT(shares[page], 0.002) << "page " << page + 1;
    EXPECT_LT(shares[page], 0.5) << "page " << page + 1;
  }
  EXPECT_EQ(shares.size(), PagesOf(PdfText(pdf)).size());
}

TEST(CaseFile, ALongLetterFlowsOntoFurtherPagesWithNoWordLost) {
  std::string letter;
  for (int i = 1; i <= 2000; ++i) letter += "word" + std::to_string(i) + (i % 150 ? " " : "\n\n");
  const std::string short_pdf = PdfOf(sample::Input(), CaseFileAudience::kCustomer);
  const std::string long_pdf = PdfOf(sample::Input(letter), CaseFileAudience::kCustomer);
  EXPECT_GE(PagesOf(PdfText(long_pdf)).size(), PagesOf(PdfText(short_pdf)).size() + 3);
  std::istringstream in(Flattened(PdfText(long_pdf)));
  int next = 1;
  for (std::string word; in >> word;) {
    if (word == "word" + std::to_string(next)) ++next;
  }
  EXPECT_EQ(next, 2001) << "word" << next << " is missing or out of order";
}

TEST(CaseFile, TheHtmlCopyHoldsTheSameEntriesAsText) {
  CaseFileInput input = sample::Input();
  std::get<core::event::Note>(input.view.events[3].event.payload).text =
      "<script>alert(1)</script> and the receipt";
  const std::string customer = RenderHtml(CaseFile(input, CaseFileAudience::kCustomer));
  EXPECT_TRUE(Has(customer, "&lt;script&gt;alert(1)&lt;/script&gt; and the receipt"));
  EXPECT_FALSE(Has(customer, "<script>"));
  EXPECT_FALSE(Has(customer, sample::kInternalNote));
  EXPECT_TRUE(
      Has(RenderHtml(CaseFile(input, CaseFileAudience::kRegulator)), sample::kInternalNote));
}

TEST(CaseFile, SaysWhereTheHashChainBreaks) {
  CaseFileInput input = sample::Input();
  input.chain->broken = core::BrokenLink{"CD-2026-000042", 4, "the hash does not match"};
  const std::string text = Flattened(PdfText(PdfOf(input, CaseFileAudience::kRegulator)));
  EXPECT_TRUE(Has(text, "The hash chain is broken at event 4: the hash does not match."));
  EXPECT_FALSE(Has(text, "unbroken"));
}

TEST(CaseFile, AnAnonymousContactPrintsAsAnonymous) {
  CaseFileInput input = sample::Input();
  input.customer.reset();
  input.view.record.anonymous = true;
  input.view.record.customer_id.reset();
  const Document document = CaseFile(input, CaseFileAudience::kCustomer);
  const std::string text = Flattened(RenderHtml(document));
  EXPECT_TRUE(Has(text, "<th scope=\"row\">Customer</th><td>anonymous</td>")) << text;
  EXPECT_TRUE(Has(text, "The contact was made anonymously."));
}

TEST(CaseFileAudience, ReadsOnlyTheTwoAudiences) {
  EXPECT_EQ(ParseCaseFileAudience("customer"), CaseFileAudience::kCustomer);
  EXPECT_EQ(ParseCaseFileAudience("regulator"), CaseFileAudience::kRegulator);
  EXPECT_EQ(ParseCaseFileAudience("staff"), std::nullopt);
  EXPECT_EQ(ToString(CaseFileAudience::kRegulator), "regulator");
}

}  // namespace
}  // namespace caredesk::print
