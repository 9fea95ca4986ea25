#pragma once
// Realistic demo casework: clients with households and contact details, a case each, debts of
// every type, budgets in the SFS layout, some cases moved along and some offers saved. Written
// through the same use cases the API runs (so it is validated and audited like any other data),
// spread over every active centre. Deterministic for a given seed.
#include <cstdint>

#include "main/wiring.hpp"

namespace cma::main {

struct DemoCaseworkReport {
  int clients = 0;
  int cases = 0;
  int debts = 0;
  int budgets = 0;
};

DemoCaseworkReport seed_demo_casework(Core& core, int clients, std::uint32_t seed = 20261130);

}  // namespace cma::main
