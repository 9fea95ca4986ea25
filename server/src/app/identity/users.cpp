#include "app/identity/users.hpp"

#include "app/audit/audit_log.hpp"
#include "app/auth/ports.hpp"
#include "app/authorization.hpp"
#include "app/identity/ports.hpp"
#include "app/lookup.hpp"
#include "app/paging.hpp"
#include "domain/identity/validation.hpp"
#include "platform/crypto.hpp"
#include "platform/ids.hpp"

namespace cma::app {

namespace {

constexpr const char* kNoSuchUser = "No such user.";
constexpr const char* kEmailTaken = "That e-mail address is already used by another account.";

void validate(const UserInput& in, bool creating, std::vector<FieldError>& errors) {
  errors.insert(errors.end(), in.shape_errors.begin(), in.shape_errors.end());
  auto text = [&](const char* field, const std::optional<std::string>& v) {
    if (!v) {
      if (creating) errors.push_back({field, "is required"});
    } else if (auto e = domain::check_text(*v, 100)) {
      errors.push_back({field, *e});
    }
  };
  if (in.email) {
    if (auto e = domain::check_email(domain::normalize_email(*in.email))) errors.push_back({"email", *e});
  } else if (creating) {
    errors.push_back({"email", "is required"});
  }
  text("firstName", in.first_name);
  text("lastName", in.last_name);
  if (in.role) {
    if (!domain::parse_role(*in.role)) errors.push_back({"role", "must be one of admin, manager, advisor, trainee"});
  } else if (creating) {
    errors.push_back({"role", "is required"});
  }
  if (in.password) {
    if (auto e = domain::check_password(*in.password)) errors.push_back({"password", *e});
  } else if (creating) {
    errors.push_back({"password", "is required"});
  }
}

ChangeSet diff(const User& before, const User& after) {
  ChangeSet cs = before.id.empty() ? ChangeSet::for_creation() : ChangeSet();
  cs.set("centreId", before.centre_id, after.centre_id)
      .set("email", before.email, after.email)
      .set("firstName", before.first_name, after.first_name)
      .set("lastName", before.last_name, after.last_name)
      .set("role", std::string(domain::to_string(before.role)), std::string(domain::to_string(after.role)))
      .set("status", before.status, after.status);
  if (before.password_hash != after.password_hash && !before.id.empty()) cs.redacted("password");
  return cs;
}

Result<User> set_status(const Deps& deps, const Actor& actor, const std::string& id, const char* status,
                        const char* action) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_deactivate))
    return refuse(deps, actor, *refused, action, "user", id);
  auto tx = deps.db.begin(TxMode::write);
  auto before = find_in_scope(tx->get<UserRepository>(), Tenancy::of(actor.principal), id, kNoSuchUser);
  if (!before) return before.error();
  if (auto refused = authorize_managing(actor.principal, before->role)) {
    auto denied = refuse(deps, *tx, actor, *refused, action, "user", id);
    tx->commit();  // holds nothing but the refusal
    return denied;
  }
  if (id == actor.principal.user_id()) return Error::precondition("You cannot change the status of your own account.");
  if (before->status == status) return *before;
  User after = *before;
  after.status = status;
  after.updated_at = platform::format_time(deps.clock.now());
  tx->get<UserRepository>().update(after);
  if (after.status == kInactive) tx->get<RefreshTokenRepository>().revoke_all_for_user(id, after.updated_at);
  append_audit(deps, *tx, actor.meta,
               {after.centre_id, actor.principal.user_id(), action, "user", id, diff(*before, after)});
  tx->commit();
  return after;
}

}  // namespace

Result<User> create_user(const Deps& deps, const Actor& actor, const UserInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_create))
    return refuse(deps, actor, *refused, "user.create", "user");
  std::vector<FieldError> errors;
  validate(in, true, errors);
  std::string centre_id = in.centre_id.value_or(
      domain::is_network_wide(actor.principal.role()) ? std::string() : actor.principal.centre_id());
  if (centre_id.empty()) errors.push_back({"centreId", "is required"});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto role = *domain::parse_role(*in.role);
  if (auto refused = authorize_managing(actor.principal, role))
    return refuse(deps, actor, *refused, "user.create", "user");

  User u;
  u.centre_id = centre_id;
  u.email = domain::normalize_email(*in.email);
  u.first_name = domain::trim(*in.first_name);
  u.last_name = domain::trim(*in.last_name);
  u.role = role;
  u.password_hash = platform::password_hash(*in.password);  // slow: before the transaction opens
  u.id = deps.ids.next();
  u.created_at = u.updated_at = platform::format_time(deps.clock.now());

  auto tx = deps.db.begin(TxMode::write);
  auto centre = find_in_scope(tx->get<CentreRepository>(), Tenancy::of(actor.principal), centre_id, "");
  if (!centre) return Error::invalid_field("centreId", "is not a centre you can add users to");
  if (centre->status != kActive) return Error::invalid_field("centreId", "is a deactivated centre");
  if (tx->get<UserRepository>().find_by_email(u.email)) return Error::conflict(kEmailTaken);
  try {
    tx->get<UserRepository>().insert(u);
  } catch (const UniqueViolation&) {
    return Error::conflict(kEmailTaken);
  }
  append_audit(deps, *tx, actor.meta,
               {u.centre_id, actor.principal.user_id(), "user.create", "user", u.id, diff(User{}, u)});
  tx->commit();
  return u;
}

Result<Page<User>> list_users(const Deps& deps, const Actor& actor, const std::string& centre_filter,
                              const PageRequest& page) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_read))
    return refuse(deps, actor, *refused, "user.list", "user");
  Scope scope = Tenancy::of(actor.principal);
  if (!centre_filter.empty()) {
    auto centre = Tenancy::centre_within(scope, centre_filter);
    if (!centre) return Page<User>{};  // nothing of theirs there
    scope = *centre;
  }
  auto tx = deps.db.begin(TxMode::read);
  auto rows = tx->get<UserRepository>().list(scope, page.after_id, page.limit + 1);
  return make_page(std::move(rows), page.limit, [](const User& u) { return u.id; });
}

Result<User> get_user(const Deps& deps, const Actor& actor, const std::string& id) {
  if (id != actor.principal.user_id()) {
    if (auto refused = authorize(actor.principal, domain::Permission::users_read))
      return refuse(deps, actor, *refused, "user.read", "user", id);
  }
  auto tx = deps.db.begin(TxMode::read);
  return find_in_scope(tx->get<UserRepository>(), Tenancy::of(actor.principal), id, kNoSuchUser);
}

Result<User> update_user(const Deps& deps, const Actor& actor, const std::string& id, const UserInput& in) {
  if (auto refused = authorize(actor.principal, domain::Permission::users_update))
    return refuse(deps, actor, *refused, "user.update", "user", id);
  std::vector<FieldError> errors;
  validate(in, false, errors);
  if (in.password) errors.push_back({"password", "cannot be set here; use POST /api/v1/me/password"});
  if (in.centre_id) errors.push_back({"centreId", "cannot be changed"});
  auto tx = deps.db.begin(TxMode::write);
  auto before = find_in_scope(tx->get<UserRepository>(), Tenancy::of(actor.principal), id, kNoSuchUser);
  if (!before) return before.error();
  if (!errors.empty()) return Error::invalid(std::move(errors));
  auto new_role = in.role ? *domain::parse_role(*in.role) : before->role;
  auto refused = authorize_managing(actor.principal, before->role);
  if (!refused) refused = authorize_managing(actor.principal, new_role);
  if (refused) {
    auto denied = refuse(deps, *tx, actor, *refused, "user.update", "user", id);
    tx->commit();  // holds nothing but the refusal
    return denied;
  }
  User after = *before;
  if (in.email) after.email = domain::normalize_email(*in.email);
  if (in.first_name) after.first_name = domain::trim(*in.first_name);
  if (in.last_name) after.last_name = domain::trim(*in.last_name);
  after.role = new_role;
  auto changes = diff(*before, after);
  if (changes.empty()) return after;
  if (after.email != before->email && tx->get<UserRepository>().find_by_email(after.email))
    return Error::conflict(kEmailTaken);
  after.updated_at = platform::format_time(deps.clock.now());
  try {
    tx->get<UserRepository>().update(after);
  } catch (const UniqueViolation&) {
    return Error::conflict(kEmailTaken);
  }
  append_audit(deps, *tx, actor.meta, {after.centre_id, actor.principal.user_id(), "user.update", "user", id, changes});
  tx->commit();
  return after;
}

Result<User> deactivate_user(const Deps& deps, const Actor& actor, const std::string& id) {
  return set_status(deps, actor, id, kInactive, "user.deactivate");
}

Result<User> reactivate_user(const Deps& deps, const Actor& actor, const std::string& id) {
  return set_status(deps, actor, id, kActive, "user.reactivate");
}

}  // namespace cma::app
