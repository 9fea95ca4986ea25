// The contract test: every route the router registers is documented in api/openapi.yaml (as embedded
// at build time), and every documented operation is served. Builds the real Api; touches no network
// and never opens the temporary database.
#include <gtest/gtest.h>
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/auth/access_token.hpp"
#include "app/auth/auth_service.hpp"
#include "app/context.hpp"
#include "http/api.hpp"
#include "platform/clock.hpp"
#include "platform/ids.hpp"
#include "refdata/reference_data.hpp"
#include "store/database.hpp"

namespace cma::http {
namespace {

namespace json = boost::json;
using Operation = std::pair<std::string, std::string>;  // (METHOD, path template)

const std::set<std::string>& http_methods() {
  static const std::set<std::string> m{"get", "put", "post", "delete", "options", "head", "patch", "trace"};
  return m;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string describe(const std::set<Operation>& ops) {
  std::ostringstream out;
  for (const auto& [method, path] : ops) out << "\n  " << method << ' ' << path;
  return out.str();
}

json::object parse_spec() {
  boost::system::error_code ec;
  json::value v = json::parse(kOpenApiJson, ec);
  if (ec || !v.is_object()) {
    ADD_FAILURE() << "kOpenApiJson is not a JSON object: " << ec.message();
    return {};
  }
  return std::move(v.as_object());
}

// Calls `f(method, path, operation)` for every operation under `paths`.
template <class F>
void for_each_operation(const json::object& spec, F f) {
  const auto* paths = spec.if_contains("paths");
  if (paths == nullptr || !paths->is_object()) return;
  for (const auto& path_item : paths->as_object()) {
    if (!path_item.value().is_object()) continue;
    for (const auto& entry : path_item.value().as_object()) {
      std::string key(entry.key());
      if (http_methods().count(key) == 0) continue;  // parameters, summary, description, servers
      f(upper(key), std::string(path_item.key()), entry.value());
    }
  }
}

class OpenApiContract : public ::testing::Test {
 protected:
  void SetUp() override {
    auto base = (std::filesystem::temp_directory_path() / "cma-openapi-XXXXXX").string();
    std::vector<char> tmpl(base.begin(), base.end());
    tmpl.push_back('\0');
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr) << "mkdtemp failed";
    dir_ = tmpl.data();
    // dir_ is absolute, so this is sqlite://// + the path without its leading slash.
    db_ = std::make_unique<store::SociDatabase>("sqlite:///" + (dir_ / "contract.db").string(), 1);
    auth_ = std::make_unique<app::AuthService>(
        app::Deps{*db_, clock_, ids_, *reference_},
        app::AccessTokenCodec("contract-test-secret-0123456789abcdef", std::chrono::minutes(15)), app::SessionPolicy{});
    api_ = std::make_unique<Api>(Services{app::Deps{*db_, clock_, ids_, *reference_}, *auth_, "test", {}});
  }

  void TearDown() override {
    api_.reset();
    auth_.reset();
    db_.reset();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

  std::filesystem::path dir_;
  platform::ManualClock clock_{platform::TimePoint(std::chrono::seconds(1'767'225'600))};  // 2026-01-01
  platform::UuidV7Generator ids_{clock_};
  std::unique_ptr<store::SociDatabase> db_;
  std::unique_ptr<app::ReferenceData> reference_ = refdata::load_reference_data("");
  std::unique_ptr<app::AuthService> auth_;
  std::unique_ptr<Api> api_;
};

TEST_F(OpenApiContract, EveryRouteIsDocumentedAndEveryOperationIsServed) {
  std::set<Operation> served;
  for (const auto& [method, path] : api_->router().routes()) {
    EXPECT_TRUE(served.emplace(upper(method), path).second)
        << "the router registers " << method << ' ' << path << " twice";
  }
  ASSERT_FALSE(served.empty()) << "the router registers no routes";

  auto spec = parse_spec();
  std::set<Operation> documented;
  for_each_operation(spec, [&](const std::string& method, const std::string& path, const json::value&) {
    documented.emplace(method, path);
  });

  std::set<Operation> undocumented, unserved;
  std::set_difference(served.begin(), served.end(), documented.begin(), documented.end(),
                      std::inserter(undocumented, undocumented.end()));
  std::set_difference(documented.begin(), documented.end(), served.begin(), served.end(),
                      std::inserter(unserved, unserved.end()));
  EXPECT_TRUE(undocumented.empty()) << "routes the router serves but api/openapi.yaml does not describe:"
                                    << describe(undocumented);
  EXPECT_TRUE(unserved.empty()) << "operations api/openapi.yaml describes but the router does not serve:"
                                << describe(unserved);
}

TEST_F(OpenApiContract, EveryOperationHasAnOperationIdAndResponses) {
  auto spec = parse_spec();
  std::set<std::string> ids;
  int operations = 0;
  for_each_operation(spec, [&](const std::string& method, const std::string& path, const json::value& op) {
    ++operations;
    SCOPED_TRACE(method + " " + path);
    ASSERT_TRUE(op.is_object()) << "the operation is not an object";
    const auto& o = op.as_object();
    const auto* id = o.if_contains("operationId");
    ASSERT_TRUE(id != nullptr && id->is_string() && !id->as_string().empty()) << "no operationId";
    EXPECT_TRUE(ids.insert(std::string(id->as_string())).second) << "operationId " << id->as_string() << " repeats";
    const auto* responses = o.if_contains("responses");
    ASSERT_TRUE(responses != nullptr && responses->is_object()) << "no responses object";
    EXPECT_FALSE(responses->as_object().empty()) << "the responses object is empty";
  });
  EXPECT_GT(operations, 0) << "the spec has no operations";
}

TEST(OpenApiDocument, HasAVersion) {
  auto spec = parse_spec();
  const auto* info = spec.if_contains("info");
  ASSERT_TRUE(info != nullptr && info->is_object()) << "no info object";
  const auto* version = info->as_object().if_contains("version");
  ASSERT_TRUE(version != nullptr && version->is_string()) << "info.version is missing or not a string";
  EXPECT_FALSE(version->as_string().empty()) << "info.version is empty";
  const auto* openapi = spec.if_contains("openapi");
  ASSERT_TRUE(openapi != nullptr && openapi->is_string());
  EXPECT_EQ(std::string(openapi->as_string()).rfind("3.1.", 0), 0u) << "openapi is " << openapi->as_string();
}

}  // namespace
}  // namespace cma::http
