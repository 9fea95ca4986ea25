#include "app/auth/auth_service.hpp"

#include <algorithm>

#include "app/audit/audit_log.hpp"
#include "app/auth/ports.hpp"
#include "app/identity/ports.hpp"
#include "domain/identity/validation.hpp"
#include "platform/crypto.hpp"

namespace cma::app {

namespace {

constexpr const char* kBadCredentials = "The e-mail address or password is not right.";

std::string hash_token(const std::string& token) {
  return platform::sha256_hex(token);
}

// Verifying against this when the account does not exist keeps the two answers equally slow.
const std::string& dummy_hash() {
  static const std::string h = platform::password_hash("not-a-real-password-but-long-enough");
  return h;
}

}  // namespace

std::string AuthService::issue_refresh_token(Transaction& tx, const User& user, const RefreshToken* previous,
                                             std::int64_t& expires_in) {
  std::string token = platform::base64url_encode(platform::random_bytes(32));
  auto now = deps_.clock.now();
  auto family_end = now + std::chrono::duration_cast<std::chrono::microseconds>(sessions_.max_lifetime);
  if (previous != nullptr) {
    const auto& recorded = previous->family_expires_at.empty() ? previous->expires_at : previous->family_expires_at;
    family_end = platform::parse_time(recorded).value_or(now);
  }
  auto expires =
      std::min(now + std::chrono::duration_cast<std::chrono::microseconds>(sessions_.refresh_ttl), family_end);
  RefreshToken t;
  t.id = deps_.ids.next();
  t.family_id = previous != nullptr ? previous->family_id : t.id;
  t.user_id = user.id;
  t.token_hash = hash_token(token);
  t.created_at = platform::format_time(now);
  t.expires_at = platform::format_time(expires);
  t.family_expires_at = platform::format_time(family_end);
  tx.get<RefreshTokenRepository>().insert(t);
  expires_in = std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(expires - now).count());
  return token;
}

SignIn AuthService::make_sign_in(const User& user, std::string refresh_token, std::int64_t refresh_expires_in) {
  auto now = deps_.clock.now();
  AccessClaims claims{user.id,
                      user.centre_id,
                      user.role,
                      platform::unix_seconds(now),
                      platform::unix_seconds(now) + codec_.ttl().count(),
                      deps_.ids.next()};
  return SignIn{codec_.issue(claims), codec_.ttl().count(), std::move(refresh_token), refresh_expires_in, user};
}

namespace {

// The three throttle counters of one sign-in attempt, by key. Keys hold hashes, not addresses or
// e-mail addresses, so the table carries no personal data.
struct ThrottleKeys {
  std::string account_at_address, account, address;

  ThrottleKeys(const std::string& email, const std::string& ip)
      : account_at_address("account-at-address:" + platform::sha256_hex(email + "\n" + ip)),
        account("account:" + platform::sha256_hex(email)),
        address("address:" + platform::sha256_hex(ip)) {}

  // Locks the counters in one global (sorted) order, so concurrent attempts cannot deadlock.
  domain::ThrottleCounters lock(LoginThrottleRepository& repo) const {
    std::vector<const std::string*> order{&account_at_address, &account, &address};
    std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return *a < *b; });
    domain::ThrottleCounters c;
    for (const auto* key : order) {
      auto counter = repo.lock(*key);
      if (key == &account_at_address) c.account_at_address = counter;
      if (key == &account) c.account = counter;
      if (key == &address) c.address = counter;
    }
    return c;
  }

  void save(LoginThrottleRepository& repo, const domain::ThrottleCounters& c, const std::string& now) const {
    repo.save(account_at_address, c.account_at_address, now);
    repo.save(account, c.account, now);
    repo.save(address, c.address, now);
  }
};

// How long a counter can still matter after its last change.
std::chrono::seconds throttle_horizon(const domain::LoginThrottlePolicy& p) {
  return std::max({p.account_at_address.window, p.address.window, p.account.window, p.account.max_delay});
}

}  // namespace

Result<SignIn> AuthService::login(const RequestMeta& meta, const std::string& raw_email, const std::string& password) {
  std::vector<FieldError> errors;
  std::string email = domain::normalize_email(raw_email);
  if (email.empty()) errors.push_back({"email", "is required"});
  if (password.empty()) errors.push_back({"password", "is required"});
  if (!errors.empty()) return Error::invalid(std::move(errors));

  auto now = deps_.clock.now();
  const auto now_text = platform::format_time(now);
  const ThrottleKeys keys(email, meta.ip);

  // The attempt is counted as a failure before the password is checked, under the counters' locks:
  // concurrent attempts see each other, so no more are checked than the limits allow.
  std::optional<User> user;
  {
    auto tx = deps_.db.begin(TxMode::write);
    auto counters = keys.lock(tx->get<LoginThrottleRepository>());
    auto decision = domain::check_attempt(throttle_, counters, now);
    if (!decision.allowed)
      return Error::rate_limited("Too many failed sign-in attempts; try again later.", decision.retry_after_seconds);
    keys.save(tx->get<LoginThrottleRepository>(), domain::count_attempt(throttle_, counters, now), now_text);
    user = tx->get<UserRepository>().find_by_email(email);
    tx->commit();
  }

  // The slow password check runs outside any transaction.
  bool password_ok = platform::password_verify(user ? user->password_hash : dummy_hash(), password);
  if (user && password_ok && user->status == kActive) {
    auto tx = deps_.db.begin(TxMode::write);
    auto centre = tx->get<CentreRepository>().find(Tenancy::for_authentication(), user->centre_id);
    if (centre && centre->status == kActive) {
      auto counters = keys.lock(tx->get<LoginThrottleRepository>());
      keys.save(tx->get<LoginThrottleRepository>(), domain::forgive_attempt(throttle_, counters, now), now_text);
      tx->get<UserRepository>().record_login(user->id, now_text);
      std::int64_t refresh_expires_in = 0;
      std::string refresh = issue_refresh_token(*tx, *user, nullptr, refresh_expires_in);
      append_audit(deps_, *tx, meta, {user->centre_id, user->id, "auth.login", "user", user->id, {}});
      tx->commit();
      user->last_login_at = now_text;
      return make_sign_in(*user, std::move(refresh), refresh_expires_in);
    }
  }
  auto tx = deps_.db.begin(TxMode::write);
  tx->get<LoginThrottleRepository>().prune_before(
      platform::format_time(now - std::chrono::duration_cast<std::chrono::microseconds>(throttle_horizon(throttle_))));
  ChangeSet why;
  why.created("reason", !user ? "unknown_account" : !password_ok ? "wrong_password" : "inactive");
  append_audit(
      deps_, *tx, meta,
      {user ? user->centre_id : "", user ? user->id : "", "auth.login_failed", "user", user ? user->id : "", why});
  tx->commit();
  return Error::unauthenticated(kBadCredentials);
}

Result<SignIn> AuthService::refresh(const RequestMeta& meta, const std::string& refresh_token) {
  if (refresh_token.empty() || refresh_token.size() > 200)
    return Error::unauthenticated("A refresh token is required.");
  auto now = deps_.clock.now();
  auto now_text = platform::format_time(now);
  auto tx = deps_.db.begin(TxMode::write);
  auto stored = tx->get<RefreshTokenRepository>().find_by_hash(hash_token(refresh_token));
  if (!stored) return Error::unauthenticated("The refresh token is not valid.");
  auto user = tx->get<UserRepository>().find(Tenancy::for_authentication(), stored->user_id);
  if (!stored->revoked_at.empty()) return Error::unauthenticated("The refresh token is not valid.");
  if (!stored->used_at.empty() || !tx->get<RefreshTokenRepository>().mark_used(stored->id, now_text)) {
    tx->get<RefreshTokenRepository>().revoke_family(stored->family_id, now_text);
    append_audit(deps_, *tx, meta,
                 {user ? user->centre_id : "", stored->user_id, "auth.refresh_reuse", "user", stored->user_id, {}});
    tx->commit();
    return Error::unauthenticated("The refresh token was already used; every session it belongs to is now signed out.");
  }
  auto expires = platform::parse_time(stored->expires_at);
  auto family_end =
      platform::parse_time(stored->family_expires_at.empty() ? stored->expires_at : stored->family_expires_at);
  if (!expires || *expires <= now || !family_end || *family_end <= now || !user ||
      !tx->get<UserRepository>().find_active(user->id)) {
    tx->commit();  // keeps the token spent
    return Error::unauthenticated("The refresh token is not valid.");
  }
  std::int64_t refresh_expires_in = 0;
  std::string next = issue_refresh_token(*tx, *user, &*stored, refresh_expires_in);
  append_audit(deps_, *tx, meta, {user->centre_id, user->id, "auth.refresh", "user", user->id, {}});
  tx->commit();
  return make_sign_in(*user, std::move(next), refresh_expires_in);
}

Status AuthService::logout(const RequestMeta& meta, const std::string& refresh_token) {
  if (refresh_token.empty() || refresh_token.size() > 200) return ok_status();
  auto tx = deps_.db.begin(TxMode::write);
  auto stored = tx->get<RefreshTokenRepository>().find_by_hash(hash_token(refresh_token));
  if (!stored) return ok_status();
  auto user = tx->get<UserRepository>().find(Tenancy::for_authentication(), stored->user_id);
  tx->get<RefreshTokenRepository>().revoke_family(stored->family_id, platform::format_time(deps_.clock.now()));
  append_audit(deps_, *tx, meta,
               {user ? user->centre_id : "", stored->user_id, "auth.logout", "user", stored->user_id, {}});
  tx->commit();
  return ok_status();
}

Result<User> AuthService::authenticate(std::string_view access_token) {
  auto claims = codec_.verify(access_token, deps_.clock.now());
  if (!claims) return Error::unauthenticated("The access token is missing, malformed or expired.");
  auto tx = deps_.db.begin(TxMode::read);
  auto user = tx->get<UserRepository>().find_active(claims->user_id);
  if (!user) return Error::unauthenticated("The account or its centre is not active.");
  return std::move(*user);
}

Status AuthService::change_password(const Actor& actor, const std::string& current_password,
                                    const std::string& new_password) {
  std::vector<FieldError> errors;
  if (current_password.empty()) errors.push_back({"currentPassword", "is required"});
  if (auto e = domain::check_password(new_password)) errors.push_back({"newPassword", *e});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  std::optional<User> user;
  {
    auto tx = deps_.db.begin(TxMode::read);
    user = tx->get<UserRepository>().find(Tenancy::own_centre(actor.principal), actor.principal.user_id());
  }
  if (!user) return Error::not_found("No such user.");
  if (!platform::password_verify(user->password_hash, current_password))
    return Error::invalid_field("currentPassword", "is not your current password");
  std::string new_hash = platform::password_hash(new_password);
  auto tx = deps_.db.begin(TxMode::write);
  auto fresh = tx->get<UserRepository>().find(Tenancy::own_centre(actor.principal), actor.principal.user_id());
  if (!fresh) return Error::not_found("No such user.");
  fresh->password_hash = new_hash;
  fresh->updated_at = platform::format_time(deps_.clock.now());
  tx->get<UserRepository>().update(*fresh);
  // Other sessions end: whoever knew the old password must sign in again.
  tx->get<RefreshTokenRepository>().revoke_all_for_user(fresh->id, fresh->updated_at);
  ChangeSet changes;
  changes.redacted("password");
  append_audit(deps_, *tx, actor.meta,
               {fresh->centre_id, actor.principal.user_id(), "user.password_change", "user", fresh->id, changes});
  tx->commit();
  return ok_status();
}

}  // namespace cma::app
