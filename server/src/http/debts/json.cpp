#include "http/debts/json.hpp"

#include "app/debts/debt_rules.hpp"

namespace cma::http {

namespace {
void write_debt(JsonWriter& w, const app::Debt& d, std::string_view account_reference) {
  w.begin_object()
      .field("id", d.id)
      .field("caseId", d.case_id)
      .field("creditor", d.creditor)
      .field("debtType", d.debt_type)
      .field("accountReference", account_reference)
      .field("balance", d.balance)
      .field("arrears", d.arrears)
      .field("contractualPayment", d.contractual_payment)
      .field("offeredPayment", d.offered_payment)
      .field("interestFrozen", d.interest_frozen)
      .field("derivedPriority", domain::to_string(app::debt_rules::derived_priority(d)))
      .nullable("priorityOverride", d.priority_override)
      .nullable("priorityReason", d.priority_reason)
      .field("effectivePriority", domain::to_string(app::debt_rules::effective_priority(d)))
      .field("status", d.status)
      .field("createdAt", d.created_at)
      .field("updatedAt", d.updated_at)
      .end_object();
}
}  // namespace

void Json<app::Debt>::write(JsonWriter& w, const app::Debt& d) {
  write_debt(w, d, d.account_reference);
}

void Json<app::Debt>::write_in_list(JsonWriter& w, const app::Debt& d) {
  write_debt(w, d, app::debt_rules::masked(d.account_reference));
}

}  // namespace cma::http
