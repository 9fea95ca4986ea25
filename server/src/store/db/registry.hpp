#pragma once
// Which store class implements which app port. Each module's store folder registers its own
// repositories (store/<module>/repositories.hpp); a transaction builds one on first use.
#include <soci/soci.h>

#include <functional>
#include <memory>
#include <typeindex>
#include <unordered_map>

#include "store/db/query.hpp"
#include "store/db/sql.hpp"

namespace cma::store::db {

// What a repository is built over: the transaction's session and the database's dialect.
struct Connection {
  soci::session& sql;
  Dialect dialect;
  PreparedStatements& statements;  // for db::Query, on the same session
};

class RepositoryRegistry {
 public:
  template <class Port, class Implementation>
  void add() {
    factories_[std::type_index(typeid(Port))] = [](Connection& c) -> std::shared_ptr<void> {
      // The pointer kept is the Port subobject's, so a cast back from void* is exact.
      return std::shared_ptr<Port>(std::make_shared<Implementation>(c));
    };
  }
  // A new repository for `port` over `c`; throws std::logic_error when none is registered.
  std::shared_ptr<void> make(std::type_index port, Connection& c) const;

 private:
  std::unordered_map<std::type_index, std::function<std::shared_ptr<void>(Connection&)>> factories_;
};

}  // namespace cma::store::db
