#pragma once
// Centres and users: every statement by name. Both dialects share them unless a name says otherwise. Parameters
// are bound by name; queries are built only from these constants, never from request text.

namespace cma::store::identity::sql {

#define CMA_CENTRE_COLUMNS \
  "id, name, code, address, contact_email, contact_phone, status, settings, created_at, updated_at"
inline constexpr const char* kFindCentre = "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id = :id";
inline constexpr const char* kFindCentreInScope =
    "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id = :id AND id = :scope";
inline constexpr const char* kCentreCodeTaken = "SELECT COUNT(*) FROM centres WHERE code = :code AND id <> :id";
inline constexpr const char* kInsertCentre =
    "INSERT INTO centres (id, name, code, address, contact_email, contact_phone, status, settings, created_at, "
    "updated_at) VALUES (:id, :name, :code, :address, :email, :phone, :status, :settings, :created, :updated)";
inline constexpr const char* kUpdateCentre =
    "UPDATE centres SET name = :name, code = :code, address = :address, contact_email = :email, "
    "contact_phone = :phone, status = :status, settings = :settings, updated_at = :updated WHERE id = :id";
inline constexpr const char* kListCentres =
    "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kListCentresInScope =
    "SELECT " CMA_CENTRE_COLUMNS " FROM centres WHERE id > :after AND id = :scope ORDER BY id LIMIT :limit";

#define CMA_USER_COLUMNS \
  "id, centre_id, email, first_name, last_name, role, status, password_hash, last_login_at, created_at, updated_at"
inline constexpr const char* kFindUser = "SELECT " CMA_USER_COLUMNS " FROM users WHERE id = :id";
inline constexpr const char* kFindUserInCentre =
    "SELECT " CMA_USER_COLUMNS " FROM users WHERE id = :id AND centre_id = :centre";
// The signed-in user, only while both the account and its centre are active.
inline constexpr const char* kFindActiveUser =
    "SELECT u.id, u.centre_id, u.email, u.first_name, u.last_name, u.role, u.status, u.password_hash, "
    "u.last_login_at, u.created_at, u.updated_at FROM users u JOIN centres c ON c.id = u.centre_id "
    "WHERE u.id = :id AND u.status = 'active' AND c.status = 'active'";
inline constexpr const char* kFindUserByEmail = "SELECT " CMA_USER_COLUMNS " FROM users WHERE email = :email";
inline constexpr const char* kInsertUser =
    "INSERT INTO users (id, centre_id, email, first_name, last_name, role, status, password_hash, last_login_at, "
    "created_at, updated_at) VALUES (:id, :centre, :email, :first, :last, :role, :status, :hash, :login, :created, "
    ":updated)";
inline constexpr const char* kUpdateUser =
    "UPDATE users SET email = :email, first_name = :first, last_name = :last, role = :role, status = :status, "
    "password_hash = :hash, updated_at = :updated WHERE id = :id AND centre_id = :centre";
inline constexpr const char* kRecordLogin = "UPDATE users SET last_login_at = :at WHERE id = :id";
inline constexpr const char* kListUsers =
    "SELECT " CMA_USER_COLUMNS " FROM users WHERE id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kListUsersInCentre =
    "SELECT " CMA_USER_COLUMNS " FROM users WHERE centre_id = :centre AND id > :after ORDER BY id LIMIT :limit";
inline constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";

}  // namespace cma::store::identity::sql
