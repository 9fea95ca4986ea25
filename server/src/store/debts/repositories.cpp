#include "store/debts/repositories.hpp"

#include "app/debts/ports.hpp"
#include "store/debts/queries.hpp"

namespace cma::store::debts {

namespace {

using db::each_row;
using db::into;
using db::param;
using db::write_guarded;

struct DebtRow {
  app::Debt d;
  int frozen = 0;
  app::Debt take() {
    d.interest_frozen = frozen != 0;
    return std::move(d);  // every column is fetched again for the next row
  }
};
#define CMA_INTO_DEBT(r)                                                                                         \
  into((r).d.id), into((r).d.centre_id), into((r).d.case_id), into((r).d.creditor), into((r).d.debt_type),       \
      into((r).d.account_reference), into((r).d.balance), into((r).d.arrears), into((r).d.contractual_payment),  \
      into((r).d.offered_payment), into((r).frozen), into((r).d.priority_override), into((r).d.priority_reason), \
      into((r).d.status), into((r).d.created_at), into((r).d.updated_at)

// A row of the debt columns (CMA_INTO_DEBT's order), read from a db::Query.
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
  explicit Debts(db::Connection& c) : sql_(c.sql), dialect_(c.dialect), statements_(c.statements) {}

  std::optional<app::Debt> find(const app::CentreScope& scope, const std::string& case_id,
                                const std::string& id) override {
    DebtRow r;
    sql_ << sql::kFindDebt, CMA_INTO_DEBT(r), param(id, "id"), param(case_id, "case_id"),
        param(scope.centre_id(), "centre");
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }

  std::optional<app::Debt> find_for_update(const app::CentreScope& scope, const std::string& case_id,
                                           const std::string& id) override {
    DebtRow r;
    const char* query = dialect_ == db::Dialect::postgresql ? sql::kFindDebtForUpdatePostgresql : sql::kFindDebt;
    sql_ << query, CMA_INTO_DEBT(r), param(id, "id"), param(case_id, "case_id"), param(scope.centre_id(), "centre");
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }

  void insert(const app::Debt& d) override {
    int frozen = d.interest_frozen ? 1 : 0;
    write_guarded([&] {
      sql_ << sql::kInsertDebt, param(d.id, "id"), param(d.centre_id, "centre"), param(d.case_id, "case_id"),
          param(d.creditor, "creditor"), param(d.debt_type, "type"), param(d.account_reference, "account"),
          param(d.balance, "balance"), param(d.arrears, "arrears"), param(d.contractual_payment, "contractual"),
          param(d.offered_payment, "offered"), param(frozen, "frozen"), param(d.priority_override, "override"),
          param(d.priority_reason, "reason"), param(d.status, "status"), param(d.created_at, "created"),
          param(d.updated_at, "updated");
    });
  }

  void update(const app::Debt& d) override {
    int frozen = d.interest_frozen ? 1 : 0;
    write_guarded([&] {
      sql_ << sql::kUpdateDebt, param(d.creditor, "creditor"), param(d.debt_type, "type"),
          param(d.account_reference, "account"), param(d.balance, "balance"), param(d.arrears, "arrears"),
          param(d.contractual_payment, "contractual"), param(d.offered_payment, "offered"), param(frozen, "frozen"),
          param(d.priority_override, "override"), param(d.priority_reason, "reason"), param(d.status, "status"),
          param(d.updated_at, "updated"), param(d.id, "id"), param(d.case_id, "case_id"), param(d.centre_id, "centre");
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
  std::vector<app::Debt> fetch(const app::CentreScope& scope, const std::string& case_id, const std::string& after,
                               int limit) {
    db::Query q(statements_, sql::kListDebts);
    q.bind("centre", scope.centre_id()).bind("case_id", case_id).bind("after", after).bind("limit", limit);
    std::vector<app::Debt> out;
    while (q.next()) out.push_back(read_debt(q));
    return out;
  }

  soci::session& sql_;
  db::Dialect dialect_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::DebtRepository, Debts>();
}

}  // namespace cma::store::debts
