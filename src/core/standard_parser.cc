#include "core/standard_parser.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace caredesk::core {
namespace {

constexpr std::initializer_list<Milestone> kTriggers = {
    Milestone::kReceived, Milestone::kAcknowledged, Milestone::kEscalated};
constexpr std::initializer_list<Milestone> kFulfilling = {
    Milestone::kAcknowledged, Milestone::kReferred, Milestone::kReplied,
    Milestone::kHoldingSent,  Milestone::kDecided,  Milestone::kResolved};

bool IsId(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string Names(std::initializer_list<Milestone> milestones) {
  std::vector<std::string_view> names;
  for (Milestone m : milestones) names.push_back(ToString(m));
  return fmt::format("{}", fmt::join(names, ", "));
}

class StandardParser {
 public:
  StandardParser(PolicyReader& reader, const toml::table& table) : reader_(reader), table_(table) {}

  std::optional<Standard> Parse() {
    const std::size_t problems_before = reader_.problems().size();
    Standard standard;
    standard.line = LineOf(table_);
    reader_.CheckKeys(table_,
                      {"id", "name", "applies", "from", "event", "within", "tiers", "unless",
                       "anonymous", "due_soon", "max_extension"},
                      "[[standard]]");
    standard.id = reader_.String(table_, "id", true).value_or("");
    if (const auto* id = table_.get("id"); id && id->is_string() && !IsId(standard.id)) {
      reader_.Problem(LineOf(*id), fmt::format("standard id \"{}\" must use only lower-case "
                                               "letters, digits and hyphens",
                                               standard.id));
    }
    standard.name = reader_.String(table_, "name").value_or("");
    ParseApplies(standard);
    standard.from = MilestoneOf("from", kTriggers).value_or(Milestone::kReceived);
    if (!table_.get("event")) {
      reader_.Problem(standard.line,
                      fmt::format("\"event\" is missing (use one of: {})", Names(kFulfilling)));
    }
    standard.event = MilestoneOf("event", kFulfilling).value_or(Milestone::kReplied);
    if (table_.get("event") && table_.get("from") && standard.event == standard.from) {
      reader_.Problem(LineOf(*table_.get("event")),
                      fmt::format("event \"{}\" is also the standard's trigger (from)",
                                  ToString(standard.event)));
    }
    ParseTiers(standard);
    if (table_.get("unless")) {
      standard.unless = MilestoneOf("unless", kFulfilling);
      if (standard.unless && table_.get("event") && *standard.unless == standard.event) {
        reader_.Problem(
            LineOf(*table_.get("unless")),
            fmt::format("unless \"{}\" is the standard's own event", ToString(*standard.unless)));
      }
    }
    if (const auto* anonymous = table_.get("anonymous")) {
      if (!anonymous->is_boolean()) {
        reader_.Problem(LineOf(*anonymous),
                        fmt::format("\"anonymous\" = {} must be true or false", Quote(*anonymous)));
      } else {
        standard.anonymous = *anonymous->value<bool>();
      }
    }
    ParseDueSoon(standard);
    if (const auto* limit = table_.get("max_extension")) {
      standard.max_extension = reader_.DurationAt(*limit, "max_extension");
    }
    if (reader_.problems().size() != problems_before) return std::nullopt;
    return standard;
  }

 private:
  void ParseApplies(Standard& standard) {
    const auto* applies = reader_.OptionalTable(table_, "applies");
    if (!applies) return;
    reader_.CheckKeys(*applies, {"kind", "channel"}, "applies");
    for (const char* key : {"kind", "channel"}) {
      const auto* list = applies->get(key);
      if (list && list->is_array() && list->as_array()->empty()) {
        reader_.Problem(LineOf(*list), fmt::format("applies.{} = [] names nothing: leave it out to "
                                                   "apply to every {}",
                                                   key, key));
      }
    }
    for (auto& [text, line] : reader_.Strings(*applies, "kind")) {
      if (auto kind = ParseKind(text)) {
        standard.kinds.push_back(*kind);
      } else {
        reader_.Problem(line, fmt::format("unknown kind \"{}\" (use question, comment, compliment, "
                                          "complaint, service_request, suggestion or "
                                          "adjustment_request)",
                                          text));
      }
    }
    for (auto& [text, line] : reader_.Strings(*applies, "channel")) {
      if (auto channel = ParseChannel(text)) {
        standard.channels.push_back(*channel);
      } else {
        reader_.Problem(line, fmt::format("unknown channel \"{}\" (use phone, email, post, fax, "
                                          "in_person, web, social or forum)",
                                          text));
      }
    }
  }

  std::optional<Milestone> MilestoneOf(std::string_view key,
                                       std::initializer_list<Milestone> allowed) {
    auto text = reader_.String(table_, key);
    if (!text) return std::nullopt;
    auto milestone = ParseMilestone(*text);
    if (!milestone || std::find(allowed.begin(), allowed.end(), *milestone) == allowed.end()) {
      reader_.Problem(LineOf(*table_.get(key)), fmt::format("unknown {} \"{}\" (use one of: {})",
                                                            key, *text, Names(allowed)));
      return std::nullopt;
    }
    return milestone;
  }

  void ParseTiers(Standard& standard) {
    const auto* within = table_.get("within");
    const auto* tiers = table_.get("tiers");
    if (within && tiers) {
      reader_.Problem(LineOf(*tiers), "give either \"within\" or \"tiers\", not both");
      return;
    }
    if (within) {
      if (auto duration = reader_.DurationAt(*within, "within")) {
        standard.tiers.push_back({*duration, 1.0});
      }
      return;
    }
    if (!tiers) {
      reader_.Problem(standard.line, "\"within\" is missing (e.g. within = \"5 working_days\")");
      return;
    }
    const auto* array = tiers->as_array();
    if (!array || array->empty()) {
      reader_.Problem(LineOf(*tiers), "\"tiers\" must be a non-empty list of { within, share }");
      return;
    }
    for (const auto& element : *array) {
      const auto* tier = element.as_table();
      if (!tier) {
        reader_.Problem(LineOf(element), "each tier must be { within = \"…\", share = … }");
        return;
      }
      auto tier_value = ParseTier(*tier);
      if (!tier_value) return;
      if (!standard.tiers.empty()) {
        const Tier& previous = standard.tiers.back();
        if (tier_value->within.unit != previous.within.unit) {
          reader_.Problem(LineOf(*tier),
                          fmt::format("tier \"{}\" uses a different unit from \"{}\": every tier "
                                      "of a standard counts on one clock",
                                      ToString(tier_value->within), ToString(previous.within)));
          return;
        }
        if (tier_value->share <= previous.share ||
            NominalSeconds(tier_value->within) <= NominalSeconds(previous.within)) {
          reader_.Problem(LineOf(*tier),
                          fmt::format("tier \"{}\" with share {} overlaps or is out of order: "
                                      "tiers must grow in both time and share",
                                      ToString(tier_value->within), tier_value->share));
          return;
        }
      }
      standard.tiers.push_back(*tier_value);
    }
    if (standard.tiers.back().share != 1.0) {
      reader_.Problem(LineOf(*tiers), fmt::format("the last tier's share is {}, but must be 1.0 "
                                                  "(it sets the due instant)",
                                                  standard.tiers.back().share));
    }
  }

  std::optional<Tier> ParseTier(const toml::table& tier) {
    reader_.CheckKeys(tier, {"within", "share"}, "a tier");
    const auto* within = tier.get("within");
    const auto* share = tier.get("share");
    if (!within || !share) {
      reader_.Problem(LineOf(tier), "each tier needs both \"within\" and \"share\"");
      return std::nullopt;
    }
    auto duration = reader_.DurationAt(*within, "within");
    auto value = share->value<double>();
    if (!value || *value <= 0.0 || *value > 1.0) {
      reader_.Problem(LineOf(*share), fmt::format("a tier's share {} must be a number above 0 and "
                                                  "at most 1",
                                                  Quote(*share)));
      return std::nullopt;
    }
    if (!duration) return std::nullopt;
    return Tier{*duration, *value};
  }

  void ParseDueSoon(Standard& standard) {
    const auto* node = table_.get("due_soon");
    if (!node) return;
    if (node->is_string()) {
      auto span = reader_.DurationAt(*node, "due_soon");
      if (!span || standard.tiers.empty()) return;
      const Unit clock = IsWorkingUnit(standard.within().unit) ? Unit::kWorkingHours : Unit::kHours;
      if (span->unit != clock) {
        reader_.Problem(LineOf(*node),
                        fmt::format("due_soon \"{}\" must be in {}, the clock of \"{}\"",
                                    ToString(*span), ToString(clock), ToString(standard.within())));
        return;
      }
      standard.due_soon_span = span;
      return;
    }
    standard.due_soon_share = reader_.Share(table_, "due_soon");
  }

  PolicyReader& reader_;
  const toml::table& table_;
};

}  // namespace

std::vector<Standard> ParseStandards(PolicyReader& reader, const toml::node& node) {
  std::vector<Standard> standards;
  const auto* array = node.as_array();
  if (!array || !array->is_array_of_tables()) {
    reader.Problem(LineOf(node), "\"standard\" must be written as [[standard]] tables");
    return standards;
  }
  std::set<std::string> ids;
  for (const auto& element : *array) {
    auto standard = StandardParser(reader, *element.as_table()).Parse();
    if (!standard) continue;
    if (!ids.insert(standard->id).second) {
      reader.Problem(standard->line, fmt::format("duplicate standard id \"{}\"", standard->id));
      continue;
    }
    standards.push_back(std::move(*standard));
  }
  return standards;
}

}  // namespace caredesk::core
