#pragma once
// The statements a request runs most, prepared once per pooled connection and run straight on the
// database's own API: SQLite's sqlite3_stmt, PostgreSQL's named prepared statements (one round trip
// per execution instead of prepare, execute and deallocate). They run on the same connection, and so
// inside the same transaction, as the SOCI statements around them.
//
// The SQL is the store's own constant text with :name placeholders, as SOCI takes it; a name may
// appear more than once. Columns are read by position, in the order the SELECT lists them; NULL reads
// as "" or 0.
#include <soci/soci.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "platform/xray.hpp"
#include "store/db/dialect.hpp"

namespace cma::store::db {

// A failure reported by the database for a native statement; `code` is SQLite's extended result
// code as text, or PostgreSQL's SQLSTATE.
class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(std::string code, const std::string& what) : std::runtime_error(what), code_(std::move(code)) {}
  const std::string& code() const { return code_; }
  bool unique_violation() const;

 private:
  std::string code_;
};

// One connection's prepared statements, by SQL text. Lives and dies with its connection.
class PreparedStatements {
 public:
  PreparedStatements(soci::session& session, Dialect dialect);
  ~PreparedStatements();
  PreparedStatements(const PreparedStatements&) = delete;
  PreparedStatements& operator=(const PreparedStatements&) = delete;

  struct Entry;
  Entry& get(std::string_view sql);
  Dialect dialect() const { return dialect_; }
  void* handle() const { return handle_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unique_ptr<Entry> prepare(std::string_view sql);

  Dialect dialect_;
  void* handle_;  // sqlite3* or PGconn*
  int next_name_ = 0;
  std::unordered_map<std::string, std::unique_ptr<Entry>, Hash, std::equal_to<>> entries_;
};

class Query {
 public:
  Query(PreparedStatements& statements, std::string_view sql);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(std::string_view name, std::string_view text);
  Query& bind(std::string_view name, const std::string& text) { return bind(name, std::string_view(text)); }
  Query& bind(std::string_view name, const char* text) { return bind(name, std::string_view(text)); }
  Query& bind(std::string_view name, long long number);
  Query& bind(std::string_view name, int number) { return bind(name, static_cast<long long>(number)); }
  Query& bind(std::string_view name, bool flag) { return bind(name, flag ? 1LL : 0LL); }

  // Executes on first call; then moves to the next row. False when there are no more.
  bool next();
  // Executes a statement that returns no rows; the number of rows it changed.
  long long run();

  std::string_view view(int column) const;
  std::string text(int column) const { return std::string(view(column)); }
  void read(int column, std::string& out) const { out.assign(view(column)); }
  long long integer(int column) const;
  bool flag(int column) const { return integer(column) != 0; }

 private:
  void execute();
  int sqlite_index(std::string_view name) const;  // the :name placeholder's position, or throws
  // An X-Ray subsegment (when the request is traced) from preparing to finishing with the
  // statement; first, so it spans the others' construction and destruction.
  platform::xray::Span span_;
  PreparedStatements& statements_;
  PreparedStatements::Entry& entry_;
  std::vector<std::string> values_;  // PostgreSQL: the parameters as text, by position
  std::vector<bool> is_null_;
  void* result_ = nullptr;  // PostgreSQL: the PGresult
  int row_ = -1, rows_ = 0;
  bool executed_ = false;
};

}  // namespace cma::store::db
