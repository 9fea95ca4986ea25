#pragma once
#include "store/db/registry.hpp"

namespace cma::store::appointments {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::appointments
