#pragma once
// Offers to non-priority creditors. What is available (the budget's surplus, never negative) is
// shared in proportion to the balances: each share is rounded down to the penny, and the pence
// left over go one each to the largest balances first, then the oldest debts, then by id, so the
// shares always add up to exactly what is available. With nothing available, each creditor is
// offered a token payment of £1 a month.
#include <string>
#include <vector>

#include "domain/money/money.hpp"

namespace cma::domain {

struct OfferDebt {
  std::string id;
  Money balance;
  std::string opened_at;  // RFC 3339; earlier is older
};

struct Offer {
  std::string debt_id;
  Money monthly;
  bool token = false;  // a token payment, not a share of a surplus
};

inline constexpr Money kTokenPayment = Money::pence(100);

// One offer per debt, in the order given. Balances must be acceptable amounts and not all zero
// unless `available` is zero; a debt with a zero balance gets nothing (or a token payment).
std::vector<Offer> pro_rata_offers(Money available, const std::vector<OfferDebt>& debts);

}  // namespace cma::domain
