#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "app/audit/ports.hpp"
#include "app/auth/ports.hpp"
#include "app/identity/ports.hpp"
#include "platform/clock.hpp"
#include "platform/config.hpp"
#include "platform/log.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/queries.hpp"

namespace cma::store {

using soci::into;
using soci::use;

namespace {

// Decided by the database's error code, never by message text: messages are translated with the
// server's lc_messages, and SOCI appends the statement's bound values (user input) to them.
bool is_unique_violation(const soci::soci_error& e) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e))
    return pg->sqlstate() == "23505";  // unique_violation
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e))
    // Extended result codes, switched on for every connection in connect().
    return lite->result() == SQLITE_CONSTRAINT_UNIQUE || lite->result() == SQLITE_CONSTRAINT_PRIMARYKEY;
  return false;
}

template <class F>
void each_row(soci::statement& st, F&& on_row) {
  if (st.execute(true)) {
    do on_row();
    while (st.fetch());
  }
}

// Runs a write; a uniqueness failure becomes the app's UniqueViolation.
template <class F>
void write_guarded(F&& f) {
  try {
    f();
  } catch (const soci::soci_error& e) {
    if (is_unique_violation(e)) throw app::UniqueViolation(e.what());
    throw;
  }
}

long long affected(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

#define CMA_INTO_CENTRE(r)                                                                                           \
  into((r).id), into((r).name), into((r).code), into((r).address), into((r).contact_email), into((r).contact_phone), \
      into((r).status), into((r).settings), into((r).created_at), into((r).updated_at)

struct UserRow {
  app::User u;
  std::string role;
  app::User take() {
    u.role = domain::parse_role(role).value_or(domain::Role::trainee);
    return u;
  }
};
#define CMA_INTO_USER(r)                                                                                   \
  into((r).u.id), into((r).u.centre_id), into((r).u.email), into((r).u.first_name), into((r).u.last_name), \
      into((r).role), into((r).u.status), into((r).u.password_hash), into((r).u.last_login_at),            \
      into((r).u.created_at), into((r).u.updated_at)

#define CMA_INTO_AUDIT(e)                                                                                  \
  into((e).id), into((e).chain), into(seq_value), into((e).at), into((e).actor_user_id), into((e).action), \
      into((e).entity_type), into((e).entity_id), into((e).changes), into((e).request_id), into((e).ip),   \
      into((e).user_agent), into((e).prev_hash), into((e).hash)

#define CMA_INTO_REFUSAL(r)                                                                                          \
  into((r).id), into((r).centre_id), into((r).user_id), into((r).action), into((r).entity_type), into((r).minute),   \
      into(count_value), into((r).first_at), into((r).last_at), into((r).last_entity_id), into((r).last_request_id), \
      into((r).last_ip), into((r).last_user_agent)

// The optional filters of sql::kListAudit*, each bound twice (the test for '' and the comparison).
#define CMA_USE_AUDIT_FILTERS(f)                                                                              \
  use((f).entity_type), use((f).entity_type), use((f).entity_id), use((f).entity_id), use((f).actor_user_id), \
      use((f).actor_user_id), use((f).from), use((f).from), use((f).to), use((f).to)

class Centres final : public app::CentreRepository {
 public:
  explicit Centres(soci::session& s) : sql_(s) {}
  std::optional<app::Centre> find(const app::Scope& scope, const std::string& id) override {
    app::Centre r;
    if (const auto* centre = app::centre_of(scope))
      sql_ << sql::kFindCentreInScope, CMA_INTO_CENTRE(r), use(id), use(*centre);
    else
      sql_ << sql::kFindCentre, CMA_INTO_CENTRE(r), use(id);
    if (!sql_.got_data()) return std::nullopt;
    return r;
  }
  bool code_taken(const std::string& code, const std::string& except_id) override {
    long long n = 0;
    sql_ << sql::kCentreCodeTaken, into(n), use(code), use(except_id);
    return n > 0;
  }
  void insert(const app::Centre& c) override {
    write_guarded([&] {
      sql_ << sql::kInsertCentre, use(c.id), use(c.name), use(c.code), use(c.address), use(c.contact_email),
          use(c.contact_phone), use(c.status), use(c.settings), use(c.created_at), use(c.updated_at);
    });
  }
  void update(const app::Centre& c) override {
    write_guarded([&] {
      sql_ << sql::kUpdateCentre, use(c.name), use(c.code), use(c.address), use(c.contact_email), use(c.contact_phone),
          use(c.status), use(c.settings), use(c.updated_at), use(c.id);
    });
  }
  std::vector<app::Centre> list(const app::Scope& scope, const std::string& after_id, int limit) override {
    std::vector<app::Centre> out;
    app::Centre r;
    if (const auto* centre = app::centre_of(scope)) {
      soci::statement st =
          (sql_.prepare << sql::kListCentresInScope, CMA_INTO_CENTRE(r), use(after_id), use(*centre), use(limit));
      each_row(st, [&] { out.push_back(r); });
    } else {
      soci::statement st = (sql_.prepare << sql::kListCentres, CMA_INTO_CENTRE(r), use(after_id), use(limit));
      each_row(st, [&] { out.push_back(r); });
    }
    return out;
  }

 private:
  soci::session& sql_;
};

class Users final : public app::UserRepository {
 public:
  explicit Users(soci::session& s) : sql_(s) {}
  std::optional<app::User> find(const app::Scope& scope, const std::string& id) override {
    UserRow r;
    if (const auto* centre = app::centre_of(scope))
      sql_ << sql::kFindUserInCentre, CMA_INTO_USER(r), use(id), use(*centre);
    else
      sql_ << sql::kFindUser, CMA_INTO_USER(r), use(id);
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }
  std::optional<app::User> find_by_email(const std::string& email) override {
    UserRow r;
    sql_ << sql::kFindUserByEmail, CMA_INTO_USER(r), use(email);
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }
  std::optional<app::User> find_active(const std::string& id) override {
    UserRow r;
    sql_ << sql::kFindActiveUser, CMA_INTO_USER(r), use(id);
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }
  void insert(const app::User& u) override {
    std::string role(domain::to_string(u.role));
    write_guarded([&] {
      sql_ << sql::kInsertUser, use(u.id), use(u.centre_id), use(u.email), use(u.first_name), use(u.last_name),
          use(role), use(u.status), use(u.password_hash), use(u.last_login_at), use(u.created_at), use(u.updated_at);
    });
  }
  void update(const app::User& u) override {
    std::string role(domain::to_string(u.role));
    write_guarded([&] {
      sql_ << sql::kUpdateUser, use(u.email), use(u.first_name), use(u.last_name), use(role), use(u.status),
          use(u.password_hash), use(u.updated_at), use(u.id), use(u.centre_id);
    });
  }
  void record_login(const std::string& id, const std::string& at) override {
    sql_ << sql::kRecordLogin, use(at), use(id);
  }
  std::vector<app::User> list(const app::Scope& scope, const std::string& after_id, int limit) override {
    std::vector<app::User> out;
    UserRow r;
    if (const auto* centre = app::centre_of(scope)) {
      soci::statement st =
          (sql_.prepare << sql::kListUsersInCentre, CMA_INTO_USER(r), use(*centre), use(after_id), use(limit));
      each_row(st, [&] { out.push_back(r.take()); });
    } else {
      soci::statement st = (sql_.prepare << sql::kListUsers, CMA_INTO_USER(r), use(after_id), use(limit));
      each_row(st, [&] { out.push_back(r.take()); });
    }
    return out;
  }
  std::int64_t count() override {
    long long n = 0;
    sql_ << sql::kCountUsers, into(n);
    return n;
  }

 private:
  soci::session& sql_;
};

class RefreshTokens final : public app::RefreshTokenRepository {
 public:
  explicit RefreshTokens(soci::session& s) : sql_(s) {}
  void insert(const app::RefreshToken& t) override {
    write_guarded([&] {
      sql_ << sql::kInsertRefreshToken, use(t.id), use(t.family_id), use(t.user_id), use(t.token_hash),
          use(t.created_at), use(t.expires_at), use(t.family_expires_at);
    });
  }
  std::optional<app::RefreshToken> find_by_hash(const std::string& hash) override {
    app::RefreshToken t;
    sql_ << sql::kFindRefreshToken, into(t.id), into(t.family_id), into(t.user_id), into(t.token_hash),
        into(t.created_at), into(t.expires_at), into(t.family_expires_at), into(t.used_at), into(t.revoked_at),
        use(hash);
    if (!sql_.got_data()) return std::nullopt;
    return t;
  }
  bool mark_used(const std::string& id, const std::string& at) override {
    soci::statement st = (sql_.prepare << sql::kMarkRefreshTokenUsed, use(at), use(id));
    return affected(st) == 1;
  }
  void revoke_family(const std::string& family_id, const std::string& at) override {
    sql_ << sql::kRevokeFamily, use(at), use(family_id);
  }
  void revoke_all_for_user(const std::string& user_id, const std::string& at) override {
    sql_ << sql::kRevokeUserTokens, use(at), use(user_id);
  }

 private:
  soci::session& sql_;
};

std::string time_or_empty(domain::Instant t) {
  return t == domain::Instant{} ? std::string() : platform::format_time(t);
}
domain::Instant instant_or_zero(const std::string& text) {
  return text.empty() ? domain::Instant{} : platform::parse_time(text).value_or(domain::Instant{});
}

class LoginThrottle final : public app::LoginThrottleRepository {
 public:
  LoginThrottle(soci::session& s, Dialect d) : sql_(s), dialect_(d) {}
  domain::ThrottleCounter lock(const std::string& key) override {
    sql_ << sql::kEnsureLoginThrottle, use(key);
    int failures = 0;
    std::string window_start, next_allowed_at;
    sql_ << (dialect_ == Dialect::postgresql ? sql::kLockLoginThrottlePostgres : sql::kLockLoginThrottleSqlite),
        into(failures), into(window_start), into(next_allowed_at), use(key);
    return domain::ThrottleCounter{failures, instant_or_zero(window_start), instant_or_zero(next_allowed_at)};
  }
  void save(const std::string& key, const domain::ThrottleCounter& c, const std::string& now) override {
    std::string window_start = time_or_empty(c.window_start), next = time_or_empty(c.next_allowed_at);
    sql_ << sql::kSaveLoginThrottle, use(c.failures), use(window_start), use(next), use(now), use(key);
  }
  void prune_before(const std::string& before) override { sql_ << sql::kPruneLoginThrottle, use(before); }

 private:
  soci::session& sql_;
  Dialect dialect_;
};

class Audit final : public app::AuditRepository {
 public:
  Audit(soci::session& s, Dialect d) : sql_(s), dialect_(d) {}
  app::AuditHead lock_head(const std::string& chain) override {
    sql_ << sql::kEnsureAuditHead, use(chain);
    long long seq = 0;
    app::AuditHead head;
    sql_ << (dialect_ == Dialect::postgresql ? sql::kLockAuditHeadPostgres : sql::kLockAuditHeadSqlite), into(seq),
        into(head.hash), use(chain);
    head.seq = seq;
    return head;
  }
  void append(const domain::AuditEntry& e) override {
    long long seq = e.seq;
    sql_ << sql::kInsertAudit, use(e.id), use(e.chain), use(seq), use(e.at), use(e.actor_user_id), use(e.action),
        use(e.entity_type), use(e.entity_id), use(e.changes), use(e.request_id), use(e.ip), use(e.user_agent),
        use(e.prev_hash), use(e.hash);
  }
  void set_head(const std::string& chain, const app::AuditHead& head) override {
    long long seq = head.seq;
    sql_ << sql::kSetAuditHead, use(seq), use(head.hash), use(chain);
  }
  std::vector<domain::AuditEntry> list(const app::AuditFilter& f, const std::string& before_id, int limit) override {
    std::vector<domain::AuditEntry> out;
    domain::AuditEntry e;
    long long seq_value = 0;
    auto collect = [&] {
      e.seq = seq_value;
      out.push_back(e);
    };
    const std::string* centre = app::centre_of(f.scope);
    if (centre && before_id.empty()) {
      soci::statement st = (sql_.prepare << sql::kListAuditInChain, CMA_INTO_AUDIT(e), use(*centre),
                            CMA_USE_AUDIT_FILTERS(f), use(limit));
      each_row(st, collect);
    } else if (centre) {
      soci::statement st = (sql_.prepare << sql::kListAuditInChainBefore, CMA_INTO_AUDIT(e), use(*centre),
                            use(before_id), CMA_USE_AUDIT_FILTERS(f), use(limit));
      each_row(st, collect);
    } else if (before_id.empty()) {
      soci::statement st = (sql_.prepare << sql::kListAudit, CMA_INTO_AUDIT(e), CMA_USE_AUDIT_FILTERS(f), use(limit));
      each_row(st, collect);
    } else {
      soci::statement st = (sql_.prepare << sql::kListAuditBefore, CMA_INTO_AUDIT(e), use(before_id),
                            CMA_USE_AUDIT_FILTERS(f), use(limit));
      each_row(st, collect);
    }
    return out;
  }
  std::vector<std::string> chains() override {
    std::vector<std::string> out;
    std::string chain;
    soci::statement st = (sql_.prepare << sql::kAuditChains, into(chain));
    each_row(st, [&] { out.push_back(chain); });
    return out;
  }
  std::optional<app::AuditHead> head(const std::string& chain) override {
    long long seq = 0;
    app::AuditHead h;
    sql_ << sql::kAuditHead, into(seq), into(h.hash), use(chain);
    if (!sql_.got_data()) return std::nullopt;
    h.seq = seq;
    return h;
  }
  void record_refusal(const app::AccessRefusal& r) override {
    sql_ << sql::kRecordRefusal, use(r.id), use(r.centre_id), use(r.user_id), use(r.action), use(r.entity_type),
        use(r.minute), use(r.first_at), use(r.last_at), use(r.last_entity_id), use(r.last_request_id), use(r.last_ip),
        use(r.last_user_agent);
  }
  std::vector<app::AccessRefusal> list_refusals(const app::RefusalFilter& f, const std::string& before_id,
                                                int limit) override {
    std::vector<app::AccessRefusal> out;
    app::AccessRefusal r;
    long long count_value = 0;
    auto collect = [&] {
      r.count = count_value;
      out.push_back(r);
    };
    const std::string& user = f.user_id;
    const std::string* centre = app::centre_of(f.scope);
    if (centre && before_id.empty()) {
      soci::statement st = (sql_.prepare << sql::kListRefusalsInCentre, CMA_INTO_REFUSAL(r), use(*centre), use(user),
                            use(user), use(limit));
      each_row(st, collect);
    } else if (centre) {
      soci::statement st = (sql_.prepare << sql::kListRefusalsInCentreBefore, CMA_INTO_REFUSAL(r), use(*centre),
                            use(before_id), use(user), use(user), use(limit));
      each_row(st, collect);
    } else if (before_id.empty()) {
      soci::statement st = (sql_.prepare << sql::kListRefusals, CMA_INTO_REFUSAL(r), use(user), use(user), use(limit));
      each_row(st, collect);
    } else {
      soci::statement st = (sql_.prepare << sql::kListRefusalsBefore, CMA_INTO_REFUSAL(r), use(before_id), use(user),
                            use(user), use(limit));
      each_row(st, collect);
    }
    return out;
  }
  std::vector<domain::AuditEntry> read_chain(const std::string& chain, std::int64_t after_seq, int limit) override {
    std::vector<domain::AuditEntry> out;
    domain::AuditEntry e;
    long long seq_value = 0;
    long long after = after_seq;
    soci::statement st = (sql_.prepare << sql::kReadAuditChain, CMA_INTO_AUDIT(e), use(chain), use(after), use(limit));
    each_row(st, [&] {
      e.seq = seq_value;
      out.push_back(e);
    });
    return out;
  }

 private:
  soci::session& sql_;
  Dialect dialect_;
};

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string conninfo_value(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

// postgresql://user:password@host:port/dbname?sslmode=require → libpq key/value form, which SOCI
// passes through unchanged (it mangles URIs).
std::string postgres_conninfo(const std::string& url) {
  std::string_view rest = url;
  rest.remove_prefix(rest.find("://") + 3);
  std::string out;
  auto add = [&out](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += conninfo_value(value);
  };
  std::string_view query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view path;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    path = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  if (auto at = rest.rfind('@'); at != std::string_view::npos) {
    auto userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    auto colon = userinfo.find(':');
    add("user", percent_decode(userinfo.substr(0, colon)));
    if (colon != std::string_view::npos) add("password", percent_decode(userinfo.substr(colon + 1)));
  }
  std::string_view host = rest, port;
  if (!host.empty() && host.front() == '[') {  // [::1]:5432
    auto close = host.find(']');
    port = close + 1 < host.size() && host[close + 1] == ':' ? host.substr(close + 2) : std::string_view();
    host = host.substr(1, close - 1);
  } else if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  add("host", percent_decode(host));
  add("port", std::string(port));
  add("dbname", percent_decode(path));
  while (!query.empty()) {
    auto amp = query.find('&');
    auto kv = query.substr(0, amp);
    auto eq = kv.find('=');
    if (eq != std::string_view::npos) {
      std::string key = percent_decode(kv.substr(0, eq));
      out += (out.empty() ? "" : " ") + key + "=" + conninfo_value(percent_decode(kv.substr(eq + 1)));
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

struct SociDatabase::Impl {
  std::string url;
  Dialect dialect = Dialect::sqlite;
  std::string sqlite_path;
  int max_sessions = 4;
  std::chrono::milliseconds pool_wait{platform::kDefaultDbPoolWaitMs};

  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::unique_ptr<soci::session>> idle;
  int open_sessions = 0;
  std::size_t discarded = 0;

  // WAL is a property of the file, set once. Switching needs a lock that SQLite does not wait for
  // (busy_timeout does not apply), so a process opening the file while another migrates it only
  // reads the mode when it is already WAL, and otherwise retries the switch for a while.
  static void use_wal(soci::session& s) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    for (;;) {
      try {
        std::string mode;
        s << "PRAGMA journal_mode", into(mode);
        if (mode == "wal") return;
        s << "PRAGMA journal_mode = WAL", into(mode);
        if (mode == "wal") return;
      } catch (const soci::soci_error&) {
        if (std::chrono::steady_clock::now() >= deadline) throw;
      }
      if (std::chrono::steady_clock::now() >= deadline)
        throw std::runtime_error("the SQLite database could not be switched to WAL mode");
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  std::unique_ptr<soci::session> connect() {
    std::unique_ptr<soci::session> s;
    if (dialect == Dialect::sqlite) {
      s = std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=" + sqlite_path + " timeout=10");
      // Errors then carry e.g. SQLITE_CONSTRAINT_UNIQUE rather than a bare SQLITE_CONSTRAINT.
      sqlite_api::sqlite3_extended_result_codes(static_cast<soci::sqlite3_session_backend*>(s->get_backend())->conn_,
                                                1);
      use_wal(*s);
      *s << "PRAGMA synchronous = FULL";
      *s << "PRAGMA foreign_keys = ON";
      *s << "PRAGMA busy_timeout = 10000";
    } else {
      s = std::make_unique<soci::session>(*soci::factory_postgresql(), postgres_conninfo(url));
      *s << "SET TIME ZONE 'UTC'";
    }
    return s;
  }

  std::unique_ptr<soci::session> acquire() {
    auto deadline = std::chrono::steady_clock::now() + pool_wait;
    std::unique_lock lock(mu);
    for (;;) {
      if (!idle.empty()) {
        auto s = std::move(idle.back());
        idle.pop_back();
        return s;
      }
      if (open_sessions < max_sessions) {
        ++open_sessions;
        lock.unlock();
        try {
          return connect();
        } catch (...) {
          std::lock_guard again(mu);
          --open_sessions;
          cv.notify_one();
          throw;
        }
      }
      if (cv.wait_until(lock, deadline) == std::cv_status::timeout && idle.empty() && open_sessions >= max_sessions)
        throw app::StoreUnavailable("all " + std::to_string(max_sessions) + " database connections stayed busy for " +
                                    std::to_string(pool_wait.count()) + " ms");
    }
  }

  // A session that failed in a way that may have left it unusable is closed, not reused.
  void release(std::unique_ptr<soci::session> s, bool healthy) {
    std::lock_guard lock(mu);
    if (healthy) {
      idle.push_back(std::move(s));
    } else {
      --open_sessions;
      ++discarded;
    }
    cv.notify_one();
  }
};

namespace {

// Holds one pooled session for the life of a transaction and always gives it back clean.
class SociTransaction final : public app::Transaction {
 public:
  SociTransaction(SociDatabase::Impl& db, app::TxMode mode)
      : db_(db),
        exceptions_at_start_(std::uncaught_exceptions()),
        session_(db.acquire()),
        centres_(*session_),
        users_(*session_),
        tokens_(*session_),
        throttle_(*session_, db.dialect),
        audit_(*session_, db.dialect) {
    if (mode == app::TxMode::read) return;  // autocommit: no BEGIN/COMMIT round trips for plain reads
    bool sqlite = db_.dialect == Dialect::sqlite;
    try {
      if (mode == app::TxMode::write) {
        // IMMEDIATE takes SQLite's write lock up front, so two writers never deadlock on upgrade.
        *session_ << (sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
      } else {
        // Both take their snapshot at the transaction's first statement and keep it to the end
        // (SQLite in WAL mode: a deferred transaction's first read pins the WAL frame it reads up to).
        *session_ << (sqlite ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      }
      open_ = true;
    } catch (...) {
      db_.release(std::move(session_), false);
      throw;
    }
  }
  ~SociTransaction() override {
    // Unwinding from a database error: the connection may be broken (e.g. the server restarted),
    // so it is closed rather than handed to the next request; a new one is opened on demand.
    bool healthy = std::uncaught_exceptions() == exceptions_at_start_;
    if (open_) {
      try {
        *session_ << "ROLLBACK";
      } catch (...) {
        healthy = false;
      }
    }
    db_.release(std::move(session_), healthy);
  }
  void* repository(std::type_index port) override {
    if (port == typeid(app::CentreRepository)) return static_cast<app::CentreRepository*>(&centres_);
    if (port == typeid(app::UserRepository)) return static_cast<app::UserRepository*>(&users_);
    if (port == typeid(app::RefreshTokenRepository)) return static_cast<app::RefreshTokenRepository*>(&tokens_);
    if (port == typeid(app::LoginThrottleRepository)) return static_cast<app::LoginThrottleRepository*>(&throttle_);
    if (port == typeid(app::AuditRepository)) return static_cast<app::AuditRepository*>(&audit_);
    throw std::logic_error(std::string("no repository is registered for ") + port.name());
  }
  void commit() override {
    if (!open_) return;
    *session_ << "COMMIT";
    open_ = false;
  }

 private:
  SociDatabase::Impl& db_;
  int exceptions_at_start_;
  std::unique_ptr<soci::session> session_;
  bool open_ = false;
  Centres centres_;
  Users users_;
  RefreshTokens tokens_;
  LoginThrottle throttle_;
  Audit audit_;
};

}  // namespace

SociDatabase::SociDatabase(const std::string& url, int pool_size, std::chrono::milliseconds pool_wait)
    : impl_(std::make_unique<Impl>()) {
  impl_->url = url;
  impl_->max_sessions = pool_size > 0 ? pool_size : 4;
  impl_->pool_wait = pool_wait;
  if (platform::is_sqlite_url(url)) {
    impl_->dialect = Dialect::sqlite;
    // Memory statistics take a process-wide mutex on every allocation; nothing here reads them.
    static std::once_flag once;
    std::call_once(once, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    // sqlite:///relative/path.db and sqlite:////absolute/path.db, as SQLAlchemy spells them.
    constexpr std::string_view prefix = "sqlite:///";
    impl_->sqlite_path = url.size() > prefix.size() && url.rfind(prefix, 0) == 0
                             ? url.substr(prefix.size())
                             : url.substr(std::string_view("sqlite://").size());
    auto parent = std::filesystem::path(impl_->sqlite_path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  } else {
    impl_->dialect = Dialect::postgresql;
  }
}

SociDatabase::~SociDatabase() = default;

std::unique_ptr<app::Transaction> SociDatabase::begin(app::TxMode mode) {
  return std::make_unique<SociTransaction>(*impl_, mode);
}

std::size_t SociDatabase::discarded_connections() const {
  std::lock_guard lock(impl_->mu);
  return impl_->discarded;
}

Dialect SociDatabase::dialect() const {
  return impl_->dialect;
}

bool SociDatabase::ping() {
  std::unique_ptr<soci::session> s;
  try {
    s = impl_->acquire();
  } catch (const std::exception& e) {
    platform::log::warn("db.ping_failed",
                        platform::log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
    return false;
  }
  try {
    int one = 0;
    *s << "SELECT 1", into(one);
    impl_->release(std::move(s), true);
    return one == 1;
  } catch (const std::exception& e) {
    impl_->release(std::move(s), false);
    platform::log::warn("db.ping_failed",
                        platform::log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
    return false;
  }
}

void SociDatabase::execute_raw(const std::string& statement) {
  auto s = impl_->acquire();
  try {
    *s << statement;
  } catch (...) {
    impl_->release(std::move(s), true);
    throw;
  }
  impl_->release(std::move(s), true);
}

std::vector<std::string> SociDatabase::explain(const std::string& statement, const std::vector<std::string>& params) {
  const bool pg = impl_->dialect == Dialect::postgresql;
  std::vector<std::string> plan;
  auto s = impl_->acquire();
  try {
    soci::statement st(*s);
    st.alloc();
    st.prepare((pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + statement);
    int id = 0, parent = 0, unused = 0;
    std::string line;
    if (!pg) {  // id, parent, notused, detail
      st.exchange(into(id));
      st.exchange(into(parent));
      st.exchange(into(unused));
    }
    st.exchange(into(line));
    for (const auto& p : params) st.exchange(use(p));
    st.define_and_bind();
    each_row(st, [&] { plan.push_back(line); });
  } catch (...) {
    impl_->release(std::move(s), true);
    throw;
  }
  impl_->release(std::move(s), true);
  return plan;
}

MigrationReport SociDatabase::migrate() {
  MigrationReport report;
  auto s = impl_->acquire();
  bool pg = impl_->dialect == Dialect::postgresql;
  bool healthy = false;
  try {
    if (pg)
      *s << sql::kMigrationLockPostgres;
    else
      *s << "BEGIN IMMEDIATE";  // one migrator at a time on the file
    *s << sql::kCreateMigrationsTable;
    std::set<int> applied;
    {
      int v = 0;
      soci::statement st = (s->prepare << sql::kAppliedMigrations, into(v));
      each_row(st, [&] { applied.insert(v); });
    }
    const auto& list = pg ? postgresql_migrations() : sqlite_migrations();
    for (const auto& m : list) {
      if (applied.count(m.version) != 0) {
        report.current_version = m.version;
        continue;
      }
      if (pg) *s << "BEGIN";
      for (const char* statement : m.statements) *s << statement;
      std::string at = platform::format_time(platform::SystemClock{}.now());
      std::string name = m.name;
      *s << sql::kRecordMigration, use(m.version), use(name), use(at);
      if (pg) *s << "COMMIT";
      char label[16];
      std::snprintf(label, sizeof label, "%04d_", m.version);
      report.applied.push_back(label + name);
      report.current_version = m.version;
    }
    if (pg)
      *s << sql::kMigrationUnlockPostgres;
    else
      *s << "COMMIT";
    healthy = true;
  } catch (...) {
    try {
      *s << "ROLLBACK";
      if (pg) *s << sql::kMigrationUnlockPostgres;
    } catch (...) {
    }
    impl_->release(std::move(s), false);
    throw;
  }
  impl_->release(std::move(s), healthy);
  return report;
}

}  // namespace cma::store
