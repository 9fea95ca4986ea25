// The case status machine and debt priority.
#include <gtest/gtest.h>

#include "domain/cases/case_status.hpp"
#include "domain/debts/debt_type.hpp"

namespace cma::domain {

namespace {
StatusChange change(CaseStatus from, CaseStatus to) {
  return StatusChange{from, to, {}, {}, {}};
}
}  // namespace

TEST(CaseStatus, OnlyTheDefinedTransitionsAreAllowed) {
  const CaseStatus all[] = {CaseStatus::open, CaseStatus::in_progress, CaseStatus::closed, CaseStatus::referred,
                            CaseStatus::cancelled};
  int allowed = 0;
  for (auto from : all) {
    for (auto to : all) {
      auto c = change(from, to);
      c.outcome = "Debt management plan set up";
      c.closure_reason = "Solution in place";
      c.reason = "Client returned with a new debt";
      auto r = check_status_change(c, Role::manager);
      if (r.ok()) {
        ++allowed;
      } else {
        EXPECT_EQ(r.error().code, ErrorCode::failed_precondition) << to_string(from) << " -> " << to_string(to);
      }
    }
  }
  // open: 3, in_progress: 3, and a reopening from each of the three final statuses.
  EXPECT_EQ(allowed, 9);
  EXPECT_FALSE(check_status_change(change(CaseStatus::open, CaseStatus::closed), Role::manager).ok());
  EXPECT_FALSE(check_status_change(change(CaseStatus::in_progress, CaseStatus::open), Role::manager).ok());
}

TEST(CaseStatus, ClosingNeedsAnOutcomeAndAClosureReason) {
  auto r = check_status_change(change(CaseStatus::in_progress, CaseStatus::closed), Role::advisor);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  ASSERT_EQ(r.error().field_errors.size(), 2u);
  EXPECT_EQ(r.error().field_errors[0].field, "outcome");
  EXPECT_EQ(r.error().field_errors[1].field, "closureReason");
  auto c = change(CaseStatus::in_progress, CaseStatus::closed);
  c.outcome = "Advice given";
  c.closure_reason = "   ";
  r = check_status_change(c, Role::advisor);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field_errors.at(0).field, "closureReason");
  c.closure_reason = "Client managing";
  EXPECT_TRUE(check_status_change(c, Role::advisor).ok());
}

TEST(CaseStatus, OnlyAManagerReopensAFinishedCaseAndGivesAReason) {
  for (auto from : {CaseStatus::closed, CaseStatus::referred, CaseStatus::cancelled}) {
    auto c = change(from, CaseStatus::in_progress);
    c.reason = "Client came back";
    for (auto role : {Role::advisor, Role::trainee}) {
      auto r = check_status_change(c, role);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, ErrorCode::permission_denied);
    }
    EXPECT_TRUE(check_status_change(c, Role::manager).ok());
    EXPECT_TRUE(check_status_change(c, Role::admin).ok());
    c.reason.clear();
    auto r = check_status_change(c, Role::manager);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field_errors.at(0).field, "reason");
  }
}

TEST(CaseStatus, NamesRoundTrip) {
  for (auto s :
       {CaseStatus::open, CaseStatus::in_progress, CaseStatus::closed, CaseStatus::referred, CaseStatus::cancelled})
    EXPECT_EQ(parse_case_status(to_string(s)), s);
  EXPECT_FALSE(parse_case_status("Closed"));
}

TEST(DebtPriority, DerivedFromTheType) {
  for (auto t :
       {DebtType::mortgage_arrears, DebtType::rent_arrears, DebtType::council_tax_arrears, DebtType::gas_arrears,
        DebtType::electricity_arrears, DebtType::magistrates_court_fine, DebtType::hmrc_income_tax,
        DebtType::child_maintenance_arrears, DebtType::tv_licence, DebtType::hire_purchase_essential})
    EXPECT_EQ(derived_priority(t), Priority::priority) << to_string(t);
  for (auto t : {DebtType::credit_card, DebtType::overdraft, DebtType::payday_loan, DebtType::catalogue,
                 DebtType::buy_now_pay_later, DebtType::water_arrears, DebtType::benefit_overpayment,
                 DebtType::parking_charge_notice, DebtType::friends_and_family, DebtType::hire_purchase})
    EXPECT_EQ(derived_priority(t), Priority::non_priority) << to_string(t);
  for (auto t : all_debt_types()) EXPECT_EQ(parse_debt_type(to_string(t)), t);
  EXPECT_FALSE(parse_debt_type("mortgage"));
}

TEST(DebtPriority, AnOverrideNeedsAReason) {
  EXPECT_EQ(effective_priority(DebtType::benefit_overpayment, std::nullopt).value(), Priority::non_priority);
  auto no_reason = effective_priority(DebtType::benefit_overpayment, PriorityOverride{Priority::priority, " "});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field_errors.at(0).field, "priorityReason");
  auto with_reason = effective_priority(DebtType::benefit_overpayment,
                                        PriorityOverride{Priority::priority, "Recovered by deduction from benefits"});
  ASSERT_TRUE(with_reason.ok());
  EXPECT_EQ(with_reason.value(), Priority::priority);
  // The derived value is unchanged by an override.
  EXPECT_EQ(derived_priority(DebtType::benefit_overpayment), Priority::non_priority);
}

}  // namespace cma::domain

#include "domain/budget/budget.hpp"
#include "domain/solutions/dro.hpp"

namespace cma::domain {

TEST(Budget, TotalsAreMonthlyAndTheSurplusIsNeverNegativeWhenOffered) {
  std::vector<BudgetItem> items = {
      {BudgetSection::income, "earnings", Money::pounds(300), Frequency::weekly},             // 1300.00
      {BudgetSection::income, "child_benefit", Money::pence(10240), Frequency::four_weekly},  // 110.93
      {BudgetSection::fixed_costs, "rent", Money::pounds(650), Frequency::monthly},
      {BudgetSection::flexible_costs, "food_and_housekeeping", Money::pounds(80), Frequency::weekly},  // 346.67
      {BudgetSection::priority_debt_payments, "council_tax_arrears", Money::pounds(25), Frequency::fortnightly},
      {BudgetSection::savings, "savings", Money::pounds(120), Frequency::annual},  // 10.00
  };
  auto t = budget_totals(items);
  ASSERT_TRUE(t.ok()) << t.error().detail;
  EXPECT_EQ(t->income, Money::pence(130000 + 11093));
  EXPECT_EQ(t->fixed_costs, Money::pounds(650));
  EXPECT_EQ(t->flexible_costs, Money::pence(34667));
  EXPECT_EQ(t->priority_debt_payments, Money::pence(5417));  // 54.166…
  EXPECT_EQ(t->savings, Money::pounds(10));
  EXPECT_EQ(t->expenditure, Money::pence(65000 + 34667 + 5417 + 1000));
  EXPECT_EQ(t->surplus, Money::pence(141093 - 106084));
  EXPECT_EQ(t->available_for_non_priority, t->surplus);

  items.push_back({BudgetSection::fixed_costs, "care", Money::pounds(500), Frequency::monthly});
  auto deficit = budget_totals(items);
  ASSERT_TRUE(deficit.ok());
  EXPECT_TRUE(deficit->surplus.is_negative());
  EXPECT_TRUE(deficit->available_for_non_priority.is_zero());
}

TEST(Budget, NegativeOrHugeAmountsAreNamedAndRefused) {
  auto r =
      budget_totals({{BudgetSection::income, "earnings", Money::pence(-1), Frequency::monthly},
                     {BudgetSection::income, "other", Money::pence(kMaxAmount.in_pence() + 1), Frequency::weekly}});
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().field_errors.size(), 2u);
  EXPECT_EQ(r.error().field_errors[0].field, "items[0].amount");
  EXPECT_EQ(r.error().field_errors[1].field, "items[1].amount");
}

namespace {
// The history of the limits, to exercise the effective dates (from 28 June 2024 the current ones).
std::vector<DroLimits> dro_history() {
  return {{"2009-04-06", Money::pounds(15000), Money::pounds(50), Money::pounds(300), Money::pounds(1000)},
          {"2015-10-01", Money::pounds(20000), Money::pounds(50), Money::pounds(1000), Money::pounds(1000)},
          {"2021-06-29", Money::pounds(30000), Money::pounds(75), Money::pounds(2000), Money::pounds(2000)},
          {"2024-06-28", Money::pounds(50000), Money::pounds(75), Money::pounds(2000), Money::pounds(4000)}};
}
DroFacts eligible_facts() {
  DroFacts f;
  f.qualifying_debts = Money::pounds(42000);
  f.monthly_surplus = Money::pounds(60);
  f.assets = Money::pounds(500);
  f.vehicle_value = Money::pounds(3500);
  return f;
}
}  // namespace

TEST(Dro, TheLimitsInForceOnTheDateApply) {
  auto history = dro_history();
  EXPECT_EQ(dro_limits_on(history, "2024-06-27")->max_qualifying_debts, Money::pounds(30000));
  EXPECT_EQ(dro_limits_on(history, "2024-06-28")->max_qualifying_debts, Money::pounds(50000));
  EXPECT_EQ(dro_limits_on(history, "2018-01-01")->max_qualifying_debts, Money::pounds(20000));
  EXPECT_FALSE(dro_limits_on(history, "2000-01-01"));
  auto f = eligible_facts();
  EXPECT_TRUE(screen_dro(*dro_limits_on(history, "2026-11-30"), f).eligible);
  // The same client a day before the 2024 change: debts over £30,000 and a £3,500 car counted.
  auto before = screen_dro(*dro_limits_on(history, "2024-06-27"), f);
  EXPECT_FALSE(before.eligible);
  EXPECT_EQ(before.barriers, (std::vector<DroBarrier>{DroBarrier::debts_over_limit, DroBarrier::assets_over_limit}));
}

TEST(Dro, EachConditionIsReportedOnItsOwn) {
  auto limits = *dro_limits_on(dro_history(), "2026-11-30");
  auto f = eligible_facts();
  f.qualifying_debts = Money::pence(5000001);
  f.monthly_surplus = Money::pence(7501);
  f.homeowner = true;
  f.connected_to_england_or_wales = false;
  f.dro_in_last_six_years = true;
  f.vehicle_value = Money::pounds(4001);
  auto s = screen_dro(limits, f);
  EXPECT_FALSE(s.eligible);
  EXPECT_EQ(s.barriers.size(), 6u);
  // Exactly at each limit is still eligible; a specially adapted vehicle never counts.
  auto at = eligible_facts();
  at.qualifying_debts = Money::pounds(50000);
  at.monthly_surplus = Money::pounds(75);
  at.assets = Money::pounds(2000);
  at.vehicle_value = Money::pounds(25000);
  at.vehicle_specially_adapted = true;
  EXPECT_TRUE(screen_dro(limits, at).eligible);
}

}  // namespace cma::domain

#include "domain/budget/guidelines.hpp"

namespace cma::domain {

namespace {
// ILLUSTRATIVE figures, not the licensed SFS spending guidelines.
GuidelineTable illustrative_table(std::string version, std::string from, std::int64_t food_one_adult_pounds) {
  GuidelineTable t{std::move(version), std::move(from), true, {}};
  for (int adults : {1, 2})
    for (int children : {0, 1, 2})
      t.rows.push_back({"food_and_housekeeping", adults, children,
                        Money::pounds(food_one_adult_pounds + (adults - 1) * 150 + children * 80)});
  t.rows.push_back({"communications_and_leisure", 1, 0, Money::pounds(100)});
  return t;
}
}  // namespace

TEST(Guidelines, TheTableInForceAppliesToTheHouseholdsMakeUp) {
  std::vector<GuidelineTable> tables = {illustrative_table("2025", "2025-04-07", 300),
                                        illustrative_table("2026", "2026-04-06", 320)};
  EXPECT_EQ(guidelines_on(tables, "2026-04-05")->version, "2025");
  EXPECT_EQ(guidelines_on(tables, "2026-04-06")->version, "2026");
  EXPECT_FALSE(guidelines_on(tables, "2025-01-01"));
  auto table = *guidelines_on(tables, "2026-11-30");
  EXPECT_TRUE(table.illustrative);
  EXPECT_EQ(guideline_for(table, "food_and_housekeeping", {1, 0}), Money::pounds(320));
  EXPECT_EQ(guideline_for(table, "food_and_housekeeping", {2, 1}), Money::pounds(550));
  // Larger households take the table's largest row.
  EXPECT_EQ(guideline_for(table, "food_and_housekeeping", {4, 6}), Money::pounds(630));
  EXPECT_EQ(guideline_for(table, "communications_and_leisure", {2, 2}), Money::pounds(100));
  EXPECT_FALSE(guideline_for(table, "personal_costs", {1, 0}));
}

TEST(Guidelines, FlexibleCategoriesAboveTheirGuidelineAreFlaggedWithTheExcess) {
  auto table = illustrative_table("2026", "2026-04-06", 320);
  std::vector<BudgetItem> items = {
      {BudgetSection::flexible_costs, "food_and_housekeeping", Money::pounds(90), Frequency::weekly},  // 390.00
      {BudgetSection::flexible_costs, "communications_and_leisure", Money::pounds(100), Frequency::monthly},
      {BudgetSection::fixed_costs, "rent", Money::pounds(900), Frequency::monthly},  // fixed: never flagged
  };
  auto flags = guideline_flags(table, {1, 0}, items);
  ASSERT_EQ(flags.size(), 1u);  // exactly at the guideline is not over it
  EXPECT_EQ(flags[0].category, "food_and_housekeeping");
  EXPECT_EQ(flags[0].monthly_spent, Money::pounds(390));
  EXPECT_EQ(flags[0].guideline, Money::pounds(320));
  EXPECT_EQ(flags[0].over_by, Money::pounds(70));
  // A family of four is within the guideline for the same spending.
  EXPECT_TRUE(guideline_flags(table, {2, 2}, items).empty());
}

}  // namespace cma::domain
