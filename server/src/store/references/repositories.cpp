#include "store/references/repositories.hpp"

#include "app/references/ports.hpp"
#include "store/references/queries.hpp"

namespace cma::store::references {

namespace {

class Counters final : public app::ReferenceCounterRepository {
 public:
  explicit Counters(db::Connection& c) : statements_(c.statements) {}
  long long next(const app::CentreScope& scope, const std::string& series) override {
    db::Query q(statements_, sql::kNextReference);
    q.bind("centre", scope.centre_id()).bind("series", series);
    if (!q.next()) throw std::logic_error("the reference counter returned no row");
    return q.integer(0);
  }

 private:
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::ReferenceCounterRepository, Counters>();
}

}  // namespace cma::store::references
