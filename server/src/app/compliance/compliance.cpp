#include "app/compliance/compliance.hpp"

#include <chrono>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/budgets/ports.hpp"
#include "app/cases/case_access.hpp"
#include "app/compliance/ports.hpp"
#include "app/debts/ports.hpp"
#include "app/notes/ports.hpp"
#include "domain/budget/budget.hpp"
#include "domain/compliance/checklist.hpp"
#include "domain/debts/debt_type.hpp"

namespace cma::app {

CaseCompliance evaluate_case_compliance(const Deps& deps, Transaction& tx, const CentreScope& scope, const Case& c) {
  domain::ComplianceFacts facts;
  if (auto budget = tx.get<BudgetRepository>().current(scope, c.id)) {
    for (const auto& line : budget->lines) {
      if (line.section == domain::to_string(domain::BudgetSection::income))
        ++facts.income_lines;
      else
        ++facts.spending_lines;
    }
  }
  for (const auto& d : tx.get<DebtRepository>().all(scope, c.id)) {
    ++facts.debts;
    if (!domain::parse_debt_type(d.debt_type)) ++facts.debts_without_priority;
  }
  facts.next_review_date_set = !c.next_review_date.empty();
  auto ticks = tx.get<ComplianceRepository>().ticks(scope, c.id);
  std::set<domain::ComplianceItem> ticked;
  for (const auto& t : ticks)
    if (auto item = domain::parse_compliance_item(t.item)) ticked.insert(*item);

  auto now = std::chrono::duration_cast<std::chrono::seconds>(deps.clock.now().time_since_epoch()).count();
  auto today = domain::london_date(now);
  auto opened = domain::parse_date(c.opened_at.substr(0, 10)).value_or(today);
  auto result = domain::evaluate_checklist(facts, ticked, opened, today, domain::parse_date(c.next_review_date));

  CaseCompliance out;
  out.case_id = c.id;
  out.status = std::string(domain::to_string(result.status));
  for (const auto& state : result.items) {
    const auto& spec = domain::spec_of(state.item);
    ComplianceItemView v{std::string(spec.key), std::string(spec.label), spec.derived, state.satisfied, state.detail,
                         std::nullopt};
    if (!spec.derived)
      for (const auto& t : ticks)
        if (t.item == spec.key) v.tick = t;
    if (!state.satisfied) out.missing.push_back(v.item);
    out.items.push_back(std::move(v));
  }
  return out;
}

Result<CaseCompliance> get_compliance(const Deps& deps, const Actor& actor, const std::string& case_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "compliance.read", "case", case_id);
  auto tx = deps.db.begin(TxMode::snapshot);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  return evaluate_case_compliance(deps, *tx, found->scope, found->c);
}

Result<CaseCompliance> tick_compliance(const Deps& deps, const Actor& actor, const std::string& case_id,
                                       const ComplianceTickInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "compliance.tick", "case", case_id);
  std::vector<FieldError> errors = in.shape_errors;
  std::optional<domain::ComplianceItem> item;
  if (!in.item) {
    errors.push_back({"item", "is required"});
  } else if (!(item = domain::parse_compliance_item(*in.item))) {
    std::string keys;
    for (const auto& s : domain::compliance_items())
      if (!s.derived) keys.append(keys.empty() ? "" : ", ").append(s.key);
    errors.push_back({"item", "must be one of " + keys});
  } else if (domain::spec_of(*item).derived) {
    errors.push_back({"item", "is derived from the case's data and cannot be ticked"});
  }
  bool ticked = in.ticked.value_or(true);
  if (ticked && !in.evidence_note_id) errors.push_back({"evidenceNoteId", "is required to tick an item"});
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  if (ticked && in.evidence_note_id &&
      !(platform::is_uuid(*in.evidence_note_id) &&
        tx->get<NoteRepository>().find(found->scope, case_id, *in.evidence_note_id)))
    errors.push_back({"evidenceNoteId", "is not a note of this case"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  auto key = std::string(domain::spec_of(*item).key);
  auto& repo = tx->get<ComplianceRepository>();
  std::optional<ComplianceTick> before;
  for (auto& t : repo.ticks(found->scope, case_id))
    if (t.item == key) before = std::move(t);
  ChangeSet changes;
  if (ticked) {
    ComplianceTick t{found->c.centre_id,
                     case_id,
                     key,
                     *in.evidence_note_id,
                     actor.principal.user_id(),
                     platform::format_time(deps.clock.now())};
    if (before && before->evidence_note_id == t.evidence_note_id)
      return evaluate_case_compliance(deps, *tx, found->scope, found->c);
    repo.put(t);
    changes.set("item", "", key).set("evidenceNoteId", before ? before->evidence_note_id : "", t.evidence_note_id);
  } else {
    if (!before) return evaluate_case_compliance(deps, *tx, found->scope, found->c);
    repo.remove(found->scope, case_id, key);
    changes.set("item", key, "").set("evidenceNoteId", before->evidence_note_id, "");
  }
  append_audit(deps, *tx, actor.meta,
               {found->c.centre_id, actor.principal.user_id(), ticked ? "compliance.tick" : "compliance.untick", "case",
                case_id, changes});
  auto result = evaluate_case_compliance(deps, *tx, found->scope, found->c);
  tx->commit();
  return result;
}

}  // namespace cma::app
