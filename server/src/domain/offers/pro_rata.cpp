#include "domain/offers/pro_rata.hpp"

#include <algorithm>
#include <numeric>

namespace cma::domain {

std::vector<Offer> pro_rata_offers(Money available, const std::vector<OfferDebt>& debts) {
  std::vector<Offer> offers;
  offers.reserve(debts.size());
  WidePence total = 0;
  for (const auto& d : debts) total += d.balance.in_pence();
  if (available.in_pence() <= 0 || total <= 0) {
    for (const auto& d : debts) offers.push_back({d.id, kTokenPayment, true});
    return offers;
  }
  std::int64_t shared = 0;
  for (const auto& d : debts) {
    auto share = static_cast<std::int64_t>(static_cast<WidePence>(available.in_pence()) * d.balance.in_pence() / total);
    offers.push_back({d.id, Money::pence(share), false});
    shared += share;
  }
  // Fewer pence are left than there are debts with a balance: each share was rounded down by less
  // than a penny.
  std::int64_t left = available.in_pence() - shared;
  std::vector<std::size_t> order(debts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto &x = debts[a], &y = debts[b];
    if (x.balance != y.balance) return x.balance > y.balance;
    if (x.opened_at != y.opened_at) return x.opened_at < y.opened_at;
    return x.id < y.id;
  });
  for (std::size_t i = 0; left > 0 && i < order.size(); ++i) {
    if (debts[order[i]].balance.is_zero()) continue;
    auto& o = offers[order[i]];
    o.monthly = Money::pence(o.monthly.in_pence() + 1);
    --left;
  }
  return offers;
}

}  // namespace cma::domain
