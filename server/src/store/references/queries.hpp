#pragma once
// Per-centre reference counters.

namespace cma::store::references::sql {

// One statement takes the row lock, increments and returns the number, on both databases.
inline constexpr const char* kNextReference =
    "INSERT INTO reference_counters (centre_id, series, last_value) VALUES (:centre, :series, 1) "
    "ON CONFLICT (centre_id, series) DO UPDATE SET last_value = reference_counters.last_value + 1 "
    "RETURNING last_value";

}  // namespace cma::store::references::sql
