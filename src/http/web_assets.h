// The browser UI built from web/ and embedded in the binary (web/scripts/embed.mjs generates
// WebAssets at build time), so that `caredesk serve` needs no second server and no CDN.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caredesk::http {

struct WebAsset {
  std::string_view path;          // "/index.html", "/assets/index-4f1c2a.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view bytes;
  std::string_view gzip;  // the same, gzip-compressed; empty when not worth compressing
};

const std::vector<WebAsset>& WebAssets();

// A built UI read from a directory (vite's output) instead of the embedded one, for working on
// the UI without rebuilding the binary; none when the directory has no index.html. Not gzipped.
struct WebAssetFiles {
  std::vector<std::unique_ptr<std::string>> contents;
  std::vector<WebAsset> assets;  // views into `contents`
};
std::optional<WebAssetFiles> ReadWebAssets(const std::filesystem::path& dir);

}  // namespace caredesk::http
