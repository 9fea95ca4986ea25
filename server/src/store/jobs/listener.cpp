#include "store/jobs/listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>
#include <thread>

#include "platform/config.hpp"
#include "platform/log.hpp"
#include "store/database.hpp"

namespace cma::store::jobs {

namespace {

class PostgresListener final : public app::JobWakeups {
 public:
  explicit PostgresListener(std::string conninfo) : conninfo_(std::move(conninfo)) {}
  ~PostgresListener() override { close(); }

  bool wait(std::chrono::milliseconds timeout) override {
    if (conn_ == nullptr) {
      // The database is away: wait as a poller would, and try again a few seconds later.
      auto now = std::chrono::steady_clock::now();
      if (now < next_connect_ || !connect()) {
        if (now >= next_connect_) next_connect_ = now + kReconnectEvery;
        std::this_thread::sleep_for(timeout);
        return false;
      }
      // Notifications sent before LISTEN took effect were missed: count the connection as one, so
      // the workers look for what was enqueued meanwhile.
      return true;
    }
    if (drain()) return true;
    pollfd fd{PQsocket(conn_), POLLIN, 0};
    int ready = ::poll(&fd, 1, static_cast<int>(timeout.count()));
    if (ready <= 0) return false;
    if (PQconsumeInput(conn_) == 0) {
      platform::log::warn("jobs.listen_lost", platform::log::Fields().add("error", error_text()));
      close();
      return false;
    }
    return drain();
  }

 private:
  bool connect() {
    conn_ = PQconnectdb(conninfo_.c_str());
    if (PQstatus(conn_) == CONNECTION_OK) {
      PGresult* r = PQexec(conn_, "LISTEN cma_jobs");
      bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      PQclear(r);
      if (ok) return true;
    }
    platform::log::warn("jobs.listen_failed", platform::log::Fields().add("error", error_text()));
    close();
    return false;
  }
  // True when notifications had arrived; consumes them all (one wake-up is enough for many jobs).
  bool drain() {
    bool any = false;
    while (PGnotify* n = PQnotifies(conn_)) {
      any = true;
      PQfreemem(n);
    }
    return any;
  }
  std::string error_text() const {
    std::string e = conn_ != nullptr ? PQerrorMessage(conn_) : "no connection";
    return e.substr(0, e.find('\n'));
  }
  void close() {
    if (conn_ != nullptr) PQfinish(conn_);
    conn_ = nullptr;
  }

  static constexpr std::chrono::seconds kReconnectEvery{5};
  std::string conninfo_;
  PGconn* conn_ = nullptr;
  std::chrono::steady_clock::time_point next_connect_{};
};

}  // namespace

std::unique_ptr<app::JobWakeups> listen_for_jobs(const std::string& database_url) {
  if (!platform::is_postgres_url(database_url)) return nullptr;
  return std::make_unique<PostgresListener>(postgres_conninfo(database_url));
}

}  // namespace cma::store::jobs
