#include "app/offers/offers.hpp"

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/budgets/budgets.hpp"
#include "app/budgets/ports.hpp"
#include "app/cases/case_access.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/debts/ports.hpp"
#include "app/offers/ports.hpp"
#include "domain/offers/pro_rata.hpp"

namespace cma::app {

namespace {

// The offer the case's current figures give, inside `tx`.
Result<OfferSet> compute(const Deps& deps, Transaction& tx, const CaseInScope& found) {
  auto budget = tx.get<BudgetRepository>().current(found.scope, found.c.id);
  if (!budget) return Error::precondition("The case has no budget yet; an offer is computed from its budget.");
  auto view = view_of(deps, *budget);
  std::vector<domain::OfferDebt> debts;
  std::vector<Debt> rows;
  for (auto& d : tx.get<DebtRepository>().all(found.scope, found.c.id)) {
    if (!debt_rules::is_owed(d) || debt_rules::effective_priority(d) != domain::Priority::non_priority) continue;
    debts.push_back({d.id, domain::Money::pence(d.balance), d.created_at});
    rows.push_back(std::move(d));
  }
  if (debts.empty()) return Error::precondition("The case has no non-priority debts to make offers to.");
  OfferSet o;
  o.centre_id = found.c.centre_id;
  o.case_id = found.c.id;
  o.budget_id = budget->id;
  o.budget_version = budget->version;
  o.available = view.totals.available_for_non_priority.in_pence();
  auto offers = domain::pro_rata_offers(view.totals.available_for_non_priority, debts);
  for (std::size_t i = 0; i < offers.size(); ++i) {
    o.lines.push_back({rows[i].id, rows[i].creditor, rows[i].balance, offers[i].monthly.in_pence(), offers[i].token});
    o.token = o.token || offers[i].token;
  }
  return o;
}

}  // namespace

Result<OfferSet> propose_offers(const Deps& deps, const Actor& actor, const std::string& case_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "offer.propose", "offer_set");
  auto tx = deps.db.begin(TxMode::snapshot);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  return compute(deps, *tx, *found);
}

Result<OfferSet> save_offers(const Deps& deps, const Actor& actor, const std::string& case_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "offer.save", "offer_set");
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  auto o = compute(deps, *tx, *found);
  if (!o) return o.error();
  o->id = deps.ids.next();
  o->created_by = actor.principal.user_id();
  o->created_at = platform::format_time(deps.clock.now());
  tx->get<OfferRepository>().insert(*o);
  ChangeSet changes = ChangeSet::for_creation();
  changes.created("caseId", o->case_id)
      .created("budgetVersion", std::to_string(o->budget_version))
      .created("available", std::to_string(o->available))
      .created("token", o->token ? "true" : "false")
      .created("lines", std::to_string(o->lines.size()));
  append_audit(deps, *tx, actor.meta,
               {o->centre_id, actor.principal.user_id(), "offer.save", "offer_set", o->id, changes});
  tx->commit();
  return o;
}

Result<OfferSet> get_offer_set(const Deps& deps, const Actor& actor, const std::string& case_id,
                               const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "offer.read", "offer_set", id);
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  std::optional<OfferSet> o;
  if (platform::is_uuid(id)) o = tx->get<OfferRepository>().find(found->scope, case_id, id);
  if (!o) return Error::not_found(kNoSuchOfferSet);
  return std::move(*o);
}

Result<Page<OfferSet>> list_offer_sets(const Deps& deps, const Actor& actor, const std::string& case_id,
                                       const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "offer.list", "offer_set");
  auto tx = deps.db.begin(TxMode::read);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  PageRequest fetch = page;
  fetch.limit = page.limit + 1;
  auto rows = tx->get<OfferRepository>().list(found->scope, case_id, fetch);
  return make_page(std::move(rows), page.limit, [](const OfferSet& o) { return o.id; });
}

Result<OfferSet> apply_offers(const Deps& deps, const Actor& actor, const std::string& case_id, const std::string& id) {
  if (auto refused = authorize(actor.principal, domain::Permission::offers_apply))
    return refuse(deps, actor, *refused, "offer.apply", "offer_set", id);
  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  std::optional<OfferSet> o;
  if (platform::is_uuid(id)) o = tx->get<OfferRepository>().find(found->scope, case_id, id);
  if (!o) return Error::not_found(kNoSuchOfferSet);
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  auto now = platform::format_time(deps.clock.now());
  if (!o->applied_at.empty() || !tx->get<OfferRepository>().mark_applied(found->scope, id, now))
    return Error::precondition("This offer set has already been applied.");
  auto& debts = tx->get<DebtRepository>();
  for (const auto& line : o->lines) {
    auto before = debts.find(found->scope, case_id, line.debt_id);
    if (!before || !debt_rules::is_owed(*before))
      return Error::precondition(
          "A debt in this offer set has since been paid, written off or removed; compute a "
          "new offer.");
    Debt after = *before;
    after.offered_payment = line.monthly;
    auto changes = debt_rules::diff(*before, after);
    if (changes.empty()) continue;
    after.updated_at = now;
    debts.update(after);
    append_audit(deps, *tx, actor.meta,
                 {after.centre_id, actor.principal.user_id(), "debt.update", "debt", after.id, changes});
  }
  ChangeSet changes;
  changes.set("appliedAt", "", now);
  append_audit(deps, *tx, actor.meta,
               {o->centre_id, actor.principal.user_id(), "offer.apply", "offer_set", id, changes});
  o->applied_at = now;
  tx->commit();
  return std::move(*o);
}

}  // namespace cma::app
