#include "app/dashboard/dashboard.hpp"

#include <chrono>
#include <map>

#include "app/audit/audit_log.hpp"
#include "app/authorization.hpp"
#include "app/dashboard/cache.hpp"
#include "app/dashboard/ports.hpp"
#include "app/debts/debt_rules.hpp"
#include "app/identity/centres.hpp"
#include "app/identity/ports.hpp"
#include "domain/cases/case_status.hpp"
#include "domain/diary/london_time.hpp"
#include "platform/ids.hpp"

namespace cma::app {

namespace {

domain::CaseSnapshot snapshot(const Case& c, const std::vector<Debt>& debts) {
  domain::CaseSnapshot s{c.adviser_id, c.status, c.opened_at, c.closed_at, !c.compliance_override.empty(), {}};
  for (const auto& d : debts) {
    if (d.case_id != c.id) continue;
    s.debts.push_back(
        {d.balance, d.arrears, debt_rules::effective_priority(d) == domain::Priority::priority, d.status});
  }
  return s;
}

// The recount: every case's contribution, summed.
domain::Counters recount(DashboardRepository& repo, const CentreScope& scope, long long& cases) {
  auto all_cases = repo.all_cases(scope);
  auto all_debts = repo.all_debts(scope);
  std::map<std::string, std::vector<Debt>> by_case;
  for (auto& d : all_debts) by_case[d.case_id].push_back(std::move(d));
  domain::Counters total;
  static const std::vector<Debt> kNone;
  for (const auto& c : all_cases) {
    auto it = by_case.find(c.id);
    domain::add_to(total, domain::contribution(snapshot(c, it == by_case.end() ? kNone : it->second)));
  }
  cases = static_cast<long long>(all_cases.size());
  return total;
}

// The last 12 London months up to `today`'s, oldest first.
std::vector<std::string> last_months(domain::CivilDate today) {
  std::vector<std::string> months;
  int y = today.year, m = today.month;
  for (int i = 0; i < 12; ++i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    months.insert(months.begin(), buf);
    if (--m == 0) {
      m = 12;
      --y;
    }
  }
  return months;
}

DashboardFigures figures_of(const std::vector<CounterRow>& rows, domain::CivilDate today) {
  std::map<std::string, std::map<std::string, long long>> by_metric;
  for (const auto& r : rows) by_metric[r.metric][r.bucket] += r.value;
  auto value = [&](const char* metric, const std::string& bucket) {
    auto m = by_metric.find(metric);
    if (m == by_metric.end()) return 0LL;
    auto b = m->second.find(bucket);
    return b == m->second.end() ? 0LL : b->second;
  };
  DashboardFigures f;
  for (auto s : {domain::CaseStatus::open, domain::CaseStatus::in_progress, domain::CaseStatus::closed,
                 domain::CaseStatus::referred, domain::CaseStatus::cancelled}) {
    std::string name(domain::to_string(s));
    f.cases_by_status.emplace_back(name, value(domain::kCasesByStatus, name));
  }
  for (const auto& month : last_months(today)) {
    f.opened_per_month.emplace_back(month, value(domain::kCasesOpened, month));
    f.closed_per_month.emplace_back(month, value(domain::kCasesClosed, month));
  }
  f.median_days_to_close = domain::median_days(by_metric[domain::kDaysToClose]);
  f.debt_under_advice = value(domain::kDebtUnderAdvice, "");
  f.priority_arrears = value(domain::kPriorityArrears, "");
  f.written_off = value(domain::kWrittenOff, "");
  f.repaid = value(domain::kRepaid, "");
  f.closed_cases = value(domain::kCasesByStatus, "closed");
  f.closed_compliant = value(domain::kClosedCompliant, "");
  return f;
}

std::int64_t now_seconds(const Deps& deps) {
  return std::chrono::duration_cast<std::chrono::seconds>(deps.clock.now().time_since_epoch()).count();
}

}  // namespace

void count_case_change(Transaction& tx, const CentreScope& scope, std::optional<CaseWithDebts> before,
                       std::optional<CaseWithDebts> after) {
  domain::Counters b, a;
  if (before) b = domain::contribution(snapshot(*before->c, *before->debts));
  if (after) a = domain::contribution(snapshot(*after->c, *after->debts));
  auto delta = domain::difference(b, a);
  if (!delta.empty()) tx.get<DashboardRepository>().add(scope, delta);
}

Result<Dashboard> get_dashboard(const Deps& deps, const Actor& actor, const std::string& centre_id,
                                const std::string& adviser_id) {
  if (auto refused = authorize(actor.principal, domain::Permission::cases_read))
    return refuse(deps, actor, *refused, "dashboard.read", "dashboard");
  std::vector<FieldError> errors;
  if (!adviser_id.empty() && !platform::is_uuid(adviser_id)) errors.push_back({"adviserId", "must be a user id"});
  std::optional<CentreScope> scope;
  if (!centre_id.empty()) {
    scope = Tenancy::centre_within(actor.principal, centre_id);
    if (!scope) errors.push_back({"centreId", "is not a centre you can see"});
  } else if (!domain::is_network_wide(actor.principal.role())) {
    scope = Tenancy::own_centre(actor.principal);
  } else if (!adviser_id.empty()) {
    errors.push_back({"centreId", "is required with adviserId for a network-wide role"});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));

  auto now = now_seconds(deps);
  auto today = domain::london_date(now);
  auto today_text = domain::format_date(today);
  Dashboard d;
  d.today = today_text;
  d.adviser_id = adviser_id;
  if (scope) {
    // One statement for the version and the time-dependent counts; the counters' figures come from
    // the cache while the version stands, else from one statement that reads them with theirs.
    auto tx = deps.db.begin(TxMode::read, ReadFrom::replica);
    auto& repo = tx->get<DashboardRepository>();
    d.centre_id = scope->centre_id();
    if (!adviser_id.empty() && !tx->get<UserRepository>().find(Scope(*scope), adviser_id))
      return Error::invalid_field("adviserId", "is not a user of this centre");
    auto live = repo.live(*scope, adviser_id, today_text, domain::format_utc(domain::london_midnight(today)),
                          domain::format_utc(domain::london_midnight(domain::add_days(today, 1))));
    d.overdue_tasks = live.overdue_tasks;
    d.appointments_today = live.appointments;
    std::string counters_of = adviser_id.empty() ? std::string(kCentreTotals) : adviser_id;
    std::string view = d.centre_id + "/" + counters_of;
    if (deps.dashboard_cache)
      if (auto kept = deps.dashboard_cache->find(view, live.version, today_text)) {
        d.figures = std::move(*kept);
        return d;
      }
    auto counters = repo.read_versioned(*scope, counters_of);
    d.figures = figures_of(counters.rows, today);
    if (deps.dashboard_cache) deps.dashboard_cache->keep(view, counters.version, today_text, d.figures);
    return d;
  }
  auto tx = deps.db.begin(TxMode::snapshot, ReadFrom::replica);
  auto& repo = tx->get<DashboardRepository>();
  // The network: the sum of every centre, and each centre's own figures.
  auto rows = repo.read_network(Tenancy::for_authentication());
  std::map<std::string, std::vector<CounterRow>> by_centre;
  for (const auto& r : rows) by_centre[r.centre_id].push_back(r);
  d.figures = figures_of(rows, today);
  std::string after;
  for (;;) {
    auto centres = tx->get<CentreRepository>().list(Tenancy::of(actor.principal), after, 100);
    for (const auto& c : centres) {
      d.centres.push_back({c.id, c.name, figures_of(by_centre[c.id], today)});
      auto cs = Tenancy::centre_within(actor.principal, c.id);
      d.overdue_tasks += repo.overdue_tasks(*cs, "", today_text);
      d.appointments_today +=
          repo.appointments_between(*cs, "", domain::format_utc(domain::london_midnight(today)),
                                    domain::format_utc(domain::london_midnight(domain::add_days(today, 1))));
    }
    if (centres.size() < 100) break;
    after = centres.back().id;
  }
  return d;
}

Result<DashboardCheck> check_dashboard(const Deps& deps, const Actor& actor, const std::string& centre_id,
                                       bool repair) {
  if (auto refused = authorize(actor.principal, domain::Permission::centres_update))
    return refuse(deps, actor, *refused, "dashboard.check", "centre", centre_id);
  auto scope = Tenancy::centre_within(actor.principal, centre_id);
  if (!scope || !platform::is_uuid(centre_id)) return Error::not_found("No such centre.");
  auto tx = deps.db.begin(repair ? TxMode::write : TxMode::snapshot);
  auto& repo = tx->get<DashboardRepository>();
  if (!tx->get<CentreRepository>().find(Scope(*scope), centre_id)) return Error::not_found("No such centre.");
  DashboardCheck check;
  check.centre_id = centre_id;
  auto counted = recount(repo, *scope, check.cases);
  // Stored, per adviser and for the centre ("*"), against the recount and its totals.
  domain::Counters expected = counted;
  for (const auto& [key, value] : counted) expected[{kCentreTotals, std::get<1>(key), std::get<2>(key)}] += value;
  domain::Counters stored;
  for (const auto& r : repo.read_all(*scope)) stored[{r.adviser_id, r.metric, r.bucket}] += r.value;
  auto diff = domain::difference(stored, expected);
  for (const auto& [key, delta] : diff) {
    auto s = stored.count(key) ? stored.at(key) : 0;
    check.differences.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), s, s + delta});
  }
  check.consistent = check.differences.empty();
  if (repair && !check.consistent) {
    repo.replace(*scope, counted);
    ChangeSet changes;
    changes.set("dashboardCounters", std::to_string(check.differences.size()) + " differences", "recounted");
    append_audit(deps, *tx, actor.meta,
                 {centre_id, actor.principal.user_id(), "dashboard.repair", "centre", centre_id, changes});
    tx->commit();
    check.repaired = true;
  }
  return check;
}

int fill_missing_dashboard_counters(const Deps& deps) {
  int filled = 0;
  for_each_centre(deps, [&](const Centre&, const CentreScope& scope) {
    auto tx = deps.db.begin(TxMode::write);
    auto& repo = tx->get<DashboardRepository>();
    if (repo.has_counters(scope)) return;
    long long cases = 0;
    auto counted = recount(repo, scope, cases);
    if (cases == 0) return;
    repo.replace(scope, counted);
    tx->commit();
    ++filled;
  });
  return filled;
}

}  // namespace cma::app
