#include "store/dashboard/repositories.hpp"

#include "app/dashboard/ports.hpp"
#include "store/dashboard/queries.hpp"

namespace cma::store::dashboard {

namespace {

using db::write_guarded;

class Counters final : public app::DashboardRepository {
 public:
  explicit Counters(db::Connection& c) : statements_(c.statements) {}

  void add(const app::CentreScope& scope, const domain::Counters& delta) override {
    // The centre's totals: the same deltas summed over advisers.
    std::map<std::pair<std::string, std::string>, long long> totals;
    for (const auto& [key, value] : delta) totals[{std::get<1>(key), std::get<2>(key)}] += value;
    write_guarded([&] {
      for (const auto& [key, value] : delta) upsert(scope, std::get<0>(key), std::get<1>(key), std::get<2>(key), value);
      for (const auto& [key, value] : totals)
        if (value != 0) upsert(scope, app::kCentreTotals, key.first, key.second, value);
      db::Query bump(statements_, sql::kBumpVersion);
      bump.bind("centre", scope.centre_id()).run();
    });
  }

  app::VersionedCounters read_versioned(const app::CentreScope& scope, const std::string& adviser_id) override {
    db::Query q(statements_, sql::kReadCountersWithVersion);
    q.bind("centre", scope.centre_id()).bind("adviser", adviser_id);
    app::VersionedCounters out;
    while (q.next()) {
      app::CounterRow r;
      q.read(0, r.metric);
      if (r.metric.empty()) {
        out.version = q.integer(2);
        continue;
      }
      q.read(1, r.bucket);
      r.value = q.integer(2);
      out.rows.push_back(std::move(r));
    }
    return out;
  }

  app::LiveFigures live(const app::CentreScope& scope, const std::string& adviser_id, const std::string& today,
                        const std::string& from, const std::string& to) override {
    db::Query q(statements_, adviser_id.empty() ? sql::kLiveFigures : sql::kLiveFiguresOf);
    q.bind("centre", scope.centre_id()).bind("today", today).bind("from", from).bind("to", to);
    if (!adviser_id.empty()) q.bind("adviser", adviser_id);
    app::LiveFigures out;
    if (q.next()) {
      out.version = q.integer(0);
      out.overdue_tasks = q.integer(1);
      out.appointments = q.integer(2);
    }
    return out;
  }

  std::vector<app::CounterRow> read(const app::CentreScope& scope, const std::string& adviser_id) override {
    db::Query q(statements_, sql::kReadCounters);
    q.bind("centre", scope.centre_id()).bind("adviser", adviser_id);
    return rows(q);
  }

  std::vector<app::CounterRow> read_all(const app::CentreScope& scope) override {
    db::Query q(statements_, sql::kReadAllCounters);
    q.bind("centre", scope.centre_id());
    return rows(q);
  }

  std::vector<app::CounterRow> read_network(const app::NetworkScope&) override {
    db::Query q(statements_, sql::kReadNetworkCounters);
    return rows(q);
  }

  bool has_counters(const app::CentreScope& scope) override {
    db::Query q(statements_, sql::kHasCounters);
    q.bind("centre", scope.centre_id());
    return q.next();
  }

  void replace(const app::CentreScope& scope, const domain::Counters& all) override {
    write_guarded([&] {
      db::Query del(statements_, sql::kDeleteCounters);
      del.bind("centre", scope.centre_id()).run();
    });
    add(scope, all);
  }

  std::vector<app::Case> all_cases(const app::CentreScope& scope) override {
    db::Query q(statements_, sql::kAllCases);
    q.bind("centre", scope.centre_id());
    std::vector<app::Case> out;
    while (q.next()) {
      app::Case c;
      q.read(0, c.id);
      q.read(1, c.adviser_id);
      q.read(2, c.status);
      q.read(3, c.opened_at);
      q.read(4, c.closed_at);
      q.read(5, c.compliance_override);
      c.centre_id = scope.centre_id();
      out.push_back(std::move(c));
    }
    return out;
  }

  std::vector<app::Debt> all_debts(const app::CentreScope& scope) override {
    db::Query q(statements_, sql::kAllDebts);
    q.bind("centre", scope.centre_id());
    std::vector<app::Debt> out;
    while (q.next()) {
      app::Debt d;
      q.read(0, d.case_id);
      q.read(1, d.debt_type);
      d.balance = q.integer(2);
      d.arrears = q.integer(3);
      q.read(4, d.priority_override);
      q.read(5, d.status);
      d.centre_id = scope.centre_id();
      out.push_back(std::move(d));
    }
    return out;
  }

  long long overdue_tasks(const app::CentreScope& scope, const std::string& assignee_id,
                          const std::string& today) override {
    db::Query q(statements_, assignee_id.empty() ? sql::kOverdueTasks : sql::kOverdueTasksOf);
    q.bind("centre", scope.centre_id()).bind("today", today);
    if (!assignee_id.empty()) q.bind("assignee", assignee_id);
    return q.next() ? q.integer(0) : 0;
  }

  long long appointments_between(const app::CentreScope& scope, const std::string& adviser_id, const std::string& from,
                                 const std::string& to) override {
    db::Query q(statements_, adviser_id.empty() ? sql::kAppointmentsBetween : sql::kAppointmentsBetweenOf);
    q.bind("centre", scope.centre_id()).bind("from", from).bind("to", to);
    if (!adviser_id.empty()) q.bind("adviser", adviser_id);
    return q.next() ? q.integer(0) : 0;
  }

 private:
  void upsert(const app::CentreScope& scope, const std::string& adviser, const std::string& metric,
              const std::string& bucket, long long delta) {
    db::Query q(statements_, sql::kAddCounter);
    q.bind("centre", scope.centre_id())
        .bind("adviser", adviser)
        .bind("metric", metric)
        .bind("bucket", bucket)
        .bind("delta", delta)
        .run();
  }

  static std::vector<app::CounterRow> rows(db::Query& q) {
    std::vector<app::CounterRow> out;
    while (q.next()) {
      app::CounterRow r;
      q.read(0, r.centre_id);
      q.read(1, r.adviser_id);
      q.read(2, r.metric);
      q.read(3, r.bucket);
      r.value = q.integer(4);
      out.push_back(std::move(r));
    }
    return out;
  }

  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::DashboardRepository, Counters>();
}

}  // namespace cma::store::dashboard
