#pragma once

namespace cma::store::db {

enum class Dialect { sqlite, postgresql };

}  // namespace cma::store::db
