#pragma once
#include <memory>

#include "app/unit_of_work.hpp"
#include "store/db/pool.hpp"
#include "store/db/registry.hpp"

namespace cma::store::db {

// One transaction on one pooled session, handing out the registered repositories over it. It
// always gives the session back clean: rolled back unless committed, and closed (not reused) when
// it unwinds from a database error.
std::unique_ptr<app::Transaction> begin_transaction(SessionPool& pool, const RepositoryRegistry& registry,
                                                    app::TxMode mode);

}  // namespace cma::store::db
