#include "domain/debts/debt_type.hpp"

#include "domain/identity/validation.hpp"

namespace cma::domain {

namespace {

struct TypeInfo {
  DebtType type;
  std::string_view name;
  Priority priority;
};

constexpr TypeInfo kTypes[] = {
    {DebtType::mortgage_arrears, "mortgage_arrears", Priority::priority},
    {DebtType::secured_loan_arrears, "secured_loan_arrears", Priority::priority},
    {DebtType::rent_arrears, "rent_arrears", Priority::priority},
    {DebtType::council_tax_arrears, "council_tax_arrears", Priority::priority},
    {DebtType::gas_arrears, "gas_arrears", Priority::priority},
    {DebtType::electricity_arrears, "electricity_arrears", Priority::priority},
    {DebtType::magistrates_court_fine, "magistrates_court_fine", Priority::priority},
    {DebtType::court_order_enforced, "court_order_enforced", Priority::priority},
    {DebtType::hmrc_income_tax, "hmrc_income_tax", Priority::priority},
    {DebtType::hmrc_national_insurance, "hmrc_national_insurance", Priority::priority},
    {DebtType::hmrc_vat, "hmrc_vat", Priority::priority},
    {DebtType::child_maintenance_arrears, "child_maintenance_arrears", Priority::priority},
    {DebtType::tv_licence, "tv_licence", Priority::priority},
    {DebtType::hire_purchase_essential, "hire_purchase_essential", Priority::priority},
    {DebtType::credit_card, "credit_card", Priority::non_priority},
    {DebtType::store_card, "store_card", Priority::non_priority},
    {DebtType::overdraft, "overdraft", Priority::non_priority},
    {DebtType::personal_loan, "personal_loan", Priority::non_priority},
    {DebtType::payday_loan, "payday_loan", Priority::non_priority},
    {DebtType::catalogue, "catalogue", Priority::non_priority},
    {DebtType::buy_now_pay_later, "buy_now_pay_later", Priority::non_priority},
    {DebtType::water_arrears, "water_arrears", Priority::non_priority},
    {DebtType::benefit_overpayment, "benefit_overpayment", Priority::non_priority},
    {DebtType::parking_charge_notice, "parking_charge_notice", Priority::non_priority},
    {DebtType::friends_and_family, "friends_and_family", Priority::non_priority},
    {DebtType::hire_purchase, "hire_purchase", Priority::non_priority},
    {DebtType::other, "other", Priority::non_priority},
};

const TypeInfo& info(DebtType t) {
  for (const auto& i : kTypes)
    if (i.type == t) return i;
  return kTypes[std::size(kTypes) - 1];
}

}  // namespace

std::string_view to_string(DebtType t) {
  return info(t).name;
}

std::optional<DebtType> parse_debt_type(std::string_view s) {
  for (const auto& i : kTypes)
    if (i.name == s) return i.type;
  return std::nullopt;
}

const std::vector<DebtType>& all_debt_types() {
  static const std::vector<DebtType> all = [] {
    std::vector<DebtType> v;
    for (const auto& i : kTypes) v.push_back(i.type);
    return v;
  }();
  return all;
}

std::string_view to_string(Priority p) {
  return p == Priority::priority ? "priority" : "non_priority";
}

std::optional<Priority> parse_priority(std::string_view s) {
  if (s == "priority") return Priority::priority;
  if (s == "non_priority") return Priority::non_priority;
  return std::nullopt;
}

Priority derived_priority(DebtType t) {
  return info(t).priority;
}

Result<Priority> effective_priority(DebtType t, const std::optional<PriorityOverride>& o) {
  if (!o) return derived_priority(t);
  if (trim(o->reason).empty()) return Error::invalid_field("priorityReason", "is required to override the priority");
  if (auto e = check_multiline_text(o->reason, 500)) return Error::invalid_field("priorityReason", *e);
  return o->value;
}

}  // namespace cma::domain
