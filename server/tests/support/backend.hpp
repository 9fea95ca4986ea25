#pragma once
// The database a test runs against: a temporary SQLite file, or a fresh database in a real
// PostgreSQL 15 cluster that this process starts (initdb in a temporary directory, a free port)
// and stops at exit. Chosen by CMA_TEST_BACKEND=sqlite|postgresql.
#include <memory>
#include <string>

namespace cma::testing {

bool using_postgres();
std::string backend_name();
// A URL for a new, empty database (migrations not yet applied).
std::string new_database_url();
// A fresh temporary directory, removed at process exit.
std::string temp_dir();

// A PostgreSQL cluster of the test's own, where every connection is trusted until
// require_password() says otherwise for a role (as a managed database asks every user for one).
class PgOwnCluster {
 public:
  PgOwnCluster();
  ~PgOwnCluster();
  PgOwnCluster(const PgOwnCluster&) = delete;
  PgOwnCluster& operator=(const PgOwnCluster&) = delete;
  std::string create_database();  // its URL, as the superuser
  std::string url(const std::string& user, const std::string& database) const;
  void execute(const std::string& sql);  // as the superuser
  void require_password(const std::string& role);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A PostgreSQL primary of its own with one database, and a hot standby streaming from it (as an
// RDS read replica does), for one test; both stopped and removed at the end.
class PgPrimaryAndReplica {
 public:
  PgPrimaryAndReplica();
  ~PgPrimaryAndReplica();
  PgPrimaryAndReplica(const PgPrimaryAndReplica&) = delete;
  PgPrimaryAndReplica& operator=(const PgPrimaryAndReplica&) = delete;
  std::string primary_url() const;
  std::string replica_url() const;  // the same database on the standby
  // The standby stops applying the primary's changes (it then lags as far as the test likes), and
  // catches up again.
  void pause_replay();
  void resume_replay();
  void stop_replica();  // as an outage would

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cma::testing
