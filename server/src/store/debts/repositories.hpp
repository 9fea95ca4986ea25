#pragma once
#include "store/db/registry.hpp"

namespace cma::store::debts {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::debts
