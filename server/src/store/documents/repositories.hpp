#pragma once
#include "store/db/registry.hpp"

namespace cma::store::documents {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::documents
