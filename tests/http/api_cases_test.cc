// The API as data: each tests/cases/api/*.json file is a story of requests against a real server
// (a temporary SQLite file, port 0), each with the answer expected — its status and a JSON
// fragment the answer must contain. See tests/cases/api/README.md for the format.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "api_story.h"

namespace caredesk::http {
namespace {

namespace fs = std::filesystem;

class ApiCases : public ::testing::TestWithParam<std::string> {};

TEST_P(ApiCases, EveryStepAnswersAsExpected) {
  const fs::path file = fs::path(CAREDESK_SOURCE_DIR) / "tests/cases/api" / GetParam();
  std::ifstream in(file);
  const json story = json::parse(in);
  ApiServer server(fs::path(GetParam()).stem().string());
  Vars vars = FixtureVars(server);
  testing::HttpClient client(server.port());
  int number = 0;
  for (const auto& raw : story.at("steps")) {
    ++number;
    RunStep(server, client, raw, vars,
            fmt::format("{} step {} ({})", GetParam(), number, raw.value("step", "")));
    if (HasFatalFailure()) return;
  }
}

std::vector<std::string> StoryFiles() {
  std::vector<std::string> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(CAREDESK_SOURCE_DIR) / "tests/cases/api")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Stories, ApiCases, ::testing::ValuesIn(StoryFiles()),
                         [](const auto& info) {
                           std::string name = fs::path(info.param).stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace caredesk::http
