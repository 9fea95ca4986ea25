#include "app/authorization.hpp"
#include "app/cases/case_rules.hpp"
#include "app/cases/ports.hpp"
#include "app/compliance/compliance.hpp"
#include "app/dashboard/dashboard.hpp"
#include "app/debts/ports.hpp"
#include "app/lookup.hpp"
#include "app/webhooks/events.hpp"
#include "domain/cases/case_status.hpp"
#include "domain/identity/validation.hpp"

namespace cma::app {

// The one use case that changes a case's status; the rules are domain::check_status_change.
Result<Case> transition_case(const Deps& deps, const Actor& actor, const std::string& id, const TransitionInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "case.transition", "case", id);
  std::vector<FieldError> errors = in.shape_errors;
  std::optional<domain::CaseStatus> to;
  if (!in.to)
    errors.push_back({"to", "is required"});
  else if (!(to = domain::parse_case_status(*in.to)))
    errors.push_back({"to", "must be one of open, in_progress, closed, referred, cancelled"});
  auto text = [&](const char* field, const std::optional<std::string>& v) {
    if (!v) return std::string();
    if (auto e = domain::check_multiline_text(*v, 2000, false)) errors.push_back({field, *e});
    return domain::trim(*v);
  };
  domain::StatusChange change{domain::CaseStatus::open, domain::CaseStatus::open, text("outcome", in.outcome),
                              text("closureReason", in.closure_reason), text("reason", in.reason)};
  auto override_reason = text("complianceOverrideReason", in.compliance_override_reason);
  if (in.compliance_override_reason && override_reason.empty())
    errors.push_back({"complianceOverrideReason", "must say why the case is closed without a complete checklist"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  change.to = *to;
  if (domain::is_final(change.to)) {
    if (auto refused = authorize(actor.principal, domain::Permission::cases_finish))
      return refuse(deps, actor, *refused, "case.transition", "case", id);
  }

  auto tx = deps.db.begin(TxMode::write);
  auto found = find_in_scope(tx->get<CaseRepository>(), Tenancy::of(actor.principal), id, kNoSuchCase);
  if (!found) return found.error();
  auto scope = *Tenancy::centre_within(actor.principal, found->centre_id);
  auto before = tx->get<CaseRepository>().find_for_update(scope, id);  // the status as of the lock
  if (!before) return Error::not_found(kNoSuchCase);
  change.from = domain::parse_case_status(before->status).value_or(domain::CaseStatus::open);
  if (auto checked = domain::check_status_change(change, actor.principal.role()); !checked) {
    if (checked.error().code == ErrorCode::permission_denied) {
      auto denied = refuse(deps, *tx, actor, checked.error(), "case.transition", "case", id);
      tx->commit();
      return denied;
    }
    return checked.error();
  }
  // Closing needs a compliant checklist, or a manager's override with a reason.
  std::string overridden;
  if (change.to == domain::CaseStatus::closed) {
    auto compliance = evaluate_case_compliance(deps, *tx, scope, *before);
    if (compliance.status != "compliant") {
      if (override_reason.empty()) {
        std::string missing;
        for (const auto& m : compliance.missing) missing.append(missing.empty() ? "" : ", ").append(m);
        return Error::precondition("The compliance checklist is " + compliance.status + " (missing: " + missing +
                                   "). Complete it, or a manager may close the case with a "
                                   "complianceOverrideReason.");
      }
      if (actor.principal.role() != domain::Role::manager && actor.principal.role() != domain::Role::admin) {
        auto denied =
            refuse(deps, *tx, actor,
                   Error::denied("Only a manager may close a case whose compliance checklist is not complete."),
                   "case.transition", "case", id);
        tx->commit();
        return denied;
      }
      overridden = override_reason;
    }
  }
  auto now = platform::format_time(deps.clock.now());
  Case after = *before;
  after.status = std::string(domain::to_string(change.to));
  if (domain::is_final(change.to)) {
    after.closed_at = now;
    after.outcome = change.outcome;
    after.closure_reason = change.closure_reason;
    after.compliance_override = overridden;
  } else if (domain::is_final(change.from)) {  // reopened
    after.closed_at.clear();
    after.outcome.clear();
    after.closure_reason.clear();
    after.compliance_override.clear();
  }
  after.updated_at = now;
  tx->get<CaseRepository>().update(after);
  auto debts = tx->get<DebtRepository>().all(scope, id);
  count_case_change(*tx, scope, CaseWithDebts{&*before, &debts}, CaseWithDebts{&after, &debts});
  auto changes = case_rules::diff(*before, after);
  if (!change.reason.empty()) changes.set("reason", "", change.reason);
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), "case.transition", "case", id, changes});
  if (after.status != before->status) record_case_status_changed_event(deps, *tx, scope, after, before->status);
  tx->commit();
  return after;
}

}  // namespace cma::app
