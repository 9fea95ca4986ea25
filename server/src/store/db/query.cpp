#include "store/db/query.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <charconv>

namespace cma::store::db {

namespace lite = sqlite_api;

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Finds the :name placeholders outside quoted text ('…', "…") and casts (::type). `on_name` gets
// each one's offset and name; returns the text with each replaced by what `replacement` says.
template <class F>
std::string rewrite_placeholders(std::string_view sql, F&& replacement) {
  std::string out;
  out.reserve(sql.size() + 16);
  for (std::size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      auto end = sql.find(c, i + 1);
      end = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
      out.append("::");
      i += 2;
    } else if (c == ':' && i + 1 < sql.size() && is_name_char(sql[i + 1])) {
      auto j = i + 1;
      while (j < sql.size() && is_name_char(sql[j])) ++j;
      out.append(replacement(sql.substr(i + 1, j - i - 1)));
      i = j;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

// SQLite copies the bound text (SQLITE_TRANSIENT, which names lite's type unqualified).
const lite::sqlite3_destructor_type kCopy = reinterpret_cast<lite::sqlite3_destructor_type>(-1);

std::string sqlite_error(lite::sqlite3* db) {
  return lite::sqlite3_errmsg(db);
}

}  // namespace

bool DatabaseError::unique_violation() const {
  return code_ == "23505" || code_ == std::to_string(SQLITE_CONSTRAINT_UNIQUE) ||
         code_ == std::to_string(SQLITE_CONSTRAINT_PRIMARYKEY);
}

struct PreparedStatements::Entry {
  lite::sqlite3_stmt* stmt = nullptr;  // SQLite
  std::string name;                    // PostgreSQL: the prepared statement's name
  std::vector<std::string> params;     // PostgreSQL: the placeholder names, $1 first
  bool busy = false;                   // in use by a Query (a statement runs once at a time)
};

PreparedStatements::PreparedStatements(soci::session& session, Dialect dialect) : dialect_(dialect) {
  if (dialect == Dialect::sqlite)
    handle_ = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
  else
    handle_ = static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

PreparedStatements::~PreparedStatements() {
  // SQLite's connection closes only once its statements are finalized; PostgreSQL's prepared
  // statements end with their connection.
  if (dialect_ == Dialect::sqlite)
    for (auto& [sql, e] : entries_) lite::sqlite3_finalize(e->stmt);
}

PreparedStatements::Entry& PreparedStatements::get(std::string_view sql) {
  auto it = entries_.find(sql);
  if (it != entries_.end()) return *it->second;
  auto e = prepare(sql);
  auto& ref = *e;
  entries_.emplace(std::string(sql), std::move(e));
  return ref;
}

std::unique_ptr<PreparedStatements::Entry> PreparedStatements::prepare(std::string_view sql) {
  auto e = std::make_unique<Entry>();
  if (dialect_ == Dialect::sqlite) {
    auto* db = static_cast<lite::sqlite3*>(handle_);
    int rc = lite::sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &e->stmt,
                                      nullptr);
    if (rc != SQLITE_OK) throw DatabaseError(std::to_string(rc), sqlite_error(db));
    return e;
  }
  auto text = rewrite_placeholders(sql, [&](std::string_view name) {
    std::size_t k = 0;
    while (k < e->params.size() && e->params[k] != name) ++k;
    if (k == e->params.size()) e->params.emplace_back(name);
    std::string placeholder(1, '$');
    placeholder.append(std::to_string(k + 1));
    return placeholder;
  });
  e->name.assign("cma_").append(std::to_string(++next_name_));
  auto* conn = static_cast<PGconn*>(handle_);
  PGresult* res = PQprepare(conn, e->name.c_str(), text.c_str(), static_cast<int>(e->params.size()), nullptr);
  bool ok = res != nullptr && PQresultStatus(res) == PGRES_COMMAND_OK;
  std::string code =
      res ? (PQresultErrorField(res, PG_DIAG_SQLSTATE) ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : "") : "08006";
  std::string message = PQerrorMessage(conn);
  PQclear(res);
  if (!ok) throw DatabaseError(code, message);
  return e;
}

namespace {
const char* database_type(Dialect d) {
  return d == Dialect::sqlite ? "SQLite" : "PostgreSQL";
}
}  // namespace

Query::Query(PreparedStatements& statements, std::string_view sql)
    : span_(database_type(statements.dialect()), "remote"), statements_(statements), entry_(statements.get(sql)) {
  span_.set_sql(sql, database_type(statements.dialect()));  // the constant text: parameters are bound apart
  if (entry_.busy) throw std::logic_error("a prepared statement was used while it was still running");
  entry_.busy = true;
  if (statements_.dialect() == Dialect::postgresql) {
    values_.resize(entry_.params.size());
    is_null_.assign(entry_.params.size(), true);
  }
}

Query::~Query() {
  if (statements_.dialect() == Dialect::sqlite) {
    // Reset at once: a statement left mid-way would keep its read snapshot open.
    lite::sqlite3_reset(entry_.stmt);
    lite::sqlite3_clear_bindings(entry_.stmt);
  } else if (result_ != nullptr) {
    PQclear(static_cast<PGresult*>(result_));
  }
  entry_.busy = false;
}

namespace {
[[noreturn]] void no_placeholder(std::string_view name) {
  throw std::logic_error(std::string("no placeholder :").append(name).append(" in the statement"));
}
}  // namespace

int Query::sqlite_index(std::string_view name) const {
  char key[64];
  if (name.size() + 2 > sizeof key) throw std::logic_error("placeholder name too long");
  key[0] = ':';
  name.copy(key + 1, name.size());
  key[name.size() + 1] = '\0';
  int index = lite::sqlite3_bind_parameter_index(entry_.stmt, key);
  if (index == 0) no_placeholder(name);
  return index;
}

Query& Query::bind(std::string_view name, std::string_view text) {
  if (statements_.dialect() == Dialect::sqlite) {
    lite::sqlite3_bind_text(entry_.stmt, sqlite_index(name), text.data(), static_cast<int>(text.size()), kCopy);
    return *this;
  }
  for (std::size_t k = 0; k < entry_.params.size(); ++k) {
    if (entry_.params[k] == name) {
      values_[k].assign(text);
      is_null_[k] = false;
      return *this;
    }
  }
  no_placeholder(name);
}

Query& Query::bind(std::string_view name, long long number) {
  if (statements_.dialect() == Dialect::sqlite) {
    lite::sqlite3_bind_int64(entry_.stmt, sqlite_index(name), number);
    return *this;
  }
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, number);
  return bind(name, std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

void Query::execute() {
  executed_ = true;
  if (statements_.dialect() == Dialect::sqlite) return;  // SQLite runs step by step in next()
  std::vector<const char*> values(values_.size());
  for (std::size_t k = 0; k < values_.size(); ++k) values[k] = is_null_[k] ? nullptr : values_[k].c_str();
  auto* conn = static_cast<PGconn*>(statements_.handle());
  auto* res =
      PQexecPrepared(conn, entry_.name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0);
  result_ = res;
  auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const char* code = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    span_.set_fault();
    throw DatabaseError(code ? code : "08006", PQerrorMessage(conn));
  }
  rows_ = PQntuples(res);
}

bool Query::next() {
  if (!executed_) execute();
  if (statements_.dialect() == Dialect::sqlite) {
    int rc = lite::sqlite3_step(entry_.stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    auto* db = static_cast<lite::sqlite3*>(statements_.handle());
    span_.set_fault();
    throw DatabaseError(std::to_string(lite::sqlite3_extended_errcode(db)), sqlite_error(db));
  }
  return ++row_ < rows_;
}

long long Query::run() {
  if (statements_.dialect() == Dialect::sqlite) {
    while (next()) {
    }
    return lite::sqlite3_changes(static_cast<lite::sqlite3*>(statements_.handle()));
  }
  if (!executed_) execute();
  const char* n = PQcmdTuples(static_cast<PGresult*>(result_));
  long long changed = 0;
  if (n != nullptr) std::from_chars(n, n + std::char_traits<char>::length(n), changed);
  return changed;
}

std::string_view Query::view(int column) const {
  if (statements_.dialect() == Dialect::sqlite) {
    const auto* p = lite::sqlite3_column_text(entry_.stmt, column);
    if (p == nullptr) return {};
    return {reinterpret_cast<const char*>(p),
            static_cast<std::size_t>(lite::sqlite3_column_bytes(entry_.stmt, column))};
  }
  auto* res = static_cast<PGresult*>(result_);
  return {PQgetvalue(res, row_, column), static_cast<std::size_t>(PQgetlength(res, row_, column))};
}

long long Query::integer(int column) const {
  if (statements_.dialect() == Dialect::sqlite) return lite::sqlite3_column_int64(entry_.stmt, column);
  auto v = view(column);
  long long n = 0;
  std::from_chars(v.data(), v.data() + v.size(), n);
  return n;
}

}  // namespace cma::store::db
