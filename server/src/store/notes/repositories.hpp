#pragma once
#include "store/db/registry.hpp"

namespace cma::store::notes {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::notes
