#include "main/cli.hpp"

#include <sys/resource.h>
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include "app/audit/audit_log.hpp"
#include "app/dashboard/dashboard.hpp"
#include "app/identity/centres.hpp"
#include "app/identity/users.hpp"
#include "app/search/search.hpp"
#include "http/api.hpp"
#include "http/server.hpp"
#include "main/demo_data.hpp"
#include "main/job_worker.hpp"
#include "main/observability.hpp"
#include "main/web.hpp"
#include "main/wiring.hpp"
#include "platform/crypto.hpp"
#include "platform/log.hpp"

namespace cma::main {

namespace {

namespace fs = std::filesystem;

// Clients (each with a case, debts and a budget) in a new demo network, spread over its centres.
constexpr int kDemoClients = 40;
using Overrides = std::map<std::string, std::string>;

int config_or_exit(const Overrides& overrides, bool need_secret, platform::Config& config) {
  if (auto err = platform::load_config(platform::process_env(), overrides, need_secret, config)) {
    std::cerr << err->line() << "\n";
    return 2;
  }
  platform::log::init(config.log_level);
  return 0;
}

// Workers that wait keep the cores busy only if there are more of them than cores. PostgreSQL work
// waits on the network. SQLite's writes wait for their batch to reach the disk
// (store/db/group_commit.hpp), and a batch can hold only as many writes as there are workers to
// send them: more write workers, fewer flushes for the same writes.
int default_workers(const platform::Config& c) {
  if (c.db_pool_size > 0) return c.db_pool_size;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<int>(platform::is_sqlite_url(c.database_url) ? std::max(8u, cores * 8) : std::max(4u, cores * 2));
}

// Reads mostly use the CPU (SQLite) or wait briefly on the network (PostgreSQL): two a core.
int default_read_workers(const platform::Config& c) {
  if (c.db_read_workers > 0) return c.db_read_workers;
  return static_cast<int>(std::max(2u, std::thread::hardware_concurrency() * 2));
}

void print_logins(const fs::path& file, const std::string& url) {
  std::ifstream in(file);
  std::stringstream logins;
  if (in) logins << in.rdbuf();
  std::cerr << "\n  CMA Case Management is running at " << url << "\n"
            << "  Health: " << url << "/health   API contract: " << url << "/api/v1/openapi.json\n";
  if (!logins.str().empty()) std::cerr << "\n  Demo logins (also in " << file.string() << "):\n" << logins.str();
  std::cerr << "\n  Press Ctrl-C to stop.\n\n";
}

void save_logins(const fs::path& file, const std::vector<DemoLogin>& logins) {
  auto old = ::umask(077);
  std::ofstream out(file, std::ios::trunc);
  ::umask(old);
  for (const auto& l : logins)
    out << "    " << l.email << "  (" << l.role << ", centre " << l.centre << ")  password: " << l.password << "\n";
}

// Every connection holds a file descriptor, as do the database connections and the listener. If the
// soft limit is below what MAX_CONNECTIONS needs, raise it towards the hard limit; if that is not
// enough, say so, since the server would then run out of descriptors before it reaches the cap.
void ensure_descriptors(int max_connections, int workers) {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
  const rlim_t needed = static_cast<rlim_t>(max_connections) + static_cast<rlim_t>(workers) + 64;
  auto enough = [&] { return lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= needed; };
  if (enough()) return;
  rlimit raised = lim;
  raised.rlim_cur = lim.rlim_max == RLIM_INFINITY ? needed : std::min(needed, lim.rlim_max);
  if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  if (!enough())
    platform::log::warn("server.descriptor_limit",
                        platform::log::Fields()
                            .add("limit", static_cast<std::int64_t>(lim.rlim_cur))
                            .add("needed", static_cast<std::int64_t>(needed))
                            .add("hint", "lower MAX_CONNECTIONS or raise the open-files limit (ulimit -n)"));
}

http::ServerOptions server_options(const platform::Config& config, int workers, int read_workers) {
  http::ServerOptions opt;
  opt.bind = config.bind;
  opt.port = config.port;
  opt.io_threads =
      config.io_threads > 0 ? config.io_threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  opt.workers = workers;
  opt.read_workers = read_workers;
  opt.queue_limit = config.db_queue_limit;
  opt.max_connections = config.max_connections;
  ensure_descriptors(config.max_connections, workers + read_workers);
  opt.max_body_bytes = config.max_body_bytes;
  opt.max_upload_bytes = config.document_max_bytes;
  opt.read_timeout_seconds = config.read_timeout_seconds;
  opt.idle_timeout_seconds = config.idle_timeout_seconds;
  opt.drain_seconds = config.drain_seconds;
  opt.lame_duck_seconds = config.lame_duck_seconds;
  opt.trust_proxy = config.trust_proxy;
  opt.proxy_hops = config.proxy_hops;
  return opt;
}

int web_settings_or_exit(const Overrides& overrides, WebSettings& web) {
  if (auto err = load_web_settings(platform::process_env(), overrides, web)) {
    std::cerr << err->line() << "\n";
    return 2;
  }
  return 0;
}

// Migrations, then the dashboard's counters and the search index of any centre with data from
// before them.
store::MigrationReport prepare_database(Core& core) {
  auto report = core.db->migrate();
  if (int filled = app::fill_missing_dashboard_counters(core.deps()); filled > 0)
    platform::log::info("dashboard.counters_filled", platform::log::Fields().add("centres", filled));
  if (int filled = app::fill_missing_search_index(core.deps()); filled > 0)
    platform::log::info("search.index_filled", platform::log::Fields().add("centres", filled));
  return report;
}

void migrate_and_log(Core& core) {
  auto report = prepare_database(core);
  for (const auto& m : report.applied)
    platform::log::info("db.migration_applied", platform::log::Fields().add("migration", m));
  platform::log::info("db.schema_ready", platform::log::Fields().add("version", report.current_version));
}

int serve(const Overrides& overrides, bool demo) {
  platform::Config config;
  if (int rc = config_or_exit(overrides, true, config)) return rc;
  WebSettings web;
  if (int rc = web_settings_or_exit(overrides, web)) return rc;
  WorkerSettings worker_settings;
  if (auto err = load_worker_settings(platform::process_env(), overrides, worker_settings)) {
    std::cerr << err->line() << "\n";
    return 2;
  }
  const bool inprocess_worker = runs_inprocess_worker(worker_settings, config);
  std::unique_ptr<app::BlobStore> blobs;
  std::unique_ptr<app::ContentSniffer> sniffer;
  try {
    blobs = make_blob_store(config);
    sniffer = make_content_sniffer();
  } catch (const std::exception& e) {
    std::cerr << "configuration error: " << e.what() << "\n";
    return 2;
  }
  platform::log::info("storage.ready", platform::log::Fields().add("store", blobs->describe()));
  // The app beside the API when it has been built; without it the API is served alone, unless
  // WEB_ROOT asked for it explicitly. With presigned uploads its pages may send files to the store.
  if (web.upload_origin.empty()) web.upload_origin = blobs->presign_origin();
  std::string web_error;
  auto site = load_web_app(web, web_error);
  if (!site && web.root_given) {
    std::cerr << "configuration error: WEB_ROOT: " << web_error << "\n";
    return 2;
  }
  if (!site)
    platform::log::warn("web.not_built",
                        platform::log::Fields().add("root", web.root).add("hint", "make run builds it"));
  int workers = default_workers(config);
  int read_workers = default_read_workers(config);
  auto core = make_core(config, workers + read_workers + (inprocess_worker ? worker_settings.concurrency + 1 : 0));
  core->blobs = std::move(blobs);
  core->sniffer = std::move(sniffer);
  if (inprocess_worker) core->extractor = make_text_extractor_or_log();
  migrate_and_log(*core);
  if (demo) {
    fs::path file = fs::path(config.data_dir) / "demo-logins.txt";
    auto created = seed_demo(*core);
    if (!created.empty()) {
      save_logins(file, created);
      auto added = seed_demo_casework(*core, kDemoClients);
      platform::log::info("demo.casework_seeded", platform::log::Fields().add("clients", added.clients));
    }
  }

  Observability observability(config);
  http::Server* server_ptr = nullptr;
  http::Services services{core->deps(), *core->auth, CMA_VERSION,
                          [&server_ptr] { return server_ptr != nullptr && server_ptr->draining(); }};
  services.metrics_token = observability.metrics_token();
  services.metrics_text = [&observability] { return observability.metrics_text(); };
  services.limiter = core->limiter.get();
  services.limits = core->limits;
  services.document_max_bytes = config.document_max_bytes;
  log_rate_limits(*core);
  http::Api api(std::move(services));
  auto opt = server_options(config, workers, read_workers);
  observability.attach(opt);
  http::Server server(api_and_web_app(api, site.get()), opt);
  server_ptr = &server;
  observability.watch(server);
  observability.add_gauge({"cma_db_pool_max_connections", "Database connections this process may open.", "gauge",
                           [n = workers + read_workers] { return static_cast<double>(n); }});
  observability.add_gauge({"cma_db_connections_discarded_total",
                           "Database connections closed after a failure instead of being reused.", "counter",
                           [&core] { return static_cast<double>(core->db->discarded_connections()); }});
  if (core->db->has_replica()) {
    observability.add_gauge({"cma_db_replica_transactions_total", "Reads served by the read replica.", "counter",
                             [&core] { return static_cast<double>(core->db->replica_transactions()); }});
    observability.add_gauge({"cma_db_replica_fallbacks_total",
                             "Reads meant for the replica that went to the primary because it could not be reached.",
                             "counter", [&core] { return static_cast<double>(core->db->replica_fallbacks()); }});
  }
  std::unique_ptr<JobRuntime> job_runtime;
  if (inprocess_worker) job_runtime = std::make_unique<JobRuntime>(*core, config, worker_settings);
  add_job_metrics(observability, *core, job_runtime ? &job_runtime->worker() : nullptr);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "cannot listen on " << config.bind << ":" << config.port << ": " << e.what() << "\n";
    return 1;
  }
  platform::log::info("server.listening",
                      platform::log::Fields()
                          .add("bind", config.bind)
                          .add("port", server.port())
                          .add("version", CMA_VERSION)
                          .add("database", platform::is_sqlite_url(config.database_url) ? "sqlite" : "postgresql")
                          .add("readReplica", core->db->has_replica())
                          .add("workers", workers)
                          .add("readWorkers", read_workers)
                          .add("ioThreads", opt.io_threads)
                          .add("maxConnections", opt.max_connections)
                          .add("jwtSecretFrom", config.jwt_secret_source)
                          .add("metricsEndpoint", !config.metrics_token.empty())
                          .add("emf", config.emf)
                          .add("xray", !config.xray_daemon_address.empty()));
  platform::log::flush();  // at once: with PORT=0 this line is how a supervisor learns the port
  if (demo)
    print_logins(fs::path(config.data_dir) / "demo-logins.txt",
                 "http://" + config.bind + ":" + std::to_string(server.port()));
  observability.start();
  if (job_runtime) job_runtime->worker().start();
  server.run(true);
  // The API has drained; running jobs get the worker's own grace period, the rest go back to the queue.
  int stuck = job_runtime ? job_runtime->stop(worker_settings) : 0;
  observability.stop();
  platform::log::info("server.stopped");
  if (stuck > 0) {
    platform::log::flush();
    std::_Exit(0);
  }
  return 0;
}

// `cma web`: only the built app, for the frontend service behind a load balancer (health check: /).
int web(Overrides overrides) {
  if (overrides.count("PORT") == 0 && !platform::process_env()("PORT").has_value())
    overrides["PORT"] = std::to_string(kDefaultWebPort);
  platform::Config config;
  if (int rc = config_or_exit(overrides, false, config)) return rc;
  WebSettings settings;
  if (int rc = web_settings_or_exit(overrides, settings)) return rc;
  std::string error;
  auto site = load_web_app(settings, error);
  if (!site) {
    std::cerr << "configuration error: WEB_ROOT: " << error << "\n";
    return 2;
  }
  int workers = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  Observability observability(config);
  auto opt = server_options(config, workers, workers);
  observability.attach(opt);
  http::Server server(
      [&site](http::Request& req) {
        req.route = kWebAppRoute;
        return site->serve(req);
      },
      opt);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "cannot listen on " << config.bind << ":" << config.port << ": " << e.what() << "\n";
    return 1;
  }
  platform::log::info("server.listening", platform::log::Fields()
                                              .add("bind", config.bind)
                                              .add("port", server.port())
                                              .add("version", CMA_VERSION)
                                              .add("serves", "web")
                                              .add("emf", config.emf)
                                              .add("xray", !config.xray_daemon_address.empty()));
  platform::log::flush();
  observability.start();
  server.run(true);
  observability.stop();
  platform::log::info("server.stopped");
  return 0;
}

int migrate(const Overrides& overrides) {
  platform::Config config;
  if (int rc = config_or_exit(overrides, false, config)) return rc;
  auto core = make_core(config, 1);
  auto report = prepare_database(*core);
  std::cout << (report.applied.empty() ? "schema is up to date" : "applied:");
  for (const auto& m : report.applied) std::cout << " " << m;
  std::cout << " (version " << report.current_version << ")\n";
  return 0;
}

int seed(const Overrides& overrides, int clients) {
  platform::Config config;
  if (int rc = config_or_exit(overrides, false, config)) return rc;
  auto core = make_core(config, 1);
  prepare_database(*core);
  auto created = seed_demo(*core);
  if (created.empty()) {
    std::cout << "the database already has users; the demo network was not created\n";
  } else {
    std::cout << "demo network created; logins:\n";
    for (const auto& l : created)
      std::cout << "  " << l.email << "  (" << l.role << ", centre " << l.centre << ")  password: " << l.password
                << "\n";
  }
  try {
    auto added = seed_demo_casework(*core, clients);
    std::cout << "added " << added.clients << " clients with " << added.cases << " cases, " << added.debts
              << " debts and " << added.budgets << " budgets\n";
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }
  return 0;
}

struct UserCreateArgs {
  std::string email, first_name, last_name, role, centre_code, centre_name, password_file;
};

int user_create(const Overrides& overrides, const UserCreateArgs& a) {
  platform::Config config;
  if (int rc = config_or_exit(overrides, false, config)) return rc;
  auto core = make_core(config, 1);
  prepare_database(*core);
  auto deps = core->deps();
  auto actor = system_actor("user create");

  std::optional<app::Centre> centre;
  app::PageRequest page;
  page.limit = 100;
  for (;;) {
    auto list = app::list_centres(deps, actor, page);
    for (const auto& c : list->items)
      if (c.code == a.centre_code) centre = c;
    if (centre || list->next_cursor.empty()) break;
    page.after_id = list->items.back().id;
  }
  if (!centre) {
    if (a.centre_name.empty()) {
      std::cerr << "--centre: no centre has the code " << a.centre_code << " (add --centre-name to create it)\n";
      return 1;
    }
    auto created = app::create_centre(deps, actor, app::CentreInput{a.centre_name, a.centre_code, {}, {}, {}, {}, {}});
    if (!created) {
      for (const auto& f : created.error().field_errors) std::cerr << "centre " << f.field << ": " << f.message << "\n";
      if (created.error().field_errors.empty()) std::cerr << created.error().detail << "\n";
      return 1;
    }
    centre = created.value();
  }

  std::string password;
  bool generated = false;
  if (!a.password_file.empty()) {
    std::ifstream in(a.password_file);
    if (!in) {
      std::cerr << "--password-file: cannot read " << a.password_file << "\n";
      return 1;
    }
    std::getline(in, password);
  } else if (const char* env = std::getenv("CMA_USER_PASSWORD"); env != nullptr && *env != '\0') {
    password = env;
  } else {
    password = platform::base64url_encode(platform::random_bytes(15));
    generated = true;
  }
  auto user = app::create_user(deps, actor,
                               app::UserInput{centre->id, a.email, a.first_name, a.last_name, a.role, password, {}});
  if (!user) {
    for (const auto& f : user.error().field_errors) std::cerr << f.field << ": " << f.message << "\n";
    if (user.error().field_errors.empty()) std::cerr << user.error().detail << "\n";
    return 1;
  }
  std::cout << "created user " << user->id << " (" << a.role << ", centre " << centre->code << ")\n";
  if (generated) std::cout << "password: " << password << "\n";
  return 0;
}

int audit_verify(const Overrides& overrides) {
  platform::Config config;
  if (int rc = config_or_exit(overrides, false, config)) return rc;
  auto core = make_core(config, 1);
  auto report = app::verify_audit(*core->db);
  if (report.problems.empty()) {
    std::cout << "audit trail intact: " << report.entries << " entries in " << report.chains << " chains\n";
    return 0;
  }
  std::cout << "audit trail BROKEN: " << report.problems.size() << " of " << report.chains << " chains\n";
  for (const auto& p : report.problems)
    std::cout << "  chain " << (p.chain.empty() ? "network" : p.chain) << ": entry " << p.seq
              << (p.entry_id.empty() ? "" : " (id " + p.entry_id + ")") << ": " << p.reason << "\n";
  return 1;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"cma: case management for debt advice centres"};
  app.set_version_flag("--version", std::string("cma ") + CMA_VERSION);
  app.require_subcommand(1);
  Overrides overrides;

  auto common = [&overrides](CLI::App* cmd) {
    cmd->add_option_function<std::string>(
        "--database-url", [&](const std::string& v) { overrides["DATABASE_URL"] = v; },
        "Database URL (env DATABASE_URL): sqlite:///path or postgresql://…");
    cmd->add_option_function<std::string>(
        "--log-level", [&](const std::string& v) { overrides["LOG_LEVEL"] = v; },
        "debug, info, warn, error or off (env LOG_LEVEL)");
    cmd->add_option_function<std::string>(
        "--data-dir", [&](const std::string& v) { overrides["DATA_DIR"] = v; },
        "Directory for embedded-mode files (env DATA_DIR, default ./var)");
  };

  bool demo = false;
  auto* serve_cmd = app.add_subcommand("serve", "Run the HTTP API (migrates the database first)");
  common(serve_cmd);
  serve_cmd->add_option_function<std::string>(
      "--port", [&](const std::string& v) { overrides["PORT"] = v; },
      "TCP port, 0 for any free one (env PORT, default 5000)");
  serve_cmd->add_option_function<std::string>(
      "--bind", [&](const std::string& v) { overrides["BIND"] = v; },
      "Address to listen on (env BIND, default 127.0.0.1)");
  serve_cmd->add_option_function<std::string>(
      "--drain-seconds", [&](const std::string& v) { overrides["DRAIN_SECONDS"] = v; },
      "Seconds to finish in-flight requests after SIGTERM (env DRAIN_SECONDS, default 20)");
  serve_cmd->add_option_function<std::string>(
      "--lame-duck-seconds", [&](const std::string& v) { overrides["LAME_DUCK_SECONDS"] = v; },
      "Seconds to keep serving with /health failing after SIGTERM, before the drain (env LAME_DUCK_SECONDS, "
      "default 0)");
  serve_cmd->add_option_function<std::string>(
      "--jwt-secret-file", [&](const std::string& v) { overrides["JWT_SECRET_FILE"] = v; },
      "File holding the token signing secret (env JWT_SECRET_FILE)");
  serve_cmd->add_flag("--demo", demo, "Create a demo network on first start and print its logins");
  auto web_root_option = [&overrides](CLI::App* cmd) {
    cmd->add_option_function<std::string>(
        "--web-root", [&](const std::string& v) { overrides["WEB_ROOT"] = v; },
        "Directory of the built web app (env WEB_ROOT, default ./client/dist)");
  };
  web_root_option(serve_cmd);
  serve_cmd->add_option_function<std::string>(
      "--worker", [&](const std::string& v) { overrides["CMA_INPROCESS_WORKER"] = v; },
      "Run background jobs in this process: auto (only on SQLite), true or false (env CMA_INPROCESS_WORKER)");

  auto* worker_cmd = app.add_subcommand("worker", "Run background jobs until SIGTERM (migrates the database first)");
  common(worker_cmd);
  worker_cmd->add_option_function<std::string>(
      "--port", [&](const std::string& v) { overrides["PORT"] = v; },
      "TCP port of its /health (and /metrics), 0 for any free one (env PORT, default 5000)");
  worker_cmd->add_option_function<std::string>(
      "--bind", [&](const std::string& v) { overrides["BIND"] = v; },
      "Address to listen on (env BIND, default 127.0.0.1)");
  worker_cmd->add_option_function<std::string>(
      "--concurrency", [&](const std::string& v) { overrides["WORKER_CONCURRENCY"] = v; },
      "Jobs run at once (env WORKER_CONCURRENCY, default 2)");
  worker_cmd->add_option_function<std::string>(
      "--poll-interval-ms", [&](const std::string& v) { overrides["JOB_POLL_INTERVAL_MS"] = v; },
      "How often an idle worker looks for due jobs (env JOB_POLL_INTERVAL_MS, default 1000)");
  worker_cmd->add_option_function<std::string>(
      "--grace-seconds", [&](const std::string& v) { overrides["WORKER_GRACE_SECONDS"] = v; },
      "Seconds running jobs get to finish after SIGTERM (env WORKER_GRACE_SECONDS, default 20)");

  auto* web_cmd = app.add_subcommand("web", "Serve only the built web app (no database)");
  web_cmd->add_option_function<std::string>(
      "--log-level", [&](const std::string& v) { overrides["LOG_LEVEL"] = v; },
      "debug, info, warn, error or off (env LOG_LEVEL)");
  web_cmd->add_option_function<std::string>(
      "--port", [&](const std::string& v) { overrides["PORT"] = v; },
      "TCP port, 0 for any free one (env PORT, default 3000)");
  web_cmd->add_option_function<std::string>(
      "--bind", [&](const std::string& v) { overrides["BIND"] = v; },
      "Address to listen on (env BIND, default 127.0.0.1)");
  web_root_option(web_cmd);

  auto* migrate_cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  common(migrate_cmd);
  auto* seed_cmd = app.add_subcommand(
      "seed-demo",
      "Create the demo network (two centres, a user per role) in an empty database, then add demo clients");
  common(seed_cmd);
  int seed_clients = kDemoClients;
  seed_cmd->add_option("--clients", seed_clients, "Clients to add, each with a case, debts and a budget")
      ->check(CLI::Range(0, 10000000));

  UserCreateArgs ua;
  auto* user_cmd = app.add_subcommand("user", "Manage user accounts");
  user_cmd->require_subcommand(1);
  auto* user_create_cmd = user_cmd->add_subcommand("create", "Create a user (audited as the system)");
  common(user_create_cmd);
  user_create_cmd->add_option("--email", ua.email, "E-mail address (the login)")->required();
  user_create_cmd->add_option("--first-name", ua.first_name, "First name")->required();
  user_create_cmd->add_option("--last-name", ua.last_name, "Last name")->required();
  user_create_cmd->add_option("--role", ua.role, "admin, manager, advisor or trainee")->required();
  user_create_cmd->add_option("--centre", ua.centre_code, "Code of the user's centre, e.g. MAN")->required();
  user_create_cmd->add_option("--centre-name", ua.centre_name, "Create the centre with this name if the code is new");
  user_create_cmd->add_option(
      "--password-file", ua.password_file,
      "Read the password from this file (else env CMA_USER_PASSWORD, else one is generated and printed)");

  auto* audit_cmd = app.add_subcommand("audit", "Audit trail tools");
  audit_cmd->require_subcommand(1);
  auto* verify_cmd =
      audit_cmd->add_subcommand("verify", "Check every hash chain; exit 1 naming the first broken entry");
  common(verify_cmd);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  int rc = 0;
  try {
    if (serve_cmd->parsed())
      rc = serve(overrides, demo);
    else if (web_cmd->parsed())
      rc = web(overrides);
    else if (worker_cmd->parsed())
      rc = run_worker(overrides);
    else if (migrate_cmd->parsed())
      rc = migrate(overrides);
    else if (seed_cmd->parsed())
      rc = seed(overrides, seed_clients);
    else if (user_create_cmd->parsed())
      rc = user_create(overrides, ua);
    else if (verify_cmd->parsed())
      rc = audit_verify(overrides);
  } catch (const std::exception& e) {
    platform::log::error("cli.failed", platform::log::Fields().add("error", std::string_view(e.what()).substr(0, 200)));
    std::cerr << "cma: " << e.what() << "\n";
    rc = 1;
  }
  platform::log::flush();
  return rc;
}

}  // namespace cma::main
