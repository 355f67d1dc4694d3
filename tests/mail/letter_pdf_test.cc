// Printable letters, read back with poppler's own tools as a recipient's software would: the text
// is there (reference, subject, body, Spanish accents), long letters break across pages with page
// numbers, large print takes more pages, and a page renders to an image.
#include "mail/letter_pdf.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "mail/default_templates.h"
#include "mail/template_renderer.h"

namespace caredesk::mail {
namespace {

namespace fs = std::filesystem;

// A directory of its own for one test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "caredesk-letter-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct CommandResult {
  int status = -1;
  std::string output;
};

// Runs `command` through the shell and collects its standard output.
CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, read);
  result.status = pclose(pipe);
  return result;
}

std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

fs::path WritePdf(const TempDir& dir, const std::string& pdf, std::string_view name = "l.pdf") {
  const fs::path file = dir.path() / name;
  std::ofstream(file, std::ios::binary) << pdf;
  return file;
}

// The PDF's text as pdftotext reads it: pages end in a form feed.
std::string PdfText(const std::string& pdf) {
  TempDir dir;
  const auto file = WritePdf(dir, pdf);
  const auto result = RunCommand("pdftotext -enc UTF-8 " + Quoted(file) + " - 2>&1");
  EXPECT_EQ(result.status, 0) << result.output;
  return result.output;
}

// Runs of white space as one space, so a sentence wrapped over lines reads as one.
std::string Flattened(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

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
