// `caredesk demo`: a short tour of the deadline engine on a policy (the built-in default unless
// --policy names another) — the calendar, the holidays ahead, and the deadlines of a few typical
// contacts received now, at a weekend and after closing.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/cli_args.h"
#include "app/commands.h"
#include "app/policy_source.h"

namespace caredesk::app {
namespace {

struct DemoOptions {
  std::string policy;
  std::string now;
};

struct SampleContact {
  const char* description;
  core::Kind kind;
  core::Channel channel;
  core::Instant received;
};

void PrintCalendar(const core::Policy& policy, core::Instant now) {
  const auto& calendar = *policy.calendar;
  const int year = int(date::year_month_day{calendar.LocalDay(now)}.year());
  std::cout << fmt::format("Policy: {} (version {}), time zone {}\n", policy.name, policy.version,
                           calendar.spec().time_zone);
  std::cout << "Closed dates ahead:\n";
  int shown = 0;
  for (int y = year; y <= year + 1 && shown < 6; ++y) {
    for (const auto& holiday : calendar.ClosedDates(y)) {
      if (holiday.date < calendar.LocalDay(now) || shown >= 6) continue;
      std::cout << fmt::format("  {}  {}\n", core::FormatDate(holiday.date), holiday.name);
      ++shown;
    }
  }
}

void PrintContact(const core::Policy& policy, const SampleContact& contact, core::Instant now) {
  const auto& zone = policy.calendar->zone();
  std::cout << fmt::format("\n{} — {} by {}, received {}\n", contact.description,
                           core::ToString(contact.kind), core::ToString(contact.channel),
                           core::FormatInstant(contact.received, zone));
  core::CaseFacts facts{contact.kind, contact.channel, false, contact.received, {}, {}, {}};
  auto deadlines = policy.Deadlines(facts, now);
  if (!deadlines) {
    std::cout << "  " << deadlines.error().message << "\n";
    return;
  }
  for (const auto& deadline : *deadlines) {
    std::cout << fmt::format(
        "  {:<28} {:<13} due {:<25} {}\n", deadline.standard_id, core::ToString(deadline.event),
        deadline.due ? core::FormatInstant(*deadline.due, zone) : std::string("(after trigger)"),
        core::ToString(deadline.status));
  }
}

int RunDemo(const DemoOptions& options) {
  auto policy = LoadPolicy(options.policy);
  if (!policy) return kExitBadArguments;
  const auto now_arg = NowArg(options.now);
  if (!now_arg) return kExitBadArguments;
  const core::Instant now = *now_arg;
  PrintCalendar(*policy, now);
  const auto& calendar = *policy->calendar;
  const core::LocalDate today = calendar.LocalDay(now);
  const core::LocalDate saturday =
      today + (date::Saturday - date::weekday{today});  // this week's Saturday (or today)
  const SampleContact contacts[] = {
      {"A complaint arriving now", core::Kind::kComplaint, core::Channel::kEmail, now},
      {"A question from the web portal", core::Kind::kQuestion, core::Channel::kWeb, now},
      {"A letter opened on Saturday morning", core::Kind::kComplaint, core::Channel::kPost,
       calendar.AtLocal(saturday, std::chrono::hours{10})},
      {"An email a minute after closing", core::Kind::kServiceRequest, core::Channel::kEmail,
       calendar.AtLocal(today, std::chrono::hours{17} + std::chrono::minutes{31})},
  };
  for (const auto& contact : contacts) PrintContact(*policy, contact, now);
  std::cout << "\nTry: caredesk deadlines --within \"5 working_days\" --received "
            << core::FormatUtc(now) << "\n";
  return kExitOk;
}

}  // namespace

void AddDemoCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DemoOptions>();
  auto* demo = app.add_subcommand("demo", "Show the deadline engine at work on a policy");
  demo->add_option("--policy", options->policy,
                   "Policy TOML file (default: the built-in default policy)");
  demo->add_option("--now", options->now, "Pretend it is this time (RFC 3339)");
  demo->callback([options, &exit_code] { exit_code = RunDemo(*options); });
}

}  // namespace caredesk::app
