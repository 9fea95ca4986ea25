#include "store/db/sql.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "platform/clock.hpp"

namespace cma::store::db {

bool is_unique_violation(const soci::soci_error& e) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e))
    return pg->sqlstate() == "23505";  // unique_violation
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e))
    // Extended result codes, switched on for every connection by the pool.
    return lite->result() == SQLITE_CONSTRAINT_UNIQUE || lite->result() == SQLITE_CONSTRAINT_PRIMARYKEY;
  return false;
}

std::string like_contains(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '!') out.push_back('!');
    out.push_back(ch);
  }
  out.push_back('%');
  return out;
}

long long affected(soci::statement& st) {
  st.execute(true);
  return st.get_affected_rows();
}

std::string time_or_empty(domain::Instant t) {
  return t == domain::Instant{} ? std::string() : platform::format_time(t);
}

domain::Instant instant_or_zero(const std::string& text) {
  return text.empty() ? domain::Instant{} : platform::parse_time(text).value_or(domain::Instant{});
}

}  // namespace cma::store::db
