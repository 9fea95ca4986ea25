#pragma once
#include "store/db/registry.hpp"

namespace cma::store::jobs {

void register_repositories(db::RepositoryRegistry& registry);

}  // namespace cma::store::jobs
