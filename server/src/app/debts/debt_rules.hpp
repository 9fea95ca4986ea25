#pragma once
// Shared by the debt use cases and by the modules that read debts (case figures, offers, screening).
#include <string>
#include <vector>

#include "app/audit/audit_log.hpp"
#include "app/debts/debts.hpp"
#include "app/debts/records.hpp"
#include "domain/debts/debt_totals.hpp"
#include "domain/debts/debt_type.hpp"

namespace cma::app::debt_rules {

domain::Priority derived_priority(const Debt& d);
// The override when there is one, else the derived priority.
domain::Priority effective_priority(const Debt& d);
// Whether the debt still counts towards what the client owes (not paid, written off or removed).
bool is_owed(const Debt& d);
domain::DebtTotals totals(const std::vector<Debt>& debts);

// Checks every field present in `in` and writes it into `d`; missing required fields are errors
// when `creating`.
void apply(const DebtInput& in, bool creating, Debt& d, std::vector<FieldError>& errors);

ChangeSet diff(const Debt& before, const Debt& after);

// "****1234": enough for the adviser to tell accounts apart in a list.
std::string masked(const std::string& account_reference);

}  // namespace cma::app::debt_rules
