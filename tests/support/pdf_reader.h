// Reading back the PDFs caredesk writes with poppler's own tools (Debian's poppler-utils), as a
// recipient's software would: the text with pdftotext, the pages as images with pdftoppm. Shared
// by the letter tests (tests/mail) and the printed reports' tests (tests/print). Header-only.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace caredesk::testing {

namespace fs = std::filesystem;

// A directory of its own for one test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "caredesk-pdf-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct CommandResult {
  int status = -1;
  std::string output;
};

// Runs `command` through the shell and collects its standard output.
inline CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t read = 0;
  while ((read = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, read);
  result.status = pclose(pipe);
  return result;
}

inline std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

inline fs::path WritePdf(const TempDir& dir, const std::string& pdf,
                         std::string_view name = "document.pdf") {
  const fs::path file = dir.path() / name;
  std::ofstream(file, std::ios::binary) << pdf;
  return file;
}

// The PDF's text as pdftotext reads it (with `options`, e.g. "-layout"): pages end in a form
// feed.
inline std::string PdfText(const std::string& pdf, std::string_view options = {}) {
  TempDir dir;
  const auto file = WritePdf(dir, pdf);
  const auto result =
      RunCommand("pdftotext -enc UTF-8 " + std::string(options) + " " + Quoted(file) + " - 2>&1");
  EXPECT_EQ(result.status, 0) << result.output;
  return result.output;
}

// Runs of white space as one space, so a sentence wrapped over lines reads as one.
inline std::string Flattened(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

// The pages of pdftotext's output (each ends in a form feed).
inline std::vector<std::string> PagesOf(const std::string& text) {
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\f', start)) != std::string::npos; start = end + 1) {
    pages.push_back(text.substr(start, end - start));
  }
  return pages;
}

// The share of a binary (P5) greymap's pixels darker than mid-grey (pdftoppm -gray), or -1 if it
// does not parse.
inline double DarkShare(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();  // the single white space before the pixels
  if (magic != "P5" || width <= 0 || height <= 0 || max != 255) return -1;
  std::string pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), '\0');
  in.read(pixels.data(), static_cast<std::streamsize>(pixels.size()));
  if (in.gcount() != static_cast<std::streamsize>(pixels.size())) return -1;
  const auto dark = std::count_if(pixels.begin(), pixels.end(),
                                  [](char p) { return static_cast<unsigned char>(p) < 128; });
  return static_cast<double>(dark) / static_cast<double>(pixels.size());
}

// Every page of `pdf` rendered as a greymap (pdftoppm -r 50 -gray), and each page's share of
// dark pixels (DarkShare), in page order.
inline std::vector<double> PageDarkShares(const std::string& pdf) {
  TempDir dir;
  const auto result = RunCommand("pdftoppm -r 50 -gray " + Quoted(WritePdf(dir, pdf)) + " " +
                                 Quoted(dir.path() / "page") + " 2>&1");
  EXPECT_EQ(result.status, 0) << result.output;
  std::vector<fs::path> images;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    if (entry.path().extension() == ".pgm") images.push_back(entry.path());
  }
  std::sort(images.begin(), images.end());
  std::vector<double> shares;
  for (const auto& image : images) shares.push_back(DarkShare(image));
  return shares;
}

}  // namespace caredesk::testing
