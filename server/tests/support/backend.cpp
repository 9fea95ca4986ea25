#include "support/backend.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "store/database.hpp"

namespace cma::testing {

namespace fs = std::filesystem;

namespace {

std::mutex g_mu;
std::vector<std::string> g_dirs;

void cleanup_dirs() {
  for (const auto& d : g_dirs) {
    std::error_code ec;
    fs::remove_all(d, ec);
  }
}

int run(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string pg_bin(const std::string& tool) {
  for (const char* dir : {"/usr/lib/postgresql/15/bin/", "/usr/lib/postgresql/16/bin/", "/usr/lib/postgresql/17/bin/"})
    if (fs::exists(std::string(dir) + tool)) return std::string(dir) + tool;
  return tool;  // on PATH
}

// A port nothing listens on now. Only for PostgreSQL, which cannot be told to pick its own: the
// port can still be taken before postgres binds it, so the caller retries on "in use".
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

// initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
// With `primary_port`, a hot standby of the primary on that port instead of a new cluster: a base
// backup streaming its changes from then on.
class PgCluster {
 public:
  explicit PgCluster(int primary_port = 0) {
    as_postgres_ = ::geteuid() == 0;
    char tmpl[] = "/tmp/cma-pg-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir_ = tmpl;
    ::chmod(dir_.c_str(), 0755);
    data_ = dir_ + "/data";
    if (as_postgres_) {
      if (::getpwnam("postgres") == nullptr) throw std::runtime_error("no postgres user: install postgresql-15");
      run("chown postgres " + dir_);
    }
    if (primary_port == 0) {
      std::string initdb = prefix() + pg_bin("initdb") + " -D " + data_ +
                           " -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >" + dir_ + "/initdb.log 2>&1";
      if (run(initdb) != 0) throw std::runtime_error("initdb failed; see " + dir_ + "/initdb.log");
    } else {
      // -R writes the standby's settings (standby.signal, primary_conninfo); initdb's pg_hba.conf
      // lets replication connections in from 127.0.0.1.
      std::string backup = prefix() + pg_bin("pg_basebackup") + " -h 127.0.0.1 -p " + std::to_string(primary_port) +
                           " -U postgres -D " + data_ + " -R -X stream -c fast --no-sync >" + dir_ +
                           "/basebackup.log 2>&1";
      if (run(backup) != 0) throw std::runtime_error("pg_basebackup failed; see " + dir_ + "/basebackup.log");
    }
    // Another process (a parallel test run) may bind the port between free_port() and postgres
    // binding it; postgres then exits at once, and pg_ctl -w (which waits for this postmaster's own
    // ready state in postmaster.pid, not for the port to answer) fails, so try again on another.
    for (int attempt = 1;; ++attempt) {
      port_ = free_port();
      std::string log = dir_ + "/postgres-" + std::to_string(attempt) + ".log";
      std::string opts = "-p " + std::to_string(port_) +
                         " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off"
                         " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
      std::string start = prefix() + pg_bin("pg_ctl") + " -D " + data_ + " -o '" + opts + "' -l " + log +
                          " -w -t 60 start >/dev/null 2>&1";
      if (run(start) == 0) break;
      if (attempt == 10 || slurp(log).find("could not bind") == std::string::npos)
        throw std::runtime_error("postgres did not start; see " + log);
    }
    admin_ = std::make_unique<store::SociDatabase>(url("postgres"), 1);
  }
  ~PgCluster() {
    stop();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void stop() {
    admin_.reset();
    run(prefix() + pg_bin("pg_ctl") + " -D " + data_ + " -m immediate stop >/dev/null 2>&1");
  }
  int port() const { return port_; }
  store::SociDatabase& admin() { return *admin_; }
  // A line ahead of initdb's, which trust every local connection; read again at once.
  void prepend_hba(const std::string& line) {
    auto path = data_ + "/pg_hba.conf";
    auto rest = slurp(path);
    std::ofstream(path, std::ios::trunc) << line << "\n" << rest;
    admin_->execute_raw("SELECT pg_reload_conf()");
  }
  std::string create_database() {
    static std::atomic<int> n{0};
    std::string name = "cma_test_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
    admin_->execute_raw("CREATE DATABASE " + name);
    return url(name);
  }
  std::string url(const std::string& db) const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }

 private:
  std::string prefix() const { return as_postgres_ ? "runuser -u postgres -- " : ""; }
  bool as_postgres_ = false;
  std::string dir_, data_;
  int port_ = 0;
  std::unique_ptr<store::SociDatabase> admin_;
};

namespace {

PgCluster& cluster() {
  static PgCluster c;  // started on first use, stopped at exit
  return c;
}

}  // namespace

bool using_postgres() {
  const char* b = std::getenv("CMA_TEST_BACKEND");
  return b != nullptr && std::string(b) == "postgresql";
}

std::string backend_name() {
  return using_postgres() ? "postgresql" : "sqlite";
}

std::string temp_dir() {
  char tmpl[] = "/tmp/cma-test-XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("mkdtemp failed");
  std::lock_guard lock(g_mu);
  if (g_dirs.empty()) std::atexit(cleanup_dirs);
  g_dirs.emplace_back(tmpl);
  return tmpl;
}

struct PgOwnCluster::Impl {
  PgCluster cluster;
};

PgOwnCluster::PgOwnCluster() : impl_(std::make_unique<Impl>()) {}
PgOwnCluster::~PgOwnCluster() = default;

std::string PgOwnCluster::create_database() {
  return impl_->cluster.create_database();
}

std::string PgOwnCluster::url(const std::string& user, const std::string& database) const {
  return "postgresql://" + user + "@127.0.0.1:" + std::to_string(impl_->cluster.port()) + "/" + database;
}

void PgOwnCluster::execute(const std::string& sql) {
  impl_->cluster.admin().execute_raw(sql);
}

void PgOwnCluster::require_password(const std::string& role) {
  impl_->cluster.prepend_hba("host all " + role + " 127.0.0.1/32 scram-sha-256");
}

struct PgPrimaryAndReplica::Impl {
  PgCluster primary;
  std::string database_url;
  std::unique_ptr<PgCluster> replica;
};

PgPrimaryAndReplica::PgPrimaryAndReplica() : impl_(std::make_unique<Impl>()) {
  impl_->database_url = impl_->primary.create_database();
  impl_->replica = std::make_unique<PgCluster>(impl_->primary.port());
}

PgPrimaryAndReplica::~PgPrimaryAndReplica() = default;

std::string PgPrimaryAndReplica::primary_url() const {
  return impl_->database_url;
}

std::string PgPrimaryAndReplica::replica_url() const {
  auto name = impl_->database_url.substr(impl_->database_url.rfind('/') + 1);
  return impl_->replica->url(name);
}

void PgPrimaryAndReplica::pause_replay() {
  impl_->replica->admin().execute_raw("SELECT pg_wal_replay_pause()");
}

void PgPrimaryAndReplica::resume_replay() {
  impl_->replica->admin().execute_raw("SELECT pg_wal_replay_resume()");
}

void PgPrimaryAndReplica::stop_replica() {
  impl_->replica->stop();
}

std::string new_database_url() {
  if (using_postgres()) {
    std::lock_guard lock(g_mu);
    return cluster().create_database();
  }
  return "sqlite:///" + temp_dir() + "/cma.db";
}

}  // namespace cma::testing
