#include "domain/compliance/checklist.hpp"

namespace cma::domain {

const std::array<ComplianceItemSpec, 9>& compliance_items() {
  static const std::array<ComplianceItemSpec, 9> kItems{{
      {ComplianceItem::identity_and_authority, "identity_and_authority",
       "Identity checked and authority to act recorded", false},
      {ComplianceItem::vulnerability_recorded, "vulnerability_recorded",
       "Vulnerability asked about and recorded with the client's consent", false},
      {ComplianceItem::full_budget, "full_budget", "Full budget (SFS) completed", true},
      {ComplianceItem::debts_listed, "debts_listed", "All debts listed with their priority", true},
      {ComplianceItem::priority_debts_first, "priority_debts_first", "Priority debts dealt with first", false},
      {ComplianceItem::options_explained, "options_explained",
       "Every suitable option explained, including free advice and insolvency", false},
      {ComplianceItem::advice_confirmed_in_writing, "advice_confirmed_in_writing",
       "Advice confirmed to the client in writing", false},
      {ComplianceItem::creditor_contact_consent, "creditor_contact_consent", "Consent to contact creditors recorded",
       false},
      {ComplianceItem::next_review_date, "next_review_date", "Next review date set", true},
  }};
  return kItems;
}

const ComplianceItemSpec& spec_of(ComplianceItem item) {
  for (const auto& s : compliance_items())
    if (s.item == item) return s;
  return compliance_items().front();
}

std::optional<ComplianceItem> parse_compliance_item(std::string_view key) {
  for (const auto& s : compliance_items())
    if (s.key == key) return s.item;
  return std::nullopt;
}

std::string_view to_string(ComplianceStatus s) {
  switch (s) {
    case ComplianceStatus::compliant:
      return "compliant";
    case ComplianceStatus::incomplete:
      return "incomplete";
    case ComplianceStatus::overdue:
      return "overdue";
  }
  return "incomplete";
}

ChecklistResult evaluate_checklist(const ComplianceFacts& facts, const std::set<ComplianceItem>& ticked,
                                   CivilDate opened, CivilDate today, std::optional<CivilDate> next_review) {
  ChecklistResult result;
  bool all = true;
  for (const auto& spec : compliance_items()) {
    ComplianceItemState state{spec.item, false, ""};
    switch (spec.item) {
      case ComplianceItem::full_budget:
        state.satisfied = facts.income_lines > 0 && facts.spending_lines > 0;
        state.detail = state.satisfied ? "The current budget has income and spending."
                       : facts.income_lines == 0 && facts.spending_lines == 0 ? "No budget with any lines yet."
                       : facts.income_lines == 0                              ? "The current budget has no income."
                                                                              : "The current budget has no spending.";
        break;
      case ComplianceItem::debts_listed:
        state.satisfied = facts.debts > 0 && facts.debts_without_priority == 0;
        state.detail = facts.debts == 0  ? "No debts recorded."
                       : state.satisfied ? std::to_string(facts.debts) + (facts.debts == 1 ? " debt" : " debts") +
                                               " recorded, each with its priority."
                                         : std::to_string(facts.debts_without_priority) + " debts have no priority.";
        break;
      case ComplianceItem::next_review_date:
        state.satisfied = facts.next_review_date_set;
        state.detail = state.satisfied ? "The case has a next review date." : "The case has no next review date.";
        break;
      default:
        state.satisfied = ticked.count(spec.item) > 0;
    }
    all = all && state.satisfied;
    result.items.push_back(std::move(state));
  }
  if (all) {
    result.status = ComplianceStatus::compliant;
  } else {
    bool late = days_from_civil(today) - days_from_civil(opened) > kComplianceDueDays ||
                (next_review && days_from_civil(*next_review) < days_from_civil(today));
    result.status = late ? ComplianceStatus::overdue : ComplianceStatus::incomplete;
  }
  return result;
}

}  // namespace cma::domain
