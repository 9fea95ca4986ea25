#pragma once
// What every repository needs from SOCI: named binding, row loops, and the one place where a
// database error becomes the app's UniqueViolation.
#include <soci/soci.h>

#include <string>
#include <utility>

#include "app/unit_of_work.hpp"
#include "domain/identity/login_throttle.hpp"
#include "store/db/dialect.hpp"
#include "store/db/query.hpp"

namespace cma::store::db {

using soci::into;

// Binds `value` to the statement's `:name` placeholder. SOCI keeps a reference to the name, so it
// is taken as a std::string made at the call site, which lives until the statement has run.
template <class T>
auto param(T&& value, const std::string& name) {
  return soci::use(std::forward<T>(value), name);
}

// Decided by the database's error code, never by message text: messages are translated with the
// server's lc_messages, and SOCI appends the statement's bound values (user input) to them.
bool is_unique_violation(const soci::soci_error& e);

// Runs `on_row` once per row the statement yields.
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
  } catch (const DatabaseError& e) {
    if (e.unique_violation()) throw app::UniqueViolation(e.what());
    throw;
  }
}

// A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it escaped by '!' (queries say
// ESCAPE '!'), so what the user typed matches itself.
std::string like_contains(const std::string& text);

// Executes and returns the number of rows changed.
long long affected(soci::statement& st);

// Times are stored as fixed-width RFC 3339 text; '' stands for "none".
std::string time_or_empty(domain::Instant t);
domain::Instant instant_or_zero(const std::string& text);

}  // namespace cma::store::db
