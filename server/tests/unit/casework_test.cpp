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
