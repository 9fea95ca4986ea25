#include "domain/cases/case_status.hpp"

#include "domain/identity/validation.hpp"

namespace cma::domain {

namespace {
constexpr CaseStatus kAll[] = {CaseStatus::open, CaseStatus::in_progress, CaseStatus::closed, CaseStatus::referred,
                               CaseStatus::cancelled};
}

std::string_view to_string(CaseStatus s) {
  switch (s) {
    case CaseStatus::open:
      return "open";
    case CaseStatus::in_progress:
      return "in_progress";
    case CaseStatus::closed:
      return "closed";
    case CaseStatus::referred:
      return "referred";
    case CaseStatus::cancelled:
      return "cancelled";
  }
  return "open";
}

std::optional<CaseStatus> parse_case_status(std::string_view s) {
  for (auto status : kAll)
    if (to_string(status) == s) return status;
  return std::nullopt;
}

bool is_final(CaseStatus s) {
  return s == CaseStatus::closed || s == CaseStatus::referred || s == CaseStatus::cancelled;
}

std::vector<CaseStatus> allowed_next(CaseStatus from) {
  switch (from) {
    case CaseStatus::open:
      return {CaseStatus::in_progress, CaseStatus::referred, CaseStatus::cancelled};
    case CaseStatus::in_progress:
      return {CaseStatus::closed, CaseStatus::referred, CaseStatus::cancelled};
    case CaseStatus::closed:
    case CaseStatus::referred:
    case CaseStatus::cancelled:
      return {CaseStatus::in_progress};
  }
  return {};
}

Status check_status_change(const StatusChange& c, Role actor) {
  bool allowed = false;
  for (auto next : allowed_next(c.from)) allowed = allowed || next == c.to;
  if (!allowed)
    return Error::precondition("A case that is " + std::string(to_string(c.from)) + " cannot become " +
                               std::string(to_string(c.to)) + ".");
  std::vector<FieldError> missing;
  auto require = [&](const char* field, const std::string& value) {
    if (trim(value).empty())
      missing.push_back({field, "is required"});
    else if (auto e = check_multiline_text(value, 2000))
      missing.push_back({field, *e});
  };
  if (c.to == CaseStatus::closed) {
    require("outcome", c.outcome);
    require("closureReason", c.closure_reason);
  }
  if (is_final(c.from)) {
    if (actor != Role::manager && actor != Role::admin)
      return Error::denied("Only a manager may reopen a finished case.");
    require("reason", c.reason);
  }
  if (!missing.empty()) return Error::invalid(std::move(missing));
  return ok_status();
}

}  // namespace cma::domain
