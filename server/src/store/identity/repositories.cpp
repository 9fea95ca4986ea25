#include "store/identity/repositories.hpp"

#include "app/identity/ports.hpp"
#include "store/identity/queries.hpp"

namespace cma::store::identity {

namespace {

using db::each_row;
using db::into;
using db::param;
using db::write_guarded;

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

// A row of CMA_USER_COLUMNS, in that order, read from a db::Query.
app::User read_user(const db::Query& q) {
  app::User u;
  q.read(0, u.id);
  q.read(1, u.centre_id);
  q.read(2, u.email);
  q.read(3, u.first_name);
  q.read(4, u.last_name);
  u.role = domain::parse_role(q.view(5)).value_or(domain::Role::trainee);
  q.read(6, u.status);
  q.read(7, u.password_hash);
  q.read(8, u.last_login_at);
  q.read(9, u.created_at);
  q.read(10, u.updated_at);
  return u;
}

class Centres final : public app::CentreRepository {
 public:
  explicit Centres(db::Connection& c) : sql_(c.sql), statements_(c.statements) {}
  std::optional<app::Centre> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindCentreInScope : sql::kFindCentre);
    q.bind("id", id);
    if (centre) q.bind("scope", *centre);
    if (!q.next()) return std::nullopt;
    app::Centre r;
    q.read(0, r.id);
    q.read(1, r.name);
    q.read(2, r.code);
    q.read(3, r.address);
    q.read(4, r.contact_email);
    q.read(5, r.contact_phone);
    q.read(6, r.status);
    q.read(7, r.settings);
    q.read(8, r.created_at);
    q.read(9, r.updated_at);
    return r;
  }
  bool code_taken(const std::string& code, const std::string& except_id) override {
    long long n = 0;
    sql_ << sql::kCentreCodeTaken, into(n), param(code, "code"), param(except_id, "id");
    return n > 0;
  }
  void insert(const app::Centre& c) override {
    write_guarded([&] {
      sql_ << sql::kInsertCentre, param(c.id, "id"), param(c.name, "name"), param(c.code, "code"),
          param(c.address, "address"), param(c.contact_email, "email"), param(c.contact_phone, "phone"),
          param(c.status, "status"), param(c.settings, "settings"), param(c.created_at, "created"),
          param(c.updated_at, "updated");
    });
  }
  void update(const app::Centre& c) override {
    write_guarded([&] {
      sql_ << sql::kUpdateCentre, param(c.name, "name"), param(c.code, "code"), param(c.address, "address"),
          param(c.contact_email, "email"), param(c.contact_phone, "phone"), param(c.status, "status"),
          param(c.settings, "settings"), param(c.updated_at, "updated"), param(c.id, "id");
    });
  }
  std::vector<app::Centre> list(const app::Scope& scope, const std::string& after_id, int limit) override {
    std::vector<app::Centre> out;
    app::Centre r;
    if (const auto* centre = app::centre_of(scope)) {
      soci::statement st = (sql_.prepare << sql::kListCentresInScope, CMA_INTO_CENTRE(r), param(after_id, "after"),
                            param(*centre, "scope"), param(limit, "limit"));
      each_row(st, [&] { out.push_back(r); });
    } else {
      soci::statement st =
          (sql_.prepare << sql::kListCentres, CMA_INTO_CENTRE(r), param(after_id, "after"), param(limit, "limit"));
      each_row(st, [&] { out.push_back(r); });
    }
    return out;
  }

 private:
  soci::session& sql_;
  db::PreparedStatements& statements_;
};

class Users final : public app::UserRepository {
 public:
  explicit Users(db::Connection& c) : sql_(c.sql), statements_(c.statements) {}
  std::optional<app::User> find(const app::Scope& scope, const std::string& id) override {
    const auto* centre = app::centre_of(scope);
    db::Query q(statements_, centre ? sql::kFindUserInCentre : sql::kFindUser);
    q.bind("id", id);
    if (centre) q.bind("centre", *centre);
    if (!q.next()) return std::nullopt;
    return read_user(q);
  }
  std::optional<app::User> find_by_email(const std::string& email) override {
    UserRow r;
    sql_ << sql::kFindUserByEmail, CMA_INTO_USER(r), param(email, "email");
    if (!sql_.got_data()) return std::nullopt;
    return r.take();
  }
  // Every authenticated request runs this: a statement prepared once per connection.
  std::optional<app::User> find_active(const std::string& id) override {
    db::Query q(statements_, sql::kFindActiveUser);
    q.bind("id", id);
    if (!q.next()) return std::nullopt;
    return read_user(q);
  }
  void insert(const app::User& u) override {
    std::string role(domain::to_string(u.role));
    write_guarded([&] {
      sql_ << sql::kInsertUser, param(u.id, "id"), param(u.centre_id, "centre"), param(u.email, "email"),
          param(u.first_name, "first"), param(u.last_name, "last"), param(role, "role"), param(u.status, "status"),
          param(u.password_hash, "hash"), param(u.last_login_at, "login"), param(u.created_at, "created"),
          param(u.updated_at, "updated");
    });
  }
  void update(const app::User& u) override {
    std::string role(domain::to_string(u.role));
    write_guarded([&] {
      sql_ << sql::kUpdateUser, param(u.email, "email"), param(u.first_name, "first"), param(u.last_name, "last"),
          param(role, "role"), param(u.status, "status"), param(u.password_hash, "hash"),
          param(u.updated_at, "updated"), param(u.id, "id"), param(u.centre_id, "centre");
    });
  }
  void record_login(const std::string& id, const std::string& at) override {
    sql_ << sql::kRecordLogin, param(at, "at"), param(id, "id");
  }
  std::vector<app::User> list(const app::Scope& scope, const std::string& after_id, int limit) override {
    std::vector<app::User> out;
    UserRow r;
    if (const auto* centre = app::centre_of(scope)) {
      soci::statement st = (sql_.prepare << sql::kListUsersInCentre, CMA_INTO_USER(r), param(*centre, "centre"),
                            param(after_id, "after"), param(limit, "limit"));
      each_row(st, [&] { out.push_back(r.take()); });
    } else {
      soci::statement st =
          (sql_.prepare << sql::kListUsers, CMA_INTO_USER(r), param(after_id, "after"), param(limit, "limit"));
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
  db::PreparedStatements& statements_;
};

}  // namespace

void register_repositories(db::RepositoryRegistry& registry) {
  registry.add<app::CentreRepository, Centres>();
  registry.add<app::UserRepository, Users>();
}

}  // namespace cma::store::identity
