#pragma once
// The compliance checklist of a case (FCA-inspired; CONC 8 for debt advice): what must be true
// before advice is complete. Some items are ticked by the adviser with evidence; others are
// derived from the case's own data and cannot be ticked against it. The case's status (compliant,
// incomplete, overdue) is derived from the items, never typed in.
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/diary/london_time.hpp"

namespace cma::domain {

enum class ComplianceItem {
  identity_and_authority,       // identity checked and authority to act recorded
  vulnerability_recorded,       // vulnerability asked about and recorded with explicit consent
  full_budget,                  // derived: a budget with income and spending
  debts_listed,                 // derived: debts recorded, each with its priority
  priority_debts_first,         // priority debts dealt with first
  options_explained,            // every suitable option explained, free advice and insolvency too
  advice_confirmed_in_writing,  // the confirmation-of-advice letter, on a durable medium
  creditor_contact_consent,     // consent to contact creditors recorded
  next_review_date,             // derived: the case has a next review date
};

struct ComplianceItemSpec {
  ComplianceItem item;
  std::string_view key;
  std::string_view label;
  bool derived;
};

const std::array<ComplianceItemSpec, 9>& compliance_items();
const ComplianceItemSpec& spec_of(ComplianceItem item);
std::optional<ComplianceItem> parse_compliance_item(std::string_view key);

// What the derived items are judged on.
struct ComplianceFacts {
  int income_lines = 0;    // in the current budget
  int spending_lines = 0;  // fixed, flexible, priority-debt payments and savings lines
  int debts = 0;           // recorded and not removed
  int debts_without_priority = 0;
  bool next_review_date_set = false;
};

enum class ComplianceStatus { compliant, incomplete, overdue };
std::string_view to_string(ComplianceStatus s);

struct ComplianceItemState {
  ComplianceItem item;
  bool satisfied = false;
  std::string detail;  // for a derived item, why it is or is not met
};

struct ChecklistResult {
  std::vector<ComplianceItemState> items;  // in checklist order
  ComplianceStatus status = ComplianceStatus::incomplete;
};

// An incomplete checklist is overdue once the case has been open this long, or once its next
// review date has passed.
inline constexpr int kComplianceDueDays = 28;

ChecklistResult evaluate_checklist(const ComplianceFacts& facts, const std::set<ComplianceItem>& ticked,
                                   CivilDate opened, CivilDate today, std::optional<CivilDate> next_review);

}  // namespace cma::domain
