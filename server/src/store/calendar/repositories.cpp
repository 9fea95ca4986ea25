#include "store/calendar/repositories.hpp"

#include "app/calendar/ports.hpp"
#include "store/calendar/queries.hpp"

namespace cma::store::calendar {

namespace {

using db::write_guarded;

app::CalendarFeed read_feed(const db::Query& q) {
  app::CalendarFeed f;
  q.read(0, f.id);
  q.read(1, f.centre_id);
  q.read(2, f.user_id);
  q.read(3, f.token_hash);
  q.read(4, f.created_at);
  q.read(5, f.revoked_at);
  return f;
}

class CalendarFeeds final : public app::CalendarFeedRepository {
 public:
  explicit CalendarFeeds(db::Connection& c) : statements_(c.statements) {}

  std::optional<app::CalendarFeed> find_active_by_hash(const app::NetworkScope&,
                                                       const std::string& token_hash) override {
    db::Query q(statements_, sql::kFindFeedByHash);
    q.bind("hash", token_hash);
    if (!q.next()) return std::nullopt;
    return read_feed(q);
  }

  std::optional<app::CalendarFeed> active_for(const app::CentreScope& scope, const std::string& user_id) override {
    db::Query q(statements_, sql::kActiveFeedFor);
    q.bind("centre", scope.centre_id()).bind("user", user_id);
    if (!q.next()) return std::nullopt;
    return read_feed(q);
  }

  void insert(const app::CalendarFeed& f) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertFeed);
      q.bind("id", f.id)
          .bind("centre", f.centre_id)
          .bind("user", f.user_id)
          .bind("hash", f.token_hash)
          .bind("created", f.created_at)
          .run();
    });
  }

  long long revoke_all(const app::CentreScope& scope, const std::string& user_id, const std::string& at) override {
    long long changed = 0;
    write_guarded([&] {
      db::Query q(statements_, sql::kRevokeFeeds);
      changed = q.bind("at", at).bind("centre", scope.centre_id()).bind("user", user_id).run();
    });
    return changed;
  }

 private:
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::CalendarFeedRepository, CalendarFeeds>();
}

}  // namespace cma::store::calendar
