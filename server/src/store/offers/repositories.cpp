#include "store/offers/repositories.hpp"

#include "app/offers/ports.hpp"
#include "store/offers/queries.hpp"

namespace cma::store::offers {

namespace {

using db::affected;
using db::each_row;
using db::into;
using db::param;
using db::write_guarded;

struct SetRow {
  app::OfferSet o;
  int token = 0;
};
#define CMA_INTO_OFFER(r)                                                                                        \
  into((r).o.id), into((r).o.centre_id), into((r).o.case_id), into((r).o.budget_id), into((r).o.budget_version), \
      into((r).o.available), into((r).token), into((r).o.created_by), into((r).o.created_at), into((r).o.applied_at)

class Offers final : public app::OfferRepository {
 public:
  explicit Offers(db::Connection& c) : sql_(c.sql) {}

  std::optional<app::OfferSet> find(const app::CentreScope& scope, const std::string& case_id,
                                    const std::string& id) override {
    SetRow r;
    sql_ << sql::kFindOfferSet, CMA_INTO_OFFER(r), param(id, "id"), param(case_id, "case_id"),
        param(scope.centre_id(), "centre");
    if (!sql_.got_data()) return std::nullopt;
    return complete(r);
  }

  std::vector<app::OfferSet> list(const app::CentreScope& scope, const std::string& case_id,
                                  const app::PageRequest& page) override {
    std::vector<SetRow> rows;
    SetRow r;
    {
      soci::statement st = (sql_.prepare << sql::kListOfferSets, CMA_INTO_OFFER(r), param(scope.centre_id(), "centre"),
                            param(case_id, "case_id"), param(page.after_id, "after"), param(page.limit, "limit"));
      each_row(st, [&] { rows.push_back(r); });
    }
    std::vector<app::OfferSet> out;
    for (auto& row : rows) out.push_back(complete(row));
    return out;
  }

  void insert(const app::OfferSet& o) override {
    int token = o.token ? 1 : 0;
    write_guarded([&] {
      sql_ << sql::kInsertOfferSet, param(o.id, "id"), param(o.centre_id, "centre"), param(o.case_id, "case_id"),
          param(o.budget_id, "budget"), param(o.budget_version, "version"), param(o.available, "available"),
          param(token, "token"), param(o.created_by, "created_by"), param(o.created_at, "created_at"),
          param(o.applied_at, "applied");
      for (std::size_t i = 0; i < o.lines.size(); ++i) {
        const auto& l = o.lines[i];
        int position = static_cast<int>(i);
        int line_token = l.token ? 1 : 0;
        sql_ << sql::kInsertOfferLine, param(o.id, "set"), param(o.centre_id, "centre"), param(l.debt_id, "debt"),
            param(position, "position"), param(l.creditor, "creditor"), param(l.balance, "balance"),
            param(l.monthly, "monthly"), param(line_token, "token");
      }
    });
  }

  bool mark_applied(const app::CentreScope& scope, const std::string& id, const std::string& at) override {
    soci::statement st =
        (sql_.prepare << sql::kMarkApplied, param(at, "at"), param(id, "id"), param(scope.centre_id(), "centre"));
    return affected(st) == 1;
  }

 private:
  app::OfferSet complete(SetRow& r) {
    app::OfferSet o = r.o;
    o.token = r.token != 0;
    app::OfferLine l;
    int token = 0;
    soci::statement st = (sql_.prepare << sql::kOfferLines, into(l.debt_id), into(l.creditor), into(l.balance),
                          into(l.monthly), into(token), param(o.centre_id, "centre"), param(o.id, "set"));
    each_row(st, [&] {
      l.token = token != 0;
      o.lines.push_back(l);
    });
    return o;
  }

  soci::session& sql_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::OfferRepository, Offers>();
}

}  // namespace cma::store::offers
