#pragma once
#include "store/db/registry.hpp"

namespace cma::store::calendar {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::calendar
