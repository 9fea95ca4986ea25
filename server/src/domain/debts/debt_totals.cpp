#include "domain/debts/debt_totals.hpp"

namespace cma::domain {

namespace {
Money plus(Money a, Money b) {
  auto sum = checked_add(a, b);
  return sum ? *sum : kMaxAmount;  // unreachable for bounded inputs; saturates rather than wraps
}
}  // namespace

DebtTotals debt_totals(const std::vector<DebtFigures>& debts) {
  DebtTotals t;
  for (const auto& d : debts) {
    t.total = plus(t.total, d.balance);
    if (d.priority == Priority::priority) {
      t.priority = plus(t.priority, d.balance);
      t.priority_arrears = plus(t.priority_arrears, d.arrears);
    } else {
      t.non_priority = plus(t.non_priority, d.balance);
    }
    ++t.count;
  }
  return t;
}

}  // namespace cma::domain
