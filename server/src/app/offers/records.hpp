#pragma once
// The offers module's records: what a client can offer each non-priority creditor a month.
#include <string>
#include <vector>

#include "app/model.hpp"

namespace cma::app {

struct OfferLine {
  std::string debt_id;
  std::string creditor;
  long long balance = 0;  // pence, when the offer was made
  long long monthly = 0;  // pence a month
  bool token = false;     // a token payment (nothing was available)
};

struct OfferSet {
  std::string id;  // "" for a proposal that has not been saved
  std::string centre_id;
  std::string case_id;
  std::string budget_id;
  int budget_version = 0;
  long long available = 0;  // pence a month: the budget's surplus, never negative
  bool token = false;       // token payments, as nothing was available
  std::string created_by;
  std::string created_at;
  std::string applied_at;  // when the offered payments were set on the debts; "" until then
  std::vector<OfferLine> lines;
};

}  // namespace cma::app
