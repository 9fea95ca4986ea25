#include "store/references/repositories.hpp"

#include "app/references/ports.hpp"
#include "store/references/queries.hpp"

namespace cma::store::references {

namespace {

using db::into;
using db::param;

class Counters final : public app::ReferenceCounterRepository {
 public:
  explicit Counters(db::Connection& c) : sql_(c.sql) {}
  long long next(const app::CentreScope& scope, const std::string& series) override {
    long long n = 0;
    sql_ << sql::kNextReference, into(n), param(scope.centre_id(), "centre"), param(series, "series");
    return n;
  }

 private:
  soci::session& sql_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::ReferenceCounterRepository, Counters>();
}

}  // namespace cma::store::references
