#pragma once
// Shared by every module: where a request comes from, keyset pages, and the status words.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/tenancy.hpp"
#include "domain/identity/role.hpp"

namespace cma::app {

inline constexpr const char* kActive = "active";
inline constexpr const char* kInactive = "inactive";

// Where a request comes from; recorded in audit entries.
struct RequestMeta {
  std::string request_id;
  std::string ip;
  std::string user_agent;
};

struct PageRequest {
  int limit = 50;
  std::string after_id;  // keyset: rows strictly after (or, for newest-first lists, before) this id
};

template <class T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  // "" on the last page
};

}  // namespace cma::app
