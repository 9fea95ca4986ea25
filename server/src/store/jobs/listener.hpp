#pragma once
// LISTEN cma_jobs on a connection of its own, for workers on PostgreSQL.
#include <memory>
#include <string>

#include "app/jobs/ports.hpp"

namespace cma::store::jobs {

// nullptr for SQLite, which has no notifications: its workers poll.
std::unique_ptr<app::JobWakeups> listen_for_jobs(const std::string& database_url);

}  // namespace cma::store::jobs
