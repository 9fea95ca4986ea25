#include "store/auth/repositories.hpp"

#include "app/auth/ports.hpp"
#include "store/auth/queries.hpp"

namespace cma::store::auth {

namespace {

using db::into;
using db::param;

class RefreshTokens final : public app::RefreshTokenRepository {
 public:
  explicit RefreshTokens(db::Connection& c) : sql_(c.sql) {}
  void insert(const app::RefreshToken& t) override {
    db::write_guarded([&] {
      sql_ << sql::kInsertRefreshToken, param(t.id, "id"), param(t.family_id, "family"), param(t.user_id, "user"),
          param(t.token_hash, "hash"), param(t.created_at, "created"), param(t.expires_at, "expires"),
          param(t.family_expires_at, "family_expires");
    });
  }
  std::optional<app::RefreshToken> find_by_hash(const std::string& hash) override {
    app::RefreshToken t;
    sql_ << sql::kFindRefreshToken, into(t.id), into(t.family_id), into(t.user_id), into(t.token_hash),
        into(t.created_at), into(t.expires_at), into(t.family_expires_at), into(t.used_at), into(t.revoked_at),
        param(hash, "hash");
    if (!sql_.got_data()) return std::nullopt;
    return t;
  }
  bool mark_used(const std::string& id, const std::string& at) override {
    soci::statement st = (sql_.prepare << sql::kMarkRefreshTokenUsed, param(at, "at"), param(id, "id"));
    return db::affected(st) == 1;
  }
  void revoke_family(const std::string& family_id, const std::string& at) override {
    sql_ << sql::kRevokeFamily, param(at, "at"), param(family_id, "family");
  }
  void revoke_all_for_user(const std::string& user_id, const std::string& at) override {
    sql_ << sql::kRevokeUserTokens, param(at, "at"), param(user_id, "user");
  }

 private:
  soci::session& sql_;
};

class LoginThrottle final : public app::LoginThrottleRepository {
 public:
  explicit LoginThrottle(db::Connection& c) : sql_(c.sql), dialect_(c.dialect) {}
  domain::ThrottleCounter lock(const std::string& key) override {
    sql_ << sql::kEnsureLoginThrottle, param(key, "key");
    int failures = 0;
    std::string window_start, next_allowed_at;
    sql_ << (dialect_ == db::Dialect::postgresql ? sql::kLockLoginThrottlePostgres : sql::kLockLoginThrottleSqlite),
        into(failures), into(window_start), into(next_allowed_at), param(key, "key");
    return domain::ThrottleCounter{failures, db::instant_or_zero(window_start), db::instant_or_zero(next_allowed_at)};
  }
  void save(const std::string& key, const domain::ThrottleCounter& c, const std::string& now) override {
    std::string window_start = db::time_or_empty(c.window_start), next = db::time_or_empty(c.next_allowed_at);
    sql_ << sql::kSaveLoginThrottle, param(c.failures, "failures"), param(window_start, "window_start"),
        param(next, "next"), param(now, "now"), param(key, "key");
  }
  void prune_before(const std::string& before) override { sql_ << sql::kPruneLoginThrottle, param(before, "before"); }

 private:
  soci::session& sql_;
  db::Dialect dialect_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::RefreshTokenRepository, RefreshTokens>();
  registry.add<app::LoginThrottleRepository, LoginThrottle>();
}

}  // namespace cma::store::auth
