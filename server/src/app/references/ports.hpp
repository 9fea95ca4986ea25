#pragma once
// Per-centre numbering for references people read out on the phone (clients "MAN-C-00042", cases
// "MAN-2026-00042"): one counter per centre and series, incremented under a row lock, so two
// concurrent requests never get the same number on either database.
#include <string>

#include "app/tenancy.hpp"

namespace cma::app {

class ReferenceCounterRepository {
 public:
  virtual ~ReferenceCounterRepository() = default;
  // The next number of `series` in the scope's centre: 1, 2, 3, … Call inside a write transaction;
  // the number is used up only if that transaction commits.
  virtual long long next(const CentreScope& scope, const std::string& series) = 0;
};

}  // namespace cma::app
