// Printable letters, read back with poppler's own tools as a recipient's software would: the text
// is there (reference, subject, body, Spanish accents), long letters break across pages with page
// numbers, large print takes more pages, and a page renders to an image.
#include "mail/letter_pdf.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "mail/default_templates.h"
#include "mail/template_renderer.h"
#include "pdf_reader.h"

namespace caredesk::mail {
namespace {

namespace fs = std::filesystem;
using testing::Flattened;
using testing::PdfText;
using testing::Quoted;
using testing::RunCommand;
using testing::TempDir;
using testing::WritePdf;

std::size_t Pages(const std::string& pdf) {
  const auto text = PdfText(pdf);
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\f'));
}

Letter EnglishLetter() {
  Letter letter;
  letter.organisation = "Example Care Ltd";
  letter.from_address_lines = {"1 High Street", "Leeds LS1 1AA", "0113 496 0000"};
  letter.to_address_lines = {"Alex Morgan", "22 Park Road", "York YO1 7HH"};
  letter.date_text = "2 March 2026";
  letter.reference = "CD-2026-000123";
  letter.subject = "[CD-2026-000123] We have received your complaint";
  letter.text =
      "Dear Alex Morgan,\n\nThank you for writing to us. We will reply by 11 March 2026.\n\n"
      "Kind regards,\nExample Care Ltd\n";
  letter.language = "en";
  return letter;
}

std::string LongText() {
  std::string text;
  for (int i = 1; i <= 40; ++i) {
    text += "Paragraph " + std::to_string(i) +
            ": we have looked carefully at every point you raised, and this paragraph explains "
            "what we found, what we have done about it and what will happen next.\n\n";
  }
  return text;
}

TEST(LetterPdf, IsAPdfWithTheReferenceSubjectAndBody) {
  auto pdf = RenderLetterPdf(EnglishLetter());
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  const auto text = Flattened(PdfText(*pdf));
  EXPECT_NE(text.find("Our reference: CD-2026-000123"), std::string::npos) << text;
  EXPECT_NE(text.find("We have received your complaint"), std::string::npos) << text;
  EXPECT_EQ(text.find("[CD-2026-000123]"), std::string::npos) << "the subject keeps its tag";
  EXPECT_NE(text.find("Thank you for writing to us. We will reply by 11 March 2026."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("York YO1 7HH"), std::string::npos);
  EXPECT_NE(text.find("Page 1 of 1"), std::string::npos);
}

TEST(LetterPdf, ASpanishAcknowledgementFromTheTemplateKeepsItsAccents) {
  const auto templates = DefaultTemplates();
  const auto* tmpl =
      core::SelectTemplate(templates, core::TemplateKind::kAcknowledgement, "es", "en");
  ASSERT_NE(tmpl, nullptr);
  auto message = Preview(*tmpl);
  ASSERT_TRUE(message);
  Letter letter = EnglishLetter();
  letter.language = "es";
  letter.date_text = "2 de marzo de 2026";
  letter.subject = message->subject;
  letter.text = message->text;
  auto pdf = RenderLetterPdf(letter);
  ASSERT_TRUE(pdf) << pdf.error().message;
  const auto text = Flattened(PdfText(*pdf));
  EXPECT_NE(text.find("Nuestra referencia: CD-2026-000123"), std::string::npos) << text;
  EXPECT_NE(text.find("Hemos recibido su queja"), std::string::npos) << text;
  EXPECT_NE(text.find("Recibirá nuestra respuesta completa, a más tardar, el miércoles, 11 de "
                      "marzo de 2026."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Lucía Fernández"), std::string::npos);
  EXPECT_NE(text.find("Página 1 de 1"), std::string::npos);
}

TEST(LetterPdf, ALongLetterBreaksAcrossPagesWithPageNumbers) {
  Letter letter = EnglishLetter();
  letter.text = LongText();
  auto pdf = RenderLetterPdf(letter);
  ASSERT_TRUE(pdf) << pdf.error().message;
  const std::size_t pages = Pages(*pdf);
  EXPECT_GE(pages, 2u);
  const auto text = Flattened(PdfText(*pdf));
  EXPECT_NE(text.find("Page 2 of " + std::to_string(pages)), std::string::npos) << text;
  // Nothing is lost at a page break: the first and last paragraphs are there, whole.
  EXPECT_NE(text.find("Paragraph 1: we have looked"), std::string::npos);
  EXPECT_NE(text.find("Paragraph 40: we have looked carefully at every point you raised, and "
                      "this paragraph explains what we found"),
            std::string::npos);
}

TEST(LetterPdf, LargePrintTakesMorePagesThanNormalPrint) {
  Letter letter = EnglishLetter();
  letter.text = LongText();
  auto normal = RenderLetterPdf(letter);
  letter.large_print = true;
  auto large = RenderLetterPdf(letter);
  ASSERT_TRUE(normal && large);
  EXPECT_GT(Pages(*large), Pages(*normal));
}

TEST(LetterPdf, AnUnaddressedLetterWithoutLetterheadStillRenders) {
  Letter letter;
  letter.text = "Just a body.";
  auto pdf = RenderLetterPdf(letter);
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_NE(Flattened(PdfText(*pdf)).find("Just a body."), std::string::npos);
}

TEST(LetterPdf, PageOneRendersToAnImage) {
  Letter letter = EnglishLetter();
  letter.large_print = true;
  auto pdf = RenderLetterPdf(letter);
  ASSERT_TRUE(pdf);
  TempDir dir;
  const auto file = WritePdf(dir, *pdf);
  const auto result = RunCommand("pdftoppm -r 50 -png -f 1 -l 1 " + Quoted(file) + " " +
                                 Quoted(dir.path() / "page") + " 2>&1");
  ASSERT_EQ(result.status, 0) << result.output;
  bool found = false;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    if (entry.path().extension() != ".png") continue;
    found = true;
    std::ifstream png(entry.path(), std::ios::binary);
    std::string head(8, '\0');
    png.read(head.data(), 8);
    EXPECT_EQ(head, "\x89PNG\r\n\x1a\n");
    EXPECT_GT(fs::file_size(entry.path()), 1000u);
  }
  EXPECT_TRUE(found) << "pdftoppm wrote no image";
}

TEST(LetterPdf, RefusesAnEmptyTextAndTextThatIsNotUtf8) {
  Letter letter = EnglishLetter();
  letter.text = " \n\n ";
  auto empty = RenderLetterPdf(letter);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "text");

  letter.text = "caf\xE9";
  auto bad = RenderLetterPdf(letter);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, core::ErrorCode::kInvalid);
  EXPECT_EQ(bad.error().field, "text");

  letter = EnglishLetter();
  letter.to_address_lines = {"Alex", "\xFF"};
  auto address = RenderLetterPdf(letter);
  ASSERT_FALSE(address);
  EXPECT_EQ(address.error().field, "to_address_lines");
}

}  // namespace
}  // namespace caredesk::mail
