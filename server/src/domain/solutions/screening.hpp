#pragma once
// Debt-solution screening for England and Wales: for a case's figures, which options are open and,
// for each that is not, which rule rules it out with the figures that broke it. Screening, not
// advice: an adviser still explains every suitable option. The thresholds are data with the date
// they took effect (SolutionRules and DroLimits, loaded by the caller), never constants here.
#include <optional>
#include <string>
#include <vector>

#include "domain/money/money.hpp"
#include "domain/solutions/dro.hpp"

namespace cma::domain {

// Figures for the options other than the DRO, in force from `effective_from`.
struct SolutionRules {
  std::string effective_from;             // YYYY-MM-DD
  Money bankruptcy_fee;                   // the adjudicator's fee, paid by the debtor
  Money iva_min_monthly_surplus;          // below this an IVA is rarely workable
  Money iva_min_debt;                     // likewise for the unsecured debt
  Money dmp_min_monthly_surplus;          // a plan needs at least this to pay creditors
  int breathing_space_days = 60;          // a standard breathing space lasts this long
  int breathing_space_every_months = 12;  // and can be had once in this many months
  bool illustrative = false;              // figures for demo and tests, not for advice
};

// The row in force on `date` (YYYY-MM-DD).
std::optional<SolutionRules> solution_rules_on(const std::vector<SolutionRules>& history, const std::string& date);

struct ScreeningFacts {
  Money total_debt;                      // every debt still owed
  Money non_priority_debt;               // what an IVA or a plan would repay
  std::optional<Money> monthly_surplus;  // nullopt while there is no budget
  int non_priority_creditors = 0;
  Money assets;  // not counting the one vehicle
  Money vehicle_value;
  bool vehicle_specially_adapted = false;
  bool homeowner = false;
  bool connected_to_england_or_wales = true;
  bool dro_in_last_six_years = false;
  bool breathing_space_in_last_year = false;
  bool mental_health_crisis = false;
};

enum class Solution {
  debt_relief_order,
  bankruptcy,
  individual_voluntary_arrangement,
  debt_management_plan,
  breathing_space,
  mental_health_crisis_breathing_space,
  token_payments,
  write_off_request,
};
std::string_view to_string(Solution s);

// Why an option is closed, with the figures that decided it (pence; absent when not a figure).
struct Barrier {
  std::string rule;    // e.g. "debts_over_limit"
  std::string detail;  // for the adviser, with the amounts formatted
  std::optional<Money> actual;
  std::optional<Money> limit;
};

struct SolutionResult {
  Solution solution;
  bool available = false;
  std::vector<Barrier> barriers;      // empty when available
  std::vector<std::string> cautions;  // worth saying even when available
};

struct Screening {
  std::string assessed_on;  // YYYY-MM-DD
  std::string dro_limits_from;
  std::string rules_from;
  std::vector<SolutionResult> results;  // in Solution order
};

// Every option in Solution order. `dro` and `rules` are the rows in force on `assessed_on`.
Screening screen_solutions(const ScreeningFacts& facts, const DroLimits& dro, const SolutionRules& rules,
                           const std::string& assessed_on);

}  // namespace cma::domain
