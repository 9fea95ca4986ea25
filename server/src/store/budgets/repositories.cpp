#include "store/budgets/repositories.hpp"

#include "app/budgets/ports.hpp"
#include "store/budgets/queries.hpp"

namespace cma::store::budgets {

namespace {

using db::each_row;
using db::into;
using db::param;
using db::write_guarded;

#define CMA_INTO_BUDGET(b)                                                                                   \
  into((b).id), into((b).centre_id), into((b).case_id), into((b).version), into((b).kind), into((b).adults), \
      into((b).children), into((b).notes), into((b).created_by), into((b).created_at)

// A row of the budget columns (CMA_INTO_BUDGET's order), read from a db::Query.
app::Budget read_budget(const db::Query& q) {
  app::Budget b;
  q.read(0, b.id);
  q.read(1, b.centre_id);
  q.read(2, b.case_id);
  b.version = static_cast<int>(q.integer(3));
  q.read(4, b.kind);
  b.adults = static_cast<int>(q.integer(5));
  b.children = static_cast<int>(q.integer(6));
  q.read(7, b.notes);
  q.read(8, b.created_by);
  q.read(9, b.created_at);
  return b;
}

class Budgets final : public app::BudgetRepository {
 public:
  explicit Budgets(db::Connection& c) : sql_(c.sql), statements_(c.statements) {}

  // Every case page reads this (its figures): statements prepared once per connection.
  std::optional<app::Budget> current(const app::CentreScope& scope, const std::string& case_id) override {
    std::optional<app::Budget> b;
    {
      db::Query q(statements_, sql::kCurrentBudget);
      q.bind("centre", scope.centre_id()).bind("case_id", case_id);
      if (!q.next()) return std::nullopt;
      b = read_budget(q);
    }
    db::Query q(statements_, sql::kBudgetLines);
    q.bind("centre", b->centre_id).bind("budget", b->id);
    while (q.next()) {
      app::BudgetLine l;
      q.read(0, l.id);
      l.position = static_cast<int>(q.integer(1));
      q.read(2, l.section);
      q.read(3, l.category);
      q.read(4, l.label);
      l.amount = q.integer(5);
      q.read(6, l.frequency);
      b->lines.push_back(std::move(l));
    }
    return b;
  }

  std::optional<app::Budget> version(const app::CentreScope& scope, const std::string& case_id, int number) override {
    app::Budget b;
    sql_ << sql::kBudgetVersion, CMA_INTO_BUDGET(b), param(scope.centre_id(), "centre"), param(case_id, "case_id"),
        param(number, "version");
    if (!sql_.got_data()) return std::nullopt;
    load_lines(b);
    return b;
  }

  std::vector<app::Budget> versions(const app::CentreScope& scope, const std::string& case_id,
                                    const app::PageRequest& page) override {
    std::vector<app::Budget> out;
    app::Budget b;
    soci::statement st = (sql_.prepare << sql::kBudgetVersions, CMA_INTO_BUDGET(b), param(scope.centre_id(), "centre"),
                          param(case_id, "case_id"), param(page.after_id, "after"), param(page.limit, "limit"));
    each_row(st, [&] { out.push_back(b); });
    return out;
  }

  void insert(const app::Budget& b) override {
    write_guarded([&] {
      sql_ << sql::kInsertBudget, param(b.id, "id"), param(b.centre_id, "centre"), param(b.case_id, "case_id"),
          param(b.version, "version"), param(b.kind, "kind"), param(b.adults, "adults"), param(b.children, "children"),
          param(b.notes, "notes"), param(b.created_by, "created_by"), param(b.created_at, "created_at");
      for (const auto& l : b.lines)
        sql_ << sql::kInsertBudgetLine, param(l.id, "id"), param(b.centre_id, "centre"), param(b.id, "budget"),
            param(l.position, "position"), param(l.section, "section"), param(l.category, "category"),
            param(l.label, "label"), param(l.amount, "amount"), param(l.frequency, "frequency");
    });
  }

 private:
  void load_lines(app::Budget& b) {
    app::BudgetLine l;
    soci::statement st =
        (sql_.prepare << sql::kBudgetLines, into(l.id), into(l.position), into(l.section), into(l.category),
         into(l.label), into(l.amount), into(l.frequency), param(b.centre_id, "centre"), param(b.id, "budget"));
    each_row(st, [&] { b.lines.push_back(l); });
  }

  soci::session& sql_;
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::BudgetRepository, Budgets>();
}

}  // namespace cma::store::budgets
