#pragma once
// The database a test runs against: a temporary SQLite file, or a fresh database in a real
// PostgreSQL 15 cluster that this process starts (initdb in a temporary directory, a free port)
// and stops at exit. Chosen by CMA_TEST_BACKEND=sqlite|postgresql.
#include <string>

namespace cma::testing {

bool using_postgres();
std::string backend_name();
// A URL for a new, empty database (migrations not yet applied).
std::string new_database_url();
// A fresh temporary directory, removed at process exit.
std::string temp_dir();

}  // namespace cma::testing
