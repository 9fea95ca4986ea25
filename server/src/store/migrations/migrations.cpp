#include "store/migrations/migrations.hpp"

namespace cma::store::migrations {

const std::vector<const Migration*>& all() {
  static const std::vector<const Migration*> list = {
      &migration0001, &migration0002, &migration0003, &migration0004, &migration0005, &migration0006,
      &migration0007, &migration0008, &migration0009, &migration0010, &migration0011, &migration0012,
      &migration0013, &migration0014, &migration0015, &migration0016, &migration0017, &migration0018,
      &migration0019, &migration0020, &migration0021, &migration0022};
  return list;
}

}  // namespace cma::store::migrations
