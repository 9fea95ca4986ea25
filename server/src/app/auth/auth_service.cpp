#include "app/auth/auth_service.hpp"

#include "app/audit/audit_log.hpp"
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

std::string AuthService::start_family_token(Transaction& tx, const User& user, const std::string& family_id) {
  std::string token = platform::base64url_encode(platform::random_bytes(32));
  auto now = deps_.clock.now();
  RefreshToken t;
  t.id = deps_.ids.next();
  t.family_id = family_id.empty() ? t.id : family_id;
  t.user_id = user.id;
  t.token_hash = hash_token(token);
  t.created_at = platform::format_time(now);
  t.expires_at = platform::format_time(now + std::chrono::duration_cast<std::chrono::microseconds>(refresh_ttl_));
  tx.refresh_tokens().insert(t);
  return token;
}

SignIn AuthService::make_sign_in(const User& user, std::string refresh_token) {
  auto now = deps_.clock.now();
  AccessClaims claims{user.id,
                      user.centre_id,
                      user.role,
                      platform::unix_seconds(now),
                      platform::unix_seconds(now) + codec_.ttl().count(),
                      deps_.ids.next()};
  return SignIn{codec_.issue(claims), codec_.ttl().count(), std::move(refresh_token), refresh_ttl_.count(), user};
}

Result<SignIn> AuthService::login(const RequestMeta& meta, const std::string& raw_email, const std::string& password) {
  std::vector<FieldError> errors;
  std::string email = domain::normalize_email(raw_email);
  if (email.empty()) errors.push_back({"email", "is required"});
  if (password.empty()) errors.push_back({"password", "is required"});
  if (!errors.empty()) return Error::invalid(std::move(errors));

  auto now = deps_.clock.now();
  const std::string account_key = "account:" + platform::sha256_hex(email);
  const std::string ip_key = "ip:" + meta.ip;
  const std::string since =
      platform::format_time(now - std::chrono::duration_cast<std::chrono::microseconds>(throttle_.window));

  // Throttle check and user lookup first; the slow password check runs outside any transaction.
  std::optional<User> user;
  int retry_after = 0;
  {
    auto tx = deps_.db.begin(TxMode::read);
    for (const auto& key : {account_key, ip_key}) {
      auto failures = tx->login_throttle().failures_since(key, since);
      if (static_cast<int>(failures.size()) >= throttle_.max_failures) {
        auto oldest = platform::parse_time(failures.front()).value_or(now);
        auto free_at = oldest + std::chrono::duration_cast<std::chrono::microseconds>(throttle_.window);
        retry_after = std::max<int>(retry_after,
                                    static_cast<int>(std::chrono::ceil<std::chrono::seconds>(free_at - now).count()));
      }
    }
    if (retry_after == 0) user = tx->users().find_by_email(email);
  }
  if (retry_after > 0)
    return Error::rate_limited("Too many failed sign-in attempts; try again later.", std::max(1, retry_after));

  bool password_ok = platform::password_verify(user ? user->password_hash : dummy_hash(), password);
  bool ok = user && password_ok && user->status == kActive;
  if (ok) {
    auto tx = deps_.db.begin(TxMode::write);
    auto centre = tx->centres().find(Scope::network(), user->centre_id);
    ok = centre && centre->status == kActive;
    if (ok) {
      tx->login_throttle().clear(account_key);
      tx->users().record_login(user->id, platform::format_time(now));
      std::string refresh = start_family_token(*tx, *user, "");
      append_audit(deps_, *tx, meta, {user->centre_id, user->id, "auth.login", "user", user->id, {}});
      tx->commit();
      user->last_login_at = platform::format_time(now);
      return make_sign_in(*user, std::move(refresh));
    }
  }
  auto tx = deps_.db.begin(TxMode::write);
  tx->login_throttle().record_failure(account_key, platform::format_time(now));
  tx->login_throttle().record_failure(ip_key, platform::format_time(now));
  tx->login_throttle().prune_before(since);
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
  auto stored = tx->refresh_tokens().find_by_hash(hash_token(refresh_token));
  if (!stored) return Error::unauthenticated("The refresh token is not valid.");
  auto user = tx->users().find(Scope::network(), stored->user_id);
  if (!stored->revoked_at.empty()) return Error::unauthenticated("The refresh token is not valid.");
  if (!stored->used_at.empty() || !tx->refresh_tokens().mark_used(stored->id, now_text)) {
    tx->refresh_tokens().revoke_family(stored->family_id, now_text);
    append_audit(deps_, *tx, meta,
                 {user ? user->centre_id : "", stored->user_id, "auth.refresh_reuse", "user", stored->user_id, {}});
    tx->commit();
    return Error::unauthenticated("The refresh token was already used; every session it belongs to is now signed out.");
  }
  auto expires = platform::parse_time(stored->expires_at);
  if (!expires || *expires <= now || !user || !tx->users().find_active(user->id)) {
    tx->commit();  // keeps the token spent
    return Error::unauthenticated("The refresh token is not valid.");
  }
  std::string next = start_family_token(*tx, *user, stored->family_id);
  append_audit(deps_, *tx, meta, {user->centre_id, user->id, "auth.refresh", "user", user->id, {}});
  tx->commit();
  return make_sign_in(*user, std::move(next));
}

Status AuthService::logout(const RequestMeta& meta, const std::string& refresh_token) {
  if (refresh_token.empty() || refresh_token.size() > 200) return ok_status();
  auto tx = deps_.db.begin(TxMode::write);
  auto stored = tx->refresh_tokens().find_by_hash(hash_token(refresh_token));
  if (!stored) return ok_status();
  auto user = tx->users().find(Scope::network(), stored->user_id);
  tx->refresh_tokens().revoke_family(stored->family_id, platform::format_time(deps_.clock.now()));
  append_audit(deps_, *tx, meta,
               {user ? user->centre_id : "", stored->user_id, "auth.logout", "user", stored->user_id, {}});
  tx->commit();
  return ok_status();
}

Result<User> AuthService::authenticate(std::string_view access_token) {
  auto claims = codec_.verify(access_token, deps_.clock.now());
  if (!claims) return Error::unauthenticated("The access token is missing, malformed or expired.");
  auto tx = deps_.db.begin(TxMode::read);
  auto user = tx->users().find_active(claims->user_id);
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
    user = tx->users().find(Scope::centre(actor.principal.centre_id), actor.principal.user_id);
  }
  if (!user) return Error::not_found("No such user.");
  if (!platform::password_verify(user->password_hash, current_password))
    return Error::invalid_field("currentPassword", "is not your current password");
  std::string new_hash = platform::password_hash(new_password);
  auto tx = deps_.db.begin(TxMode::write);
  auto fresh = tx->users().find(Scope::centre(actor.principal.centre_id), actor.principal.user_id);
  if (!fresh) return Error::not_found("No such user.");
  fresh->password_hash = new_hash;
  fresh->updated_at = platform::format_time(deps_.clock.now());
  tx->users().update(*fresh);
  // Other sessions end: whoever knew the old password must sign in again.
  tx->refresh_tokens().revoke_all_for_user(fresh->id, fresh->updated_at);
  ChangeSet changes;
  changes.redacted("password");
  append_audit(deps_, *tx, actor.meta,
               {fresh->centre_id, actor.principal.user_id, "user.password_change", "user", fresh->id, changes});
  tx->commit();
  return ok_status();
}

}  // namespace cma::app
