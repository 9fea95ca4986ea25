#pragma once
// Shared by the offer use cases: the offer the case's figures give now.
#include "app/cases/case_access.hpp"
#include "app/context.hpp"
#include "app/offers/records.hpp"
#include "domain/result.hpp"

namespace cma::app {

// From the case's current budget and its owed non-priority debts, inside `tx`: failed_precondition
// when there is no budget or no such debt.
Result<OfferSet> compute_offers(const Deps& deps, Transaction& tx, const CaseInScope& found);

}  // namespace cma::app
