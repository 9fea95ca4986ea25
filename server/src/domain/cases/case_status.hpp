#pragma once
// The case status machine: the one place that says which status changes are allowed.
//   open → in_progress | referred | cancelled
//   in_progress → closed | referred | cancelled
//   closed | referred | cancelled → in_progress (a reopening: managers and admins only, with a reason)
// Closing needs an outcome and a closure reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/identity/role.hpp"
#include "domain/result.hpp"

namespace cma::domain {

enum class CaseStatus { open, in_progress, closed, referred, cancelled };

std::string_view to_string(CaseStatus s);
std::optional<CaseStatus> parse_case_status(std::string_view s);

// Whether a case in this status is finished (closed, referred or cancelled).
bool is_final(CaseStatus s);

struct StatusChange {
  CaseStatus from;
  CaseStatus to;
  std::string outcome;         // required to close
  std::string closure_reason;  // required to close
  std::string reason;          // required to reopen
};

// The statuses a case in `from` may move to, for screens that offer only what is allowed.
std::vector<CaseStatus> allowed_next(CaseStatus from);

// Ok, or why not: failed_precondition for a change the machine does not allow, permission_denied
// for a reopening by a role that may not reopen, invalid_argument naming the missing fields.
Status check_status_change(const StatusChange& change, Role actor);

}  // namespace cma::domain
