// Retention: six years after a case closes its documents' bytes go and, once every case of the
// client has, the client is anonymised. The dry run lists exactly that and changes nothing; the
// daily job applies it, leaves younger cases and clients with an open case alone, and a rerun
// changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "app/cases/ports.hpp"
#include "app/jobs/records.hpp"
#include "jobs/handlers.hpp"
#include "support/test_app.hpp"

namespace cma::testing::retention_itest {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kRetBoundary = "cma-retention-boundary-41";
const std::string kRetPdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

std::string upload_pdf(TestApp& app, const std::string& token, const std::string& case_id) {
  std::string body = std::string("--") + kRetBoundary +
                     "\r\nContent-Disposition: form-data; name=\"documentType\"\r\n\r\nbank_statement\r\n--" +
                     kRetBoundary +
                     "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"statement.pdf\"\r\n"
                     "Content-Type: application/pdf\r\n\r\n" +
                     kRetPdf + "\r\n--" + kRetBoundary + "--\r\n";
  auto r = app.call("POST", "/api/v1/cases/" + case_id + "/documents", token, body,
                    {{"Content-Type", std::string("multipart/form-data; boundary=") + kRetBoundary}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.str("id");
}

struct Person {
  std::string client;
  std::vector<std::string> cases;
  std::vector<std::string> documents;
};

Person person(TestApp& app, const std::string& token, const std::string& last_name, int cases) {
  Person p;
  auto c = app.post("/api/v1/clients",
                    json::object{{"firstName", "Retained"},
                                 {"lastName", last_name},
                                 {"email", "retained@example.org"},
                                 {"niNumber", "AB123456C"},
                                 {"postcode", "M1 1AA"}},
                    token);
  EXPECT_EQ(c.status, 201) << c.body;
  p.client = c.str("id");
  for (int i = 0; i < cases; ++i) {
    auto k = app.post("/api/v1/cases", json::object{{"clientId", p.client}}, token);
    EXPECT_EQ(k.status, 201) << k.body;
    p.cases.push_back(k.str("id"));
    p.documents.push_back(upload_pdf(app, token, p.cases.back()));
  }
  return p;
}

// Closes a case `days` ago, as a case closed then would have been (set in the store directly).
void closed_days_ago(TestApp& app, const std::string& centre, const std::string& case_id, int days) {
  auto scope = *app::Tenancy::centre_within(app::Tenancy::of(app::Principal::operator_command()), centre);
  auto tx = app.db().begin(app::TxMode::write);
  auto& cases = tx->get<app::CaseRepository>();
  auto c = cases.find_for_update(scope, case_id);
  ASSERT_TRUE(c.has_value());
  c->status = "closed";
  c->outcome = "Advice given";
  c->closure_reason = "completed";
  c->closed_at = platform::format_time(app.clock().now() - std::chrono::hours(24) * days);
  cases.update(*c);
  tx->commit();
}

std::size_t objects_under(const std::string& root) {
  std::size_t n = 0;
  if (!fs::exists(root)) return 0;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) ++n;
  return n;
}

std::vector<std::string> ids(const json::value& centre, const char* key) {
  std::vector<std::string> out;
  for (const auto& v : centre.at(key).as_array()) out.emplace_back(v.as_string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

const json::value& centre_of(const HttpResult& report, const std::string& centre) {
  for (const auto& c : report.obj().at("centres").as_array())
    if (c.at("centreId").as_string() == centre) return c;
  throw std::runtime_error("centre not in the report: " + report.body);
}

struct RetentionRunner {
  explicit RetentionRunner(TestApp& app) : ids(app.clock()), deps{app.db(), app.clock(), ids, app.reference()} {
    deps.blobs = &app.blobs();
    jobs::add_builtin_handlers(handlers);
  }
  jobs::JobResult run(bool apply = true) {
    app::Job job;
    job.id = ids.next();
    job.kind = "retention.apply";
    job.unique_key = "retention.apply:today";
    auto handler = apply ? *handlers.find(job.kind) : jobs::retention_apply_handler(false);
    std::atomic<bool> stop{false};
    jobs::JobContext ctx(job, deps, stop);
    return handler(ctx);
  }
  platform::UuidV7Generator ids;
  app::Deps deps;
  jobs::HandlerRegistry handlers;
};

}  // namespace

TEST(Retention, TheDryRunListsExactlyWhatIsPastRetentionAndTheJobAppliesItOnce) {
  TestApp app;
  auto a = app.login(app.advisor_a);
  auto b = app.login(app.advisor_b);
  constexpr int kSevenYears = 7 * 365, kFiveYears = 5 * 365;
  auto old_client = person(app, a, "Oldfield", 1);     // one case closed seven years ago
  auto mixed_client = person(app, a, "Mixley", 2);     // one closed seven years ago, one still open
  auto recent_client = person(app, a, "Recentby", 1);  // closed five years ago
  auto other_centre = person(app, b, "Otherton", 1);   // centre B, seven years ago
  closed_days_ago(app, app.centre_a, old_client.cases[0], kSevenYears);
  closed_days_ago(app, app.centre_a, mixed_client.cases[0], kSevenYears);
  closed_days_ago(app, app.centre_a, recent_client.cases[0], kFiveYears);
  closed_days_ago(app, app.centre_b, other_centre.cases[0], kSevenYears);
  ASSERT_EQ(objects_under(app.blob_root()), 5u);

  auto admin = app.login(app.admin);
  auto report = app.get("/api/v1/admin/retention/report", admin);
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.obj().at("totals").at("clients").as_int64(), 2);
  EXPECT_EQ(report.obj().at("totals").at("documents").as_int64(), 3);
  EXPECT_EQ(report.obj().at("totals").at("cases").as_int64(), 3);
  const auto& in_a = centre_of(report, app.centre_a);
  EXPECT_EQ(ids(in_a, "clientIds"), std::vector<std::string>{old_client.client});
  EXPECT_EQ(ids(in_a, "caseIds"), sorted({old_client.cases[0], mixed_client.cases[0]}));
  EXPECT_EQ(ids(in_a, "documentIds"), sorted({old_client.documents[0], mixed_client.documents[0]}));
  const auto& in_b = centre_of(report, app.centre_b);
  EXPECT_EQ(ids(in_b, "clientIds"), std::vector<std::string>{other_centre.client});
  // A manager sees their own centre only; an adviser not at all.
  auto manager = app.login(app.manager_a);
  auto own = app.get("/api/v1/admin/retention/report", manager);
  ASSERT_EQ(own.status, 200) << own.body;
  ASSERT_EQ(own.obj().at("centres").as_array().size(), 1u);
  EXPECT_EQ(own.obj().at("totals").at("documents").as_int64(), 2);
  EXPECT_EQ(app.get("/api/v1/admin/retention/report?centreId=" + app.centre_b, manager).status, 404);
  EXPECT_EQ(app.get("/api/v1/admin/retention/report", a).status, 403);
  // The dry run changed nothing.
  EXPECT_EQ(objects_under(app.blob_root()), 5u);
  EXPECT_EQ(app.get("/api/v1/clients/" + old_client.client, a).str("lastName"), "Oldfield");

  // Report-only: the job does nothing.
  RetentionRunner runner(app);
  ASSERT_EQ(runner.run(false).status, jobs::JobResult::Status::done);
  EXPECT_EQ(objects_under(app.blob_root()), 5u);

  ASSERT_EQ(runner.run().status, jobs::JobResult::Status::done);
  EXPECT_EQ(objects_under(app.blob_root()), 2u) << "the five-year-old and the open case's documents stay";
  auto anonymised = app.get("/api/v1/clients/" + old_client.client, a);
  ASSERT_EQ(anonymised.status, 200) << anonymised.body;
  EXPECT_EQ(anonymised.str("firstName"), "Anonymised");
  EXPECT_EQ(anonymised.str("lastName"), "Client");
  EXPECT_EQ(anonymised.body.find("retained@example.org"), std::string::npos);
  EXPECT_EQ(anonymised.body.find("AB123456C"), std::string::npos);
  EXPECT_EQ(anonymised.body.find("M1 1AA"), std::string::npos);
  EXPECT_EQ(app.get("/api/v1/clients/" + other_centre.client, b).str("lastName"), "Client");
  EXPECT_EQ(app.get("/api/v1/clients/" + mixed_client.client, a).str("lastName"), "Mixley");
  EXPECT_EQ(app.get("/api/v1/clients/" + recent_client.client, a).str("lastName"), "Recentby");
  EXPECT_EQ(app.get("/api/v1/documents/" + old_client.documents[0], a).status, 404);
  EXPECT_EQ(app.get("/api/v1/documents/" + mixed_client.documents[0], a).status, 404);
  EXPECT_EQ(app.get("/api/v1/documents/" + mixed_client.documents[1], a).status, 200);
  EXPECT_EQ(app.get("/api/v1/documents/" + recent_client.documents[0], a).status, 200);
  // Search no longer finds the anonymised client by their old name.
  auto found = app.get("/api/v1/search?q=Oldfield", a);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.body.find(old_client.client), std::string::npos) << found.body;
  // Audited, without the personal data.
  auto audit = app.get("/api/v1/audit?entityId=" + old_client.client, manager);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("client.anonymise"), std::string::npos) << audit.body;
  auto purge_audit = app.get("/api/v1/audit?entityId=" + old_client.documents[0], manager);
  EXPECT_NE(purge_audit.body.find("document.purge"), std::string::npos) << purge_audit.body;

  // Nothing left to do: the report lists no client or document, and a rerun changes nothing.
  auto after = app.get("/api/v1/admin/retention/report", admin);
  EXPECT_EQ(after.obj().at("totals").at("clients").as_int64(), 0) << after.body;
  EXPECT_EQ(after.obj().at("totals").at("documents").as_int64(), 0) << after.body;
  auto entries_before = app.get("/api/v1/audit?limit=100", manager).obj().at("items").as_array().size();
  ASSERT_EQ(runner.run().status, jobs::JobResult::Status::done);
  EXPECT_EQ(app.get("/api/v1/audit?limit=100", manager).obj().at("items").as_array().size(), entries_before);
  EXPECT_EQ(objects_under(app.blob_root()), 2u);
}

}  // namespace cma::testing::retention_itest
