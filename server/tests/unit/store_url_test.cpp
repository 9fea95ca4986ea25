#include <gtest/gtest.h>

#include "store/database.hpp"

namespace cma::store {

TEST(PostgresUrl, BecomesKeyValueConninfo) {
  EXPECT_EQ(postgres_conninfo("postgresql://postgres@127.0.0.1:5432/cma"),
            "user='postgres' host='127.0.0.1' port='5432' dbname='cma'");
  EXPECT_EQ(postgres_conninfo("postgres://app:p%40ss'w@db.internal/cma_prod?sslmode=require"),
            "user='app' password='p@ss\\'w' host='db.internal' dbname='cma_prod' sslmode='require'");
  EXPECT_EQ(postgres_conninfo("postgresql://[::1]:6543/x"), "host='::1' port='6543' dbname='x'");
  EXPECT_EQ(postgres_conninfo("postgresql://localhost"), "host='localhost'");
}

}  // namespace cma::store
