#include "store/notifications/repositories.hpp"

#include "app/notifications/ports.hpp"
#include "store/notifications/queries.hpp"

namespace cma::store::notifications {

namespace {

using db::write_guarded;

app::Notification read_notification(const db::Query& q) {
  app::Notification n;
  q.read(0, n.id);
  q.read(1, n.centre_id);
  q.read(2, n.user_id);
  q.read(3, n.kind);
  q.read(4, n.title);
  q.read(5, n.body);
  q.read(6, n.appointment_id);
  q.read(7, n.dedupe_key);
  q.read(8, n.emailed_at);
  q.read(9, n.created_at);
  q.read(10, n.read_at);
  return n;
}

class Notifications final : public app::NotificationRepository {
 public:
  explicit Notifications(db::Connection& c) : statements_(c.statements) {}

  std::optional<app::Notification> find_for_user(const app::CentreScope& scope, const std::string& user_id,
                                                 const std::string& id) override {
    db::Query q(statements_, sql::kFindNotificationForUser);
    q.bind("centre", scope.centre_id()).bind("user", user_id).bind("id", id);
    if (!q.next()) return std::nullopt;
    return read_notification(q);
  }

  std::optional<app::Notification> find_by_key(const app::CentreScope& scope, const std::string& key) override {
    db::Query q(statements_, sql::kFindNotificationByKey);
    q.bind("centre", scope.centre_id()).bind("key", key);
    if (!q.next()) return std::nullopt;
    return read_notification(q);
  }

  void insert(const app::Notification& n) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kInsertNotification);
      q.bind("id", n.id)
          .bind("centre", n.centre_id)
          .bind("user", n.user_id)
          .bind("kind", n.kind)
          .bind("title", n.title)
          .bind("body", n.body)
          .bind("appointment", n.appointment_id)
          .bind("key", n.dedupe_key)
          .bind("created", n.created_at)
          .run();
    });
  }

  void mark_read(const app::CentreScope& scope, const std::string& user_id, const std::string& id,
                 const std::string& at) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kMarkNotificationRead);
      q.bind("at", at).bind("centre", scope.centre_id()).bind("user", user_id).bind("id", id).run();
    });
  }

  long long mark_all_read(const app::CentreScope& scope, const std::string& user_id, const std::string& at) override {
    long long changed = 0;
    write_guarded([&] {
      db::Query q(statements_, sql::kMarkAllNotificationsRead);
      changed = q.bind("at", at).bind("centre", scope.centre_id()).bind("user", user_id).run();
    });
    return changed;
  }

  void mark_emailed(const app::CentreScope& scope, const std::string& id, const std::string& at) override {
    write_guarded([&] {
      db::Query q(statements_, sql::kMarkNotificationEmailed);
      q.bind("at", at).bind("centre", scope.centre_id()).bind("id", id).run();
    });
  }

  std::vector<app::Notification> list(const app::CentreScope& scope, const std::string& user_id, bool unread_only,
                                      const app::PageRequest& page) override {
    db::Query q(statements_, sql::kListNotifications);
    q.bind("centre", scope.centre_id())
        .bind("user", user_id)
        .bind("unread", unread_only)
        .bind("after", page.after_id)
        .bind("limit", page.limit);
    std::vector<app::Notification> out;
    while (q.next()) out.push_back(read_notification(q));
    return out;
  }

  long long count_unread(const app::CentreScope& scope, const std::string& user_id) override {
    db::Query q(statements_, sql::kCountUnreadNotifications);
    q.bind("centre", scope.centre_id()).bind("user", user_id);
    return q.next() ? q.integer(0) : 0;
  }

 private:
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::NotificationRepository, Notifications>();
}

}  // namespace cma::store::notifications
