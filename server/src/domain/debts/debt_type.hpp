#pragma once
// Debt types and whether each is a priority debt: one whose non-payment can cost the client their
// home, liberty, essential supply or goods, dealt with first whatever its size (Citizens Advice,
// National Debtline). An adviser may override the derived priority with a reason; both the derived
// and the effective value are kept.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace cma::domain {

enum class DebtType {
  // priority
  mortgage_arrears,
  secured_loan_arrears,
  rent_arrears,
  council_tax_arrears,
  gas_arrears,
  electricity_arrears,
  magistrates_court_fine,
  court_order_enforced,  // a civil court order where enforcement is under way
  hmrc_income_tax,
  hmrc_national_insurance,
  hmrc_vat,
  child_maintenance_arrears,
  tv_licence,
  hire_purchase_essential,  // hire purchase or conditional sale of essential goods, e.g. a car needed for work
  // non-priority
  credit_card,
  store_card,
  overdraft,
  personal_loan,
  payday_loan,
  catalogue,
  buy_now_pay_later,
  water_arrears,  // domestic supply cannot be cut off in England and Wales
  benefit_overpayment,
  parking_charge_notice,
  friends_and_family,
  hire_purchase,  // of goods that are not essential
  other,
};

enum class Priority { priority, non_priority };

std::string_view to_string(DebtType t);
std::optional<DebtType> parse_debt_type(std::string_view s);
const std::vector<DebtType>& all_debt_types();

std::string_view to_string(Priority p);
std::optional<Priority> parse_priority(std::string_view s);

// The priority the type implies.
Priority derived_priority(DebtType t);

struct PriorityOverride {
  Priority value;
  std::string reason;
};

// The priority that applies: the override when there is one (which needs a reason, else
// invalid_argument on "priorityReason"), otherwise the derived one.
Result<Priority> effective_priority(DebtType t, const std::optional<PriorityOverride>& override_by_adviser);

}  // namespace cma::domain
