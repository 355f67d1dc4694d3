// The API as data: each tests/cases/api/*.json file is a story of requests against a real server
// (a temporary SQLite file, port 0), each with the answer expected — its status and a JSON
// fragment the answer must contain. See tests/cases/api/README.md for the format.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "api_fixture.h"

namespace caredesk::http {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using Vars = std::map<std::string, json>;

// Replaces {name} in strings by saved values: a string that is exactly "{name}" takes the value
// itself (so ids stay numbers), elsewhere its text.
json Substitute(const json& value, const Vars& vars) {
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    static const std::regex kVar(R"(\{([a-z_0-9]+)\})");
    std::smatch whole;
    if (std::regex_match(text, whole, kVar) && vars.contains(whole[1])) return vars.at(whole[1]);
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), kVar);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      out += text.substr(last, it->position() - last);
      auto found = vars.find((*it)[1]);
      if (found == vars.end()) {
        out += it->str();
      } else {
        out += found->second.is_string() ? found->second.get<std::string>() : found->second.dump();
      }
      last = it->position() + it->length();
    }
    return out + text.substr(last);
  }
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, item] : value.items()) out[key] = Substitute(item, vars);
    return out;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const auto& item : value) out.push_back(Substitute(item, vars));
    return out;
  }
  return value;
}

// Whether `actual` contains `expected`: objects by their keys (recursively), arrays when every
// expected element matches some actual element, anything else by equality. "*" matches any
// present value. The first mismatch's path goes to `why`.
bool Contains(const json& actual, const json& expected, const std::string& path, std::string& why) {
  if (expected.is_string() && expected.get<std::string>() == "*") return true;
  if (expected.is_object()) {
    if (!actual.is_object()) return why = path + " is not an object", false;
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return why = path + "." + key + " is missing", false;
      if (!Contains(actual[key], value, path + "." + key, why)) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return why = path + " is not an array", false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      bool found = false;
      for (const auto& item : actual) {
        std::string ignored;
        if (Contains(item, expected[i], path, ignored)) found = true;
      }
      if (!found) return why = path + " has no element like " + expected[i].dump(), false;
    }
    return true;
  }
  if (actual != expected) {
    return why = path + " is " + actual.dump() + ", expected " + expected.dump(), false;
  }
  return true;
}

// The value at a dotted path ("events.0.type").
json At(const json& value, const std::string& path) {
  json current = value;
  std::stringstream parts(path);
  std::string part;
  while (std::getline(parts, part, '.')) {
    if (current.is_array()) {
      current = current.at(std::stoul(part));
    } else {
      current = current.at(part);
    }
  }
  return current;
}

class ApiCases : public ::testing::TestWithParam<std::string> {};

TEST_P(ApiCases, EveryStepAnswersAsExpected) {
  const fs::path file = fs::path(CAREDESK_SOURCE_DIR) / "tests/cases/api" / GetParam();
  std::ifstream in(file);
  const json story = json::parse(in);
  ApiServer server(fs::path(GetParam()).stem().string());
  Vars vars = {{"dept_certificates", server.DepartmentId("Certificates")},
               {"dept_billing", server.DepartmentId("Billing")}};
  for (const char* who : {"agent", "agent_billing", "manager", "auditor", "admin"}) {
    vars[std::string("staff_") + who] = server.StaffId(who);
  }
  testing::HttpClient client(server.port());
  int number = 0;
  for (const auto& raw : story.at("steps")) {
    ++number;
    const json step = Substitute(raw, vars);
    const std::string name =
        fmt::format("{} step {} ({})", GetParam(), number, step.value("step", ""));
    testing::HeaderList headers;
    const std::string as = step.value("as", "anonymous");
    if (as != "anonymous") headers.emplace_back("Authorization", "Bearer " + server.Token(as));
    if (step.contains("headers")) {
      for (const auto& [key, value] : step["headers"].items()) {
        headers.emplace_back(key, value.get<std::string>());
      }
    }
    std::string body;
    if (step.contains("raw_body")) {
      body = step["raw_body"].get<std::string>();
    } else if (step.contains("body")) {
      body = step["body"].dump();
    }
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    auto reply = client.Send(step.at("method"), step.at("path"), headers, body);
    ASSERT_EQ(reply.status, step.at("status").get<int>()) << name << "\n" << reply.body;
    json answer = reply.body.empty() ? json() : json::parse(reply.body, nullptr, false);
    if (step.contains("expect")) {
      std::string why;
      EXPECT_TRUE(Contains(answer, step["expect"], "$", why)) << name << ": " << why << "\n"
                                                              << reply.body;
    }
    if (step.contains("hidden")) {  // texts this reader must not be shown
      for (const auto& text : step["hidden"]) {
        EXPECT_EQ(reply.body.find(text.get<std::string>()), std::string::npos)
            << name << ": shows " << text << "\n"
            << reply.body;
      }
    }
    if (step.contains("save_cookie")) {  // the session cookie's value, as {name}
      const std::string cookie = reply.Header("set-cookie");
      const auto equals = cookie.find('=');
      const auto end = cookie.find(';');
      ASSERT_NE(equals, std::string::npos) << name << ": no Set-Cookie";
      vars[step["save_cookie"].get<std::string>()] = cookie.substr(equals + 1, end - equals - 1);
    }
    if (step.contains("save")) {
      for (const auto& [var, path] : step["save"].items()) vars[var] = At(answer, path);
    }
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
