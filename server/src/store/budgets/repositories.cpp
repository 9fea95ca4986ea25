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

class Budgets final : public app::BudgetRepository {
 public:
  explicit Budgets(db::Connection& c) : sql_(c.sql) {}

  std::optional<app::Budget> current(const app::CentreScope& scope, const std::string& case_id) override {
    app::Budget b;
    sql_ << sql::kCurrentBudget, CMA_INTO_BUDGET(b), param(scope.centre_id(), "centre"), param(case_id, "case_id");
    if (!sql_.got_data()) return std::nullopt;
    load_lines(b);
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
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::BudgetRepository, Budgets>();
}

}  // namespace cma::store::budgets
