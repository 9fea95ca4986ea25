#pragma once
// The figures a case shows for its debts: what is owed in all, to priority and to non-priority
// creditors, and the priority arrears. Each amount is at most kMaxAmount and a case holds a bounded
// number of debts, so the sums are exact.
#include <vector>

#include "domain/debts/debt_type.hpp"
#include "domain/money/money.hpp"

namespace cma::domain {

struct DebtFigures {
  Money balance;
  Money arrears;
  Priority priority;  // the effective one
};

struct DebtTotals {
  Money total;
  Money priority;
  Money priority_arrears;
  Money non_priority;
  int count = 0;
};

DebtTotals debt_totals(const std::vector<DebtFigures>& debts);

}  // namespace cma::domain
