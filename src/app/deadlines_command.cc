// `caredesk deadlines`: one due instant for a duration, or every deadline of a policy for a
// contact of a given kind and channel.
#include <chrono>
#include <iostream>
#include <memory>

#include "app/cli.h"
#include "app/cli_args.h"
#include "app/commands.h"
#include "app/policy_source.h"
#include "http/deadline_json.h"

namespace caredesk::app {
namespace {

struct DeadlinesOptions {
  std::string policy;
  std::string within;
  std::string received;
  std::string kind;
  std::string channel;
  std::string acknowledged;
  std::string escalated;
  std::string now;
  bool anonymous = false;
};

int Fail(const std::string& message) {
  std::cerr << "caredesk: " << message << "\n";
  return kExitBadArguments;
}

int DueForDuration(const core::Policy& policy, core::Instant received, const std::string& text) {
  auto within = DurationArg("--within", text);
  if (!within) return kExitBadArguments;
  auto due = core::DueAfter(*policy.calendar, received, *within);
  if (!due) return Fail("--received: " + due.error().message);
  std::cout << nlohmann::ordered_json{{"due", http::InstantJson(*due, *policy.calendar)}}.dump()
            << "\n";
  return kExitOk;
}

// Adds the milestone named by `flag` when it was given; false when its time is malformed.
bool AddMilestone(core::CaseFacts& facts, core::Milestone milestone, const std::string& flag,
                  const std::string& text) {
  if (text.empty()) return true;
  auto at = InstantArg(flag, text);
  if (!at) return false;
  facts.milestones.push_back({milestone, *at});
  return true;
}

int DeadlinesForContact(const core::Policy& policy, core::Instant received,
                        const DeadlinesOptions& options) {
  auto kind = KindArg("--kind", options.kind);
  auto channel = ChannelArg("--channel", options.channel);
  if (!kind || !channel) return kExitBadArguments;
  core::CaseFacts facts{*kind, *channel, options.anonymous, received, {}, {}, {}};
  if (!AddMilestone(facts, core::Milestone::kAcknowledged, "--acknowledged",
                    options.acknowledged) ||
      !AddMilestone(facts, core::Milestone::kEscalated, "--escalated", options.escalated)) {
    return kExitBadArguments;
  }
  const auto now_arg = NowArg(options.now);
  if (!now_arg) return kExitBadArguments;
  const core::Instant now = *now_arg;
  auto deadlines = policy.Deadlines(facts, now);
  if (!deadlines) return Fail("--received: " + deadlines.error().message);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& deadline : *deadlines)
    list.push_back(http::DeadlineJson(deadline, *policy.calendar));
  // Where several standards apply for one event the strictest due instant counts.
  nlohmann::ordered_json strictest = nlohmann::ordered_json::object();
  for (core::Milestone event : core::kAllMilestones) {
    if (auto best = core::Strictest(*deadlines, event)) {
      strictest[std::string(core::ToString(event))] = {
          {"standard", best->standard_id}, {"due", http::InstantJson(best->due, *policy.calendar)}};
    }
  }
  auto next = core::NextDue(*deadlines);
  std::cout << nlohmann::ordered_json{{"policy", policy.name},
                                      {"version", policy.version},
                                      {"now", http::InstantJson(now, *policy.calendar)},
                                      {"next",
                                       next ? nlohmann::ordered_json(next->standard_id) : nullptr},
                                      {"strictest", std::move(strictest)},
                                      {"deadlines", std::move(list)}}
                   .dump(2)
            << "\n";
  return kExitOk;
}

int RunDeadlines(const DeadlinesOptions& options) {
  const bool by_duration = !options.within.empty();
  const bool by_contact = !options.kind.empty() || !options.channel.empty();
  if (by_duration == by_contact) {
    return Fail("give either --within \"N UNIT\", or --kind and --channel");
  }
  if (by_contact && (options.kind.empty() || options.channel.empty())) {
    return Fail(options.kind.empty() ? "--kind is required with --channel"
                                     : "--channel is required with --kind");
  }
  auto received = InstantArg("--received", options.received);
  if (!received) return kExitBadArguments;
  auto policy = LoadPolicy(options.policy);
  if (!policy) return kExitBadArguments;
  return by_duration ? DueForDuration(*policy, *received, options.within)
                     : DeadlinesForContact(*policy, *received, options);
}

}  // namespace

void AddDeadlinesCommand(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<DeadlinesOptions>();
  auto* command = app.add_subcommand(
      "deadlines", "Compute a due instant, or every deadline of a contact, under a policy");
  command->add_option("--policy", options->policy,
                      "Policy TOML file (default: the built-in default policy)");
  command->add_option("--within", options->within, "A duration such as \"5 working_days\"");
  command->add_option("--received", options->received, "When the contact arrived (RFC 3339)")
      ->required();
  command->add_option("--kind", options->kind, "The contact's kind, e.g. complaint");
  command->add_option("--channel", options->channel, "The contact's channel, e.g. email");
  command->add_option("--acknowledged", options->acknowledged, "When it was acknowledged");
  command->add_option("--escalated", options->escalated, "When it was escalated to stage 2");
  command->add_option("--now", options->now, "Evaluate statuses at this time (default: now)");
  command->add_flag("--anonymous", options->anonymous, "The contact is anonymous");
  command->callback([options, &exit_code] { exit_code = RunDeadlines(*options); });
}

}  // namespace caredesk::app
