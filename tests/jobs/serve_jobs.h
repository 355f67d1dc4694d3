// For tests that run `caredesk serve` processes with their jobs over one store: contacts logged
// straight into the store, as another instance's API would, and what the SMTP sink received of
// each case. Label `mail`.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/case_service.h"
#include "mail_servers.h"

namespace caredesk::testing {

// Logs `count` web complaints, each from its own customer with an email address
// (customer<first + i>@example.test); their references in order.
inline std::vector<std::string> LogWebComplaints(core::CaseService& cases, int first, int count) {
  std::vector<std::string> references;
  for (int i = first; i < first + count; ++i) {
    core::NewContact contact;
    contact.kind = core::Kind::kComplaint;
    contact.channel = core::Channel::kWeb;
    contact.subject = "Complaint " + std::to_string(i);
    core::CustomerRecord customer;
    customer.email = "customer" + std::to_string(i) + "@example.test";
    customer.name = "Customer " + std::to_string(i);
    contact.customer = customer;
    auto logged = cases.LogContact(contact);
    EXPECT_TRUE(logged) << logged.error().message;
    if (logged) references.push_back(logged->reference);
  }
  return references;
}

// Expects the sink to hold exactly one message naming each of `references` and nothing else,
// and each case to have been acknowledged once.
inline void ExpectEachAcknowledgedOnce(const SmtpSink& sink, core::CaseService& cases,
                                       const std::vector<std::string>& references) {
  std::map<std::string, int> sent;
  const auto received = sink.Received();
  for (const auto& message : received) {
    for (const auto& reference : references) {
      if (message.data.find(reference) != std::string::npos) ++sent[reference];
    }
  }
  EXPECT_EQ(received.size(), references.size());
  for (const auto& reference : references) {
    EXPECT_EQ(sent[reference], 1) << reference;
    auto view = cases.Read(reference);
    ASSERT_TRUE(view) << view.error().message;
    int acknowledged = 0;
    for (const auto& stored : view->events) {
      acknowledged += stored.event.type() == core::EventType::kAcknowledged ? 1 : 0;
    }
    EXPECT_EQ(acknowledged, 1) << reference;
  }
}

}  // namespace caredesk::testing
