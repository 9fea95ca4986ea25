#include "app/offers/offer_rules.hpp"

#include "app/budgets/budgets.hpp"
#include "app/budgets/ports.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/debts/ports.hpp"
#include "domain/offers/pro_rata.hpp"

namespace cma::app {

Result<OfferSet> compute_offers(const Deps& deps, Transaction& tx, const CaseInScope& found) {
  auto budget = tx.get<BudgetRepository>().current(found.scope, found.c.id);
  if (!budget) return Error::precondition("The case has no budget yet; an offer is computed from its budget.");
  auto view = view_of(deps, *budget);
  std::vector<domain::OfferDebt> debts;
  std::vector<Debt> rows;
  for (auto& d : tx.get<DebtRepository>().all(found.scope, found.c.id)) {
    if (!debt_rules::is_owed(d) || debt_rules::effective_priority(d) != domain::Priority::non_priority) continue;
    debts.push_back({d.id, domain::Money::pence(d.balance), d.created_at});
    rows.push_back(std::move(d));
  }
  if (debts.empty()) return Error::precondition("The case has no non-priority debts to make offers to.");
  OfferSet o;
  o.centre_id = found.c.centre_id;
  o.case_id = found.c.id;
  o.budget_id = budget->id;
  o.budget_version = budget->version;
  o.available = view.totals.available_for_non_priority.in_pence();
  auto offers = domain::pro_rata_offers(view.totals.available_for_non_priority, debts);
  for (std::size_t i = 0; i < offers.size(); ++i) {
    o.lines.push_back({rows[i].id, rows[i].creditor, rows[i].balance, offers[i].monthly.in_pence(), offers[i].token});
    o.token = o.token || offers[i].token;
  }
  return o;
}

}  // namespace cma::app
