#pragma once
// Versioned schema migrations, one file per version (store/migrations/NNNN_name.cpp). Never edit a
// released migration: add one. Ids are UUID text and times fixed-width RFC 3339 UTC text in both
// dialects (docs/adr/0002): the same SQL runs on both, and audit entries hash to the same bytes
// wherever they are read. A version whose text differs by dialect lists both.
#include <vector>

namespace cma::store::migrations {

struct Migration {
  int version;
  const char* name;
  std::vector<const char*> statements;               // both dialects, unless the next is not empty
  std::vector<const char*> postgresql_statements{};  // PostgreSQL's own text, when it differs
};

extern const Migration migration0001;
extern const Migration migration0002;
extern const Migration migration0003;
extern const Migration migration0004;
extern const Migration migration0005;
extern const Migration migration0006;
extern const Migration migration0007;
extern const Migration migration0008;
extern const Migration migration0009;
extern const Migration migration0010;
extern const Migration migration0011;
extern const Migration migration0012;
extern const Migration migration0013;
extern const Migration migration0014;
extern const Migration migration0015;
extern const Migration migration0016;
extern const Migration migration0017;
extern const Migration migration0018;
extern const Migration migration0019;
extern const Migration migration0020;
extern const Migration migration0021;
extern const Migration migration0022;

// In version order.
const std::vector<const Migration*>& all();

}  // namespace cma::store::migrations
