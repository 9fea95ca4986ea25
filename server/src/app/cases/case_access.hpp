#pragma once
// Finding the case a nested resource (debts, budgets, offers, screening) hangs off: the same 404
// for a malformed id, an unknown id and another centre's case, and the case's own centre scope for
// every query that follows.
#include <string>

#include "app/cases/ports.hpp"
#include "app/lookup.hpp"
#include "app/unit_of_work.hpp"

namespace cma::app {

struct CaseInScope {
  Case c;
  CentreScope scope;
};

inline Result<CaseInScope> find_case(Transaction& tx, const Principal& principal, const std::string& case_id) {
  auto found = find_in_scope(tx.get<CaseRepository>(), Tenancy::of(principal), case_id, "No such case.");
  if (!found) return found.error();
  auto scope = Tenancy::centre_within(principal, found->centre_id);
  if (!scope) return Error::not_found("No such case.");
  return CaseInScope{std::move(*found), std::move(*scope)};
}

// A finished case (closed, referred, cancelled) is read-only until a manager reopens it.
Status check_case_open_for_changes(const Case& c);

}  // namespace cma::app
