#pragma once
#include "store/db/registry.hpp"

namespace cma::store::budgets {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::budgets
