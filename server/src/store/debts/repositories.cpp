#include "store/debts/repositories.hpp"

#include "app/debts/ports.hpp"
#include "store/debts/queries.hpp"

namespace cma::store::debts {

namespace {

using db::write_guarded;

// A row of CMA_DEBT_COLUMNS, in that order, read from a db::Query.
app::Debt read_debt(const db::Query& q) {
  app::Debt d;
  q.read(0, d.id);
  q.read(1, d.centre_id);
  q.read(2, d.case_id);
  q.read(3, d.creditor);
  q.read(4, d.debt_type);
  q.read(5, d.account_reference);
  d.balance = q.integer(6);
  d.arrears = q.integer(7);
  d.contractual_payment = q.integer(8);
  d.offered_payment = q.integer(9);
  d.interest_frozen = q.flag(10);
  q.read(11, d.priority_override);
  q.read(12, d.priority_reason);
  q.read(13, d.status);
  q.read(14, d.created_at);
  q.read(15, d.updated_at);
  return d;
}

class Debts final : public app::DebtRepository {
 public:
  explicit Debts(db::Connection& c) : dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Debt> find(const app::CentreScope& scope, const std::string& case_id,
                                const std::string& id) override {
    return find_one(sql::kFindDebt, scope, case_id, id);
  }

  std::optional<app::Debt> find_for_update(const app::CentreScope& scope, const std::string& case_id,
                                           const std::string& id) override {
    return find_one(dialect_ == db::Dialect::postgresql ? sql::kFindDebtForUpdatePostgresql : sql::kFindDebt, scope,
                    case_id, id);
  }

  void insert(const app::Debt& d) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertDebt);
      q.bind("id", d.id).bind("centre", d.centre_id).bind("case_id", d.case_id).bind("created", d.created_at);
      bind_fields(q, d);
      q.run();
    });
  }

  void update(const app::Debt& d) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kUpdateDebt);
      bind_fields(q, d);
      q.bind("id", d.id).bind("case_id", d.case_id).bind("centre", d.centre_id).run();
    });
  }

  std::vector<app::Debt> list(const app::CentreScope& scope, const std::string& case_id,
                              const app::PageRequest& page) override {
    return fetch(scope, case_id, page.after_id, page.limit);
  }

  std::vector<app::Debt> all(const app::CentreScope& scope, const std::string& case_id) override {
    return fetch(scope, case_id, "", app::kMaxDebtsPerCase);
  }

 private:
  std::optional<app::Debt> find_one(const char* query, const app::CentreScope& scope, const std::string& case_id,
                                    const std::string& id) {
    db::Query q(statements_, query);
    q.bind("id", id).bind("case_id", case_id).bind("centre", scope.centre_id());
    if (!q.next()) return std::nullopt;
    return read_debt(q);
  }

  // The columns an insert and an update both write.
  static void bind_fields(db::Query& q, const app::Debt& d) {
    q.bind("creditor", d.creditor)
        .bind("type", d.debt_type)
        .bind("account", d.account_reference)
        .bind("balance", d.balance)
        .bind("arrears", d.arrears)
        .bind("contractual", d.contractual_payment)
        .bind("offered", d.offered_payment)
        .bind("frozen", d.interest_frozen)
        .bind("override", d.priority_override)
        .bind("reason", d.priority_reason)
        .bind("status", d.status)
        .bind("updated", d.updated_at);
  }

  std::vector<app::Debt> fetch(const app::CentreScope& scope, const std::string& case_id, const std::string& after,
                               int limit) {
    db::Query q(statements_, sql::kListDebts);
    q.bind("centre", scope.centre_id()).bind("case_id", case_id).bind("after", after).bind("limit", limit);
    std::vector<app::Debt> out;
    while (q.next()) out.push_back(read_debt(q));
    return out;
  }

  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::DebtRepository, Debts>();
}

}  // namespace cma::store::debts
