// API stories as data (tests/cases/api/README.md): substituting saved values into a step,
// sending it to a real server as one of the fixture's principals, and checking the answer —
// its status, a JSON fragment it must contain, texts it must not show — then saving values of
// it for later steps. Shared by the story runner and the role matrix.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "api_fixture.h"

namespace caredesk::http {

using nlohmann::json;

using Vars = std::map<std::string, json>;

// Replaces {name} in strings by saved values: a string that is exactly "{name}" takes the value
// itself (so ids stay numbers), elsewhere its text.
inline json Substitute(const json& value, const Vars& vars) {
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
inline bool Contains(const json& actual, const json& expected, const std::string& path,
                     std::string& why) {
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
inline json At(const json& value, const std::string& path) {
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

// The ids the fixture gives: {dept_certificates}, {dept_billing} and {staff_<who>}.
inline Vars FixtureVars(const ApiServer& server) {
  Vars vars = {{"dept_certificates", server.DepartmentId("Certificates")},
               {"dept_billing", server.DepartmentId("Billing")}};
  for (const char* who : {"agent", "agent_billing", "manager", "auditor", "admin"}) {
    vars[std::string("staff_") + who] = server.StaffId(who);
  }
  return vars;
}

// Sends the step's request — with `who` (headers of the principal it acts as) and then the
// step's own headers — and returns the answer.
inline testing::HttpReply SendStep(testing::HttpClient& client, const json& step,
                                   testing::HeaderList who) {
  if (step.contains("headers")) {
    for (const auto& [key, value] : step["headers"].items()) {
      who.emplace_back(key, value.get<std::string>());
    }
  }
  std::string body;
  if (step.contains("raw_body")) {
    body = step["raw_body"].get<std::string>();
  } else if (step.contains("body")) {
    body = step["body"].dump();
  }
  const bool typed = std::any_of(who.begin(), who.end(), [](const auto& header) {
    return header.first == "Content-Type" || header.first == "content-type";
  });
  if (!body.empty() && !typed) who.emplace_back("Content-Type", "application/json");
  return client.Send(step.at("method"), step.at("path"), who, body);
}

// Whether `body` shows none of `texts` (what this reader must not see); a failure per text.
inline void ExpectHidden(const std::string& body, const json& texts, const std::string& name) {
  for (const auto& text : texts) {
    EXPECT_EQ(body.find(text.get<std::string>()), std::string::npos)
        << name << ": shows " << text << "\n"
        << body;
  }
}

// Runs one story step (`raw`, before substitution) as its "as" (a fixture token, or nobody),
// checks the answer and saves what it says to save. `name` labels failures.
inline void RunStep(ApiServer& server, testing::HttpClient& client, const json& raw, Vars& vars,
                    const std::string& name) {
  const json step = Substitute(raw, vars);
  testing::HeaderList headers;
  const std::string as = step.value("as", "anonymous");
  if (as != "anonymous") headers.emplace_back("Authorization", "Bearer " + server.Token(as));
  auto reply = SendStep(client, step, headers);
  ASSERT_EQ(reply.status, step.at("status").get<int>()) << name << "\n" << reply.body;
  json answer = reply.body.empty() ? json() : json::parse(reply.body, nullptr, false);
  if (step.contains("expect")) {
    std::string why;
    EXPECT_TRUE(Contains(answer, step["expect"], "$", why)) << name << ": " << why << "\n"
                                                            << reply.body;
  }
  if (step.contains("hidden")) ExpectHidden(reply.body, step["hidden"], name);
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

}  // namespace caredesk::http
