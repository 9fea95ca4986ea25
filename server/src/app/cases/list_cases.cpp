#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/cases/case_rules.hpp"
#include "app/cases/ports.hpp"
#include "domain/cases/case_status.hpp"
#include "domain/clients/client_rules.hpp"
#include "domain/identity/validation.hpp"
#include "platform/ids.hpp"

namespace cma::app {

std::string_view case_list_name(CaseSort sort) {
  switch (sort) {
    case CaseSort::opened_desc:
      return "cases:-opened";
    case CaseSort::opened_asc:
      return "cases:opened";
    case CaseSort::reference:
      return "cases:reference";
  }
  return "cases:-opened";
}

std::optional<CaseSort> parse_case_sort(std::string_view text) {
  if (text.empty() || text == "-opened") return CaseSort::opened_desc;
  if (text == "opened") return CaseSort::opened_asc;
  if (text == "reference") return CaseSort::reference;
  return std::nullopt;
}

Result<Page<Case>> list_cases(const Deps& deps, const Actor& actor, CaseQuery query, const KeysetRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "case.list", "case");
  std::vector<FieldError> errors;
  if (!query.status.empty() && !domain::parse_case_status(query.status))
    errors.push_back({"status", "must be one of open, in_progress, closed, referred, cancelled"});
  if (!query.priority.empty() && !domain::is_one_of(case_rules::case_priorities(), query.priority))
    errors.push_back({"priority", domain::one_of_message(case_rules::case_priorities())});
  if (!query.adviser_id.empty() && !platform::is_uuid(query.adviser_id))
    errors.push_back({"adviserId", "must be a user id"});
  if (!query.opened_from.empty() && !domain::is_date(query.opened_from))
    errors.push_back({"openedFrom", "must be a date YYYY-MM-DD"});
  if (!query.opened_to.empty() && !domain::is_date(query.opened_to))
    errors.push_back({"openedTo", "must be a date YYYY-MM-DD"});
  if (query.text.size() > 100) errors.push_back({"q", "must be at most 100 characters"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // Whole days, inclusive: from midnight to just before the next midnight (UTC).
  if (!query.opened_from.empty()) query.opened_from += "T00:00:00.000000Z";
  if (!query.opened_to.empty()) query.opened_to += "T23:59:59.999999Z";
  query.text = domain::trim(query.text);
  for (auto& ch : query.text)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  Scope scope = Tenancy::of(actor.principal);
  if (!query.centre_id.empty()) {
    auto centre = Tenancy::centre_within(scope, query.centre_id);
    if (!centre) return Page<Case>{};
    scope = *centre;
  }
  auto tx = deps.db.begin(TxMode::read);
  auto rows = tx->get<CaseRepository>().list(scope, query, page);
  auto key = [sort = query.sort](const Case& c) { return sort == CaseSort::reference ? c.reference : c.opened_at; };
  return make_keyset_page(std::move(rows), case_list_name(query.sort), page.limit, key,
                          [](const Case& c) { return c.id; });
}

}  // namespace cma::app
