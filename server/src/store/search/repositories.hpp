#pragma once
#include "store/db/registry.hpp"

namespace cma::store::search {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::search
