#include "store/compliance/repositories.hpp"

#include "app/compliance/ports.hpp"
#include "store/compliance/queries.hpp"

namespace cma::store::compliance {

namespace {

using db::write_guarded;

class Ticks final : public app::ComplianceRepository {
 public:
  explicit Ticks(db::Connection& c) : statements_(c.statements) {}

  std::vector<app::ComplianceTick> ticks(const app::CentreScope& scope, const std::string& case_id) override {
    db::Query q(statements_, sql::kListTicks);
    q.bind("centre", scope.centre_id()).bind("case_id", case_id);
    std::vector<app::ComplianceTick> out;
    while (q.next()) {
      app::ComplianceTick t;
      q.read(0, t.centre_id);
      q.read(1, t.case_id);
      q.read(2, t.item);
      q.read(3, t.evidence_note_id);
      q.read(4, t.ticked_by);
      q.read(5, t.ticked_at);
      out.push_back(std::move(t));
    }
    return out;
  }

  // Delete then insert, in the caller's transaction (the case row is not locked, but the key
  // (case_id, item) keeps one tick per item).
  void put(const app::ComplianceTick& t) override {
    write_guarded([&] {
      db::Query del(statements_, sql::kDeleteTick);
      del.bind("centre", t.centre_id).bind("case_id", t.case_id).bind("item", t.item).run();
      db::Query q(statements_, sql::kInsertTick);
      q.bind("centre", t.centre_id)
          .bind("case_id", t.case_id)
          .bind("item", t.item)
          .bind("note", t.evidence_note_id)
          .bind("by", t.ticked_by)
          .bind("at", t.ticked_at)
          .run();
    });
  }

  void remove(const app::CentreScope& scope, const std::string& case_id, const std::string& item) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kDeleteTick);
      q.bind("centre", scope.centre_id()).bind("case_id", case_id).bind("item", item).run();
    });
  }

 private:
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::ComplianceRepository, Ticks>();
}

}  // namespace cma::store::compliance
