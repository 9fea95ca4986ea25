#pragma once
#include "store/db/registry.hpp"

namespace cma::store::cases {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::cases
