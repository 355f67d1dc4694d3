#include <fstream>
#include <map>
#include <sstream>

#include "http/web_assets.h"

namespace caredesk::http {
namespace {

std::string_view ContentTypeOf(const std::filesystem::path& file) {
  static const std::map<std::string, std::string_view> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}};
  auto found = kTypes.find(file.extension().string());
  return found == kTypes.end() ? "application/octet-stream" : found->second;
}

}  // namespace

std::optional<WebAssetFiles> ReadWebAssets(const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(dir / "index.html", error)) return std::nullopt;
  WebAssetFiles files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, error)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto path = std::make_unique<std::string>(
        "/" + std::filesystem::relative(entry.path(), dir).generic_string());
    auto content = std::make_unique<std::string>(bytes.str());
    files.assets.push_back({*path, ContentTypeOf(entry.path()), *content, {}});
    files.contents.push_back(std::move(path));
    files.contents.push_back(std::move(content));
  }
  return files;
}

}  // namespace caredesk::http
