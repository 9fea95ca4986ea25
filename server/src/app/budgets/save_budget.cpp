#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/budgets/budgets.hpp"
#include "app/budgets/ports.hpp"
#include "app/cases/case_access.hpp"
#include "app/cases/cases.hpp"
#include "app/clients/ports.hpp"
#include "domain/budget/frequency.hpp"
#include "domain/identity/validation.hpp"

namespace cma::app {

namespace {

constexpr const char* kKinds = "must be one of initial, revised, final";

// Checks the request against the category list in force and builds the lines.
std::vector<BudgetLine> read_lines(const std::vector<BudgetLineInput>& in, const BudgetCategoryList* categories,
                                   std::vector<FieldError>& errors) {
  std::vector<BudgetLine> lines;
  if (in.size() > static_cast<std::size_t>(kMaxBudgetLines)) {
    errors.push_back({"lines", "may hold at most 300 lines"});
    return lines;
  }
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& l = in[i];
    auto field = [&](const char* name) { return domain::indexed("lines", i).append(".").append(name); };
    BudgetLine line;
    line.position = static_cast<int>(i);
    auto section = l.section ? domain::parse_budget_section(*l.section) : std::nullopt;
    if (!section)
      errors.push_back(
          {field("section"), "must be one of income, fixed_costs, flexible_costs, priority_debt_payments, savings"});
    else
      line.section = *l.section;
    if (!l.category) {
      errors.push_back({field("category"), "is required"});
    } else if (section) {
      bool known = false;
      if (categories)
        for (const auto& c : categories->categories) known = known || (c.id == *l.category && c.section == *section);
      if (!known)
        errors.push_back({field("category"), "is not a category of that section in the list in force"});
      else
        line.category = *l.category;
    }
    if (l.label) {
      if (auto e = domain::check_text(*l.label, 100, false))
        errors.push_back({field("label"), *e});
      else
        line.label = domain::trim(*l.label);
    }
    if (!l.amount)
      errors.push_back({field("amount"), "is required"});
    else
      line.amount = *l.amount;
    if (!l.frequency || !domain::parse_frequency(*l.frequency))
      errors.push_back(
          {field("frequency"), "must be one of weekly, fortnightly, four_weekly, monthly, quarterly, annual"});
    else
      line.frequency = *l.frequency;
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

Result<BudgetView> save_budget(const Deps& deps, const Actor& actor, const std::string& case_id,
                               const BudgetInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_write))
    return refuse(deps, actor, *refused, "budget.save", "budget");
  auto now = platform::format_time(deps.clock.now());
  std::vector<FieldError> errors = in.shape_errors;
  Budget b;
  if (in.kind) {
    if (*in.kind == "initial" || *in.kind == "revised" || *in.kind == "final")
      b.kind = *in.kind;
    else
      errors.push_back({"kind", kKinds});
  }
  if (in.notes) {
    if (auto e = domain::check_multiline_text(*in.notes, 2000, false))
      errors.push_back({"notes", *e});
    else
      b.notes = domain::trim(*in.notes);
  }
  if (!in.lines)
    errors.push_back({"lines", "is required"});
  else
    b.lines = read_lines(*in.lines, categories_on(deps.reference, now.substr(0, 10)), errors);

  auto tx = deps.db.begin(TxMode::write);
  auto found = find_case(*tx, actor.principal, case_id);
  if (!found) return found.error();
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (auto open = check_case_open_for_changes(found->c); !open) return open.error();
  // Versions are numbered under the case's row lock, so concurrent saves queue instead of clashing.
  if (!tx->get<CaseRepository>().find_for_update(found->scope, case_id)) return Error::not_found(kNoSuchCase);
  auto& budgets = tx->get<BudgetRepository>();
  auto previous = budgets.current(found->scope, case_id);
  // The household: as given, else as in the previous version, else from the client's record.
  if (previous) {
    b.adults = previous->adults;
    b.children = previous->children;
  } else if (auto client = tx->get<ClientRepository>().find(Scope(found->scope), found->c.client_id)) {
    b.adults = client->adults;
    b.children = static_cast<int>(client->children_ages.size());
  }
  if (in.adults) b.adults = static_cast<int>(*in.adults);
  if (in.children) b.children = static_cast<int>(*in.children);
  if (b.kind.empty()) b.kind = previous ? "revised" : "initial";
  if (previous && previous->kind == "final" && b.kind != "final")
    return Error::precondition("The budget is final; save another final version to correct it.");
  b.id = deps.ids.next();
  b.centre_id = found->c.centre_id;
  b.case_id = case_id;
  b.version = previous ? previous->version + 1 : 1;
  b.created_by = actor.principal.user_id();
  b.created_at = now;
  for (auto& line : b.lines) line.id = deps.ids.next();
  auto view = view_of(deps, b);
  try {
    budgets.insert(b);
  } catch (const UniqueViolation&) {
    return Error::conflict("Another version of this budget was saved at the same time; reload and try again.");
  }
  ChangeSet changes = ChangeSet::for_creation();
  changes.created("version", std::to_string(b.version))
      .created("kind", b.kind)
      .created("lines", std::to_string(b.lines.size()))
      .created("monthlyIncome", std::to_string(view.totals.income.in_pence()))
      .created("monthlyExpenditure", std::to_string(view.totals.expenditure.in_pence()))
      .created("monthlySurplus", std::to_string(view.totals.surplus.in_pence()));
  append_audit(deps, *tx, actor.meta, {b.centre_id, actor.principal.user_id(), "budget.save", "budget", b.id, changes});
  tx->commit();
  return view;
}

}  // namespace cma::app
