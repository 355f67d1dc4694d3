#include "core/correspondence.h"

#include "core/enum_names.h"

namespace caredesk::core {
namespace {

inline constexpr auto kDeliveryNames = std::to_array<NamedValue<Delivery>>(
    {{Delivery::kEmail, "email"}, {Delivery::kLetter, "letter"}, {Delivery::kCallTask, "call"}});
static_assert(IsOrderedNameTable(kDeliveryNames));

inline constexpr auto kOutboxStatusNames =
    std::to_array<NamedValue<OutboxStatus>>({{OutboxStatus::kPending, "pending"},
                                             {OutboxStatus::kSent, "sent"},
                                             {OutboxStatus::kFailed, "failed"},
                                             {OutboxStatus::kCancelled, "cancelled"}});
static_assert(IsOrderedNameTable(kOutboxStatusNames));

inline constexpr auto kTimerActionNames =
    std::to_array<NamedValue<TimerAction>>({{TimerAction::kAcknowledge, "acknowledge"},
                                            {TimerAction::kHoldingReply, "holding_reply"},
                                            {TimerAction::kDueSoonAlert, "due_soon_alert"},
                                            {TimerAction::kBreachAlert, "breach_alert"},
                                            {TimerAction::kSurvey, "survey"}});
static_assert(IsOrderedNameTable(kTimerActionNames));

inline constexpr auto kAutomatedNames =
    std::to_array<NamedValue<Automated>>({{Automated::kNo, "no"},
                                          {Automated::kAutoReply, "auto_reply"},
                                          {Automated::kBounce, "bounce"},
                                          {Automated::kMailingList, "mailing_list"}});
static_assert(IsOrderedNameTable(kAutomatedNames));

}  // namespace

std::string_view ToString(Automated automated) { return NameOf(kAutomatedNames, automated, "?"); }
std::string_view ToString(Delivery delivery) { return NameOf(kDeliveryNames, delivery, "?"); }
std::string_view ToString(OutboxStatus status) { return NameOf(kOutboxStatusNames, status, "?"); }
std::string_view ToString(TimerAction action) { return NameOf(kTimerActionNames, action, "?"); }
std::optional<Delivery> ParseDelivery(std::string_view text) {
  return EnumNamed(kDeliveryNames, text);
}
std::optional<OutboxStatus> ParseOutboxStatus(std::string_view text) {
  return EnumNamed(kOutboxStatusNames, text);
}
std::optional<TimerAction> ParseTimerAction(std::string_view text) {
  return EnumNamed(kTimerActionNames, text);
}

}  // namespace caredesk::core
