#!/usr/bin/env node
// The deployed topology as processes on 127.0.0.1 (docs/deploy.md, "A production-like cluster
// here"): PostgreSQL, Redis, S3 (s3rver behind a Signature V4 check), a one-off `cma migrate` and
// `cma seed-demo`, two `cma serve`, two `cma worker`, one `cma web`, and HAProxy doing the load
// balancer's job. Every process runs in its own process group with its log under WORK/logs;
// stop() (or Ctrl-C / SIGTERM when run as a command) stops every one of them.
//
//   node deploy/cluster/cluster.mjs [--work-dir var/cluster] [--binary build/release/bin/cma]
//                                   [--web-root client/dist] [--port 8080]
//   node deploy/cluster/cluster.mjs --stop [--work-dir var/cluster]   what a killed run left behind
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MARKER = ".cma-cluster";
export const BUCKET = "cma-documents";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// GET on 127.0.0.1: resolves {status, body}; rejects on a connection error or after timeoutMs.
export function httpGet(port, urlPath, { timeoutMs = 2000, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
  });
}

function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// Whether a process runs (an exited one not yet reaped by its parent does not).
export function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== "EPERM") return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;  // no /proc
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

function pgBin(name) {
  for (const dir of fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort().reverse() : []) {
    const p = path.join("/usr/lib/postgresql", dir, "bin", name);
    if (fs.existsSync(p)) return p;
  }
  return name;  // from PATH
}

function need(cmd, pkg) {
  const found = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  if (found.status !== 0) throw new Error(`${cmd} is not installed: run scripts/bootstrap (Debian package ${pkg})`);
  return found.stdout.trim();
}

export function haproxyConfig({ port, apis, web, socket }) {
  return `# Written by deploy/cluster/cluster.mjs: the Application Load Balancer's job on 127.0.0.1.
global
  log stdout format raw local0 info
  stats socket ${socket} mode 600 level admin
  maxconn 2000

defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout http-request 10s
  timeout http-keep-alive 10s
  # A request whose connection to a target failed is sent again, to the other target (redispatch):
  # nothing reached the target, so that is safe for any method. A request sent on a connection that
  # then closed without an answer is resent only if it is a read (GET/HEAD), below.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response response-timeout

frontend alb
  bind 127.0.0.1:${port}
  # As the ALB's listener rule: /api/* and the calendar feeds to the API, the rest to the web app.
  acl to_api path_beg /api/ /ical/
  use_backend api if to_api
  default_backend web

backend api
  balance roundrobin
  http-request disable-l7-retry unless METH_GET || METH_HEAD
  # A draining API closes its idle connections, and a request sent on one as it closes could not
  # be retried safely were it a write; so no connection to the API is kept idle: each request opens
  # its own (cheap on one machine), and one refused by a draining API goes to the other.
  option http-server-close
  # As the ALB's target group: /health must answer 200. A stopping API answers 503 for its lame-duck
  # seconds and is out after two failed checks (under a second); one slow answer on a busy machine
  # (up to 2 s) is not a failure, so the other API is not taken out with it.
  option httpchk
  timeout check 2s
  http-check send meth GET uri /health
  http-check expect status 200
  default-server check inter 500ms fastinter 250ms downinter 1s fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down
${apis.map((p, i) => `  server api-${i + 1} 127.0.0.1:${p}`).join("\n")}

backend web
  balance roundrobin
  option httpchk
  http-check send meth GET uri /
  http-check expect status 200
  default-server check inter 2s fall 2 rise 1
  server web-1 127.0.0.1:${web}
`;
}

// Starts the cluster. Resolves to an object with url, logins, processes and stop(); on any
// failure everything started so far is stopped and the error names the process and its log.
export async function startCluster(options = {}) {
  const workDir = path.resolve(REPO, options.workDir ?? "var/cluster");
  const binary = path.resolve(REPO, options.binary ?? process.env.CMA_BINARY ?? "build/release/bin/cma");
  const webRoot = path.resolve(REPO, options.webRoot ?? "client/dist");
  const log = options.log ?? ((line) => console.log(line));
  const asRoot = process.getuid?.() === 0;

  if (!fs.existsSync(binary)) throw new Error(`no cma binary at ${binary}: build it first (make build)`);
  if (!fs.existsSync(path.join(webRoot, "index.html"))) throw new Error(`no built web app at ${webRoot}: run make web`);
  if (!fs.existsSync(path.join(REPO, "server/tests/s3/node_modules/s3rver")))
    throw new Error("s3rver is not installed: run npm ci in server/tests/s3");
  const haproxy = need("haproxy", "haproxy");
  need("redis-server", "redis-server");
  const initdb = pgBin("initdb");
  const pgCtl = pgBin("pg_ctl");
  const psql = pgBin("psql");

  // A fresh work directory every start: only one the cluster made before is ever removed.
  if (fs.existsSync(workDir)) {
    if (!fs.existsSync(path.join(workDir, MARKER)))
      throw new Error(`${workDir} exists and is not a cluster work directory; choose another --work-dir`);
    const pids = path.join(workDir, "pids.json");
    if (fs.existsSync(pids)) {
      const running = JSON.parse(fs.readFileSync(pids, "utf8")).filter(stillRuns);
      if (running.length > 0)
        throw new Error(`a cluster is still running from ${workDir} (${running.map((p) => `${p.name} ${p.pid}`).join(", ")}); ` +
                        `stop it with: node deploy/cluster/cluster.mjs --stop --work-dir ${path.relative(process.cwd(), workDir) || "."}`);
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const logs = path.join(workDir, "logs");
  fs.mkdirSync(logs, { recursive: true });
  fs.writeFileSync(path.join(workDir, MARKER), "");
  fs.chmodSync(workDir, 0o755);

  const procs = [];      // {name, pid, child, exit (promise), exited, code, signal, log}
  let pgData = null;     // set once PostgreSQL's data directory exists
  const cluster = { workDir, procs, logs, stop: null };

  const recordPids = () => {
    const list = procs.filter((p) => !p.exited).map((p) => ({ name: p.name, pid: p.pid, command: p.command }));
    const pm = pgData && postmasterPid(pgData);
    if (pm) list.push({ name: "postgres", pid: pm });
    fs.writeFileSync(path.join(workDir, "pids.json"), JSON.stringify(list, null, 2) + "\n");
  };

  function launch(name, cmd, args, env = {}) {
    const logFile = path.join(logs, `${name}.log`);
    const fd = fs.openSync(logFile, "a");
    const child = spawn(cmd, args, {
      cwd: REPO,
      env: { PATH: process.env.PATH, LANG: "C.UTF-8", HOME: process.env.HOME ?? workDir, ...env },
      stdio: ["ignore", fd, fd],
      detached: true,  // its own process group, so that stopping it stops everything it started
    });
    fs.closeSync(fd);
    const p = { name, pid: child.pid, child, command: cmd, log: logFile, exited: false, code: null, signal: null };
    p.exit = new Promise((resolve) => {
      child.on("exit", (code, signal) => {
        Object.assign(p, { exited: true, code, signal });
        resolve(p);
      });
      child.on("error", (e) => {
        Object.assign(p, { exited: true, code: -1, signal: null, error: e });
        resolve(p);
      });
    });
    procs.push(p);
    recordPids();
    return p;
  }

  // Waits for check() to be true while the process runs; the error says why it did not.
  async function waitFor(p, what, check, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (p && p.exited)
        throw new Error(`${p.name} exited (${p.signal ?? `code ${p.code}`}) before ${what}; ${p.log}:\n${tail(p.log)}`);
      try {
        if (await check()) return;
      } catch {
        // not yet
      }
      if (Date.now() > deadline)
        throw new Error(`${p ? p.name : "cluster"}: no ${what} within ${timeoutMs / 1000} s` + (p ? `; ${p.log}:\n${tail(p.log)}` : ""));
      await sleep(100);
    }
  }
  const healthy = (port, urlPath) => async () => (await httpGet(port, urlPath)).status === 200;

  async function run(name, cmd, args, env, timeoutMs = 120_000) {
    const p = launch(name, cmd, args, env);
    const timer = setTimeout(() => stopProcess(p, 1000), timeoutMs);
    await p.exit;
    clearTimeout(timer);
    if (p.code !== 0) throw new Error(`${name} failed (${p.signal ?? `code ${p.code}`}); ${p.log}:\n${tail(p.log)}`);
    return fs.readFileSync(p.log, "utf8");
  }

  let stopped = null;
  cluster.stop = () => (stopped ??= stopAll(procs, () => pgData, pgCtl, asRoot, log, workDir));
  // If this process dies without stop(), its children must not outlive it.
  const lastResort = () => {
    for (const p of procs) if (!p.exited) try { process.kill(-p.pid, "SIGKILL"); } catch { /* gone */ }
    const pm = pgData && postmasterPid(pgData);
    if (pm) try { process.kill(pm, "SIGQUIT"); } catch { /* gone */ }
  };
  process.on("exit", lastResort);
  cluster.detach = () => process.off("exit", lastResort);

  try {
    // The cma processes and S3 take any free port and say which; the others get a port that was
    // free a moment ago, and another one should something take it first.
    const ports = {};
    cluster.ports = ports;

    // PostgreSQL: initdb and pg_ctl refuse to run as root, so as root the cluster is postgres's.
    log("cluster: PostgreSQL");
    const pgDir = path.join(workDir, "postgres");
    fs.mkdirSync(pgDir);
    const asPostgres = (cmd, args) => (asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args]);
    if (asRoot) spawnSync("chown", ["postgres", pgDir]);
    await run("initdb", ...asPostgres(initdb, ["-D", path.join(pgDir, "data"), "-U", "postgres", "--auth=trust",
                                                "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]));
    pgData = path.join(pgDir, "data");
    // pg_ctl -w returns once the postmaster is ready; the postmaster runs on by itself (its pid is in
    // postmaster.pid), as a database server outside the cluster's process would.
    for (let attempt = 1; ; ++attempt) {
      ports.postgres = await freePort();
      const pgOpts = `-p ${ports.postgres} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200`;
      const pgLog = path.join(pgDir, `postgres-${attempt}.log`);
      try {
        await run(`pg_ctl-start-${attempt}`, ...asPostgres(pgCtl, ["-D", pgData, "-o", pgOpts, "-l", pgLog, "-w", "-t", "60", "start"]));
        break;
      } catch (e) {
        if (attempt === 5 || !tail(pgLog).includes("could not bind")) throw new Error(`${e.message}\n${pgLog}:\n${tail(pgLog)}`);
      }
    }
    recordPids();
    await run("createdb", psql, ["-h", "127.0.0.1", "-p", String(ports.postgres), "-U", "postgres", "-d", "postgres",
                                 "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE cma"]);
    const databaseUrl = `postgresql://postgres@127.0.0.1:${ports.postgres}/cma`;
    cluster.databaseUrl = databaseUrl;
    cluster.psql = (sql) => {
      const r = spawnSync(psql, ["-h", "127.0.0.1", "-p", String(ports.postgres), "-U", "postgres", "-d", "cma",
                                 "-v", "ON_ERROR_STOP=1", "-At", "-c", sql], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`psql: ${r.stderr}`);
      return r.stdout;
    };

    log("cluster: Redis");
    const redisDir = path.join(workDir, "redis");
    fs.mkdirSync(redisDir);
    const redis = await withFreePort("redis", async (port, attempt) => {
      ports.redis = port;
      const p = launch(`redis${attempt > 1 ? `-${attempt}` : ""}`, "redis-server", ["--bind", "127.0.0.1", "--port", String(port),
        "--dir", redisDir, "--save", "", "--appendonly", "no", "--daemonize", "no"]);
      await waitFor(p, "PONG from Redis", () => redisPing(port));
      return p;
    });

    log("cluster: S3 (s3rver)");
    const s3 = launch("s3", process.execPath, [path.join(REPO, "deploy/cluster/s3.mjs"), "--port", "0",
                                                "--directory", path.join(workDir, "s3"), "--bucket", BUCKET,
                                                // The site's origin (HAProxy's port is not known yet), as the
                                                // Terraform allows the site's domain.
                                                "--cors-origin", "http://127.0.0.1:*", "--cors-origin", "http://localhost:*"]);
    await waitFor(s3, "S3 listening", () => (ports.s3 = listeningPort(s3, "s3.listening")));

    // As the pipeline does: migrations once, by a one-off task, before any API starts.
    log("cluster: cma migrate, cma seed-demo");
    const base = { DATABASE_URL: databaseUrl, LOG_LEVEL: "info", TZ: "UTC" };
    await run("migrate", binary, ["migrate"], base);
    const seeded = await run("seed-demo", binary, ["seed-demo"], { ...base, DATA_DIR: path.join(workDir, "seed") });
    cluster.logins = parseLogins(seeded);

    const secretFile = path.join(workDir, "jwt-secret");
    fs.writeFileSync(secretFile, randomBytes(32).toString("hex") + "\n", { mode: 0o600 });
    const shared = {
      ...base,
      STORAGE_URL: `s3://${BUCKET}?region=eu-west-2&endpoint=http://127.0.0.1:${ports.s3}&path_style=true`,
      AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "eu-west-2",
      BIND: "127.0.0.1", TRUST_PROXY: "true",
    };
    // REDIS_URL goes to the API and workers once `cma` reads it (docs/deploy.md).
    if (options.redisUrl ?? supportsRedis(binary)) shared.REDIS_URL = `redis://127.0.0.1:${ports.redis}`;
    cluster.redisUrl = `redis://127.0.0.1:${ports.redis}`;

    log("cluster: 2 × cma serve, 2 × cma worker, cma web");
    const apis = [1, 2].map((n) => launch(`api-${n}`, binary, ["serve"], {
      ...shared, PORT: "0", JWT_SECRET_FILE: secretFile, CMA_INPROCESS_WORKER: "false",
      WEB_ROOT: webRoot, DRAIN_SECONDS: "20", LAME_DUCK_SECONDS: "2", DATA_DIR: path.join(workDir, `api-${n}`), ...options.apiEnv,
    }));
    const workers = [1, 2].map((n) => launch(`worker-${n}`, binary, ["worker"], {
      ...shared, PORT: "0", DATA_DIR: path.join(workDir, `worker-${n}`), ...options.workerEnv,
    }));
    // The pages upload documents straight to the bucket, as the Terraform's UPLOAD_ORIGIN has them do.
    const web = launch("web", binary, ["web"], { PORT: "0", BIND: "127.0.0.1", WEB_ROOT: webRoot, LOG_LEVEL: "info",
                                                 UPLOAD_ORIGIN: `http://127.0.0.1:${ports.s3}` });
    const ready = async (p, urlPath) => {
      let port;
      await waitFor(p, "server.listening", () => (port = listeningPort(p, "server.listening")));
      await waitFor(p, `200 from ${urlPath}`, healthy(port, urlPath));
      return port;
    };
    [ports.apis, ports.workers, ports.web] = await Promise.all([
      Promise.all(apis.map((p) => ready(p, "/health"))),
      Promise.all(workers.map((p) => ready(p, "/health"))),
      ready(web, "/"),
    ]);

    log("cluster: HAProxy");
    const cfg = path.join(workDir, "haproxy.cfg");
    const proxy = await withFreePort("haproxy", async (port, attempt) => {
      ports.proxy = port;
      fs.writeFileSync(cfg, haproxyConfig({ port, apis: ports.apis, web: ports.web, socket: path.join(workDir, "haproxy.sock") }));
      const check = spawnSync(haproxy, ["-c", "-q", "-f", cfg], { encoding: "utf8" });
      if (check.status !== 0) throw new Error(`haproxy refuses ${cfg}:\n${check.stdout}${check.stderr}`);
      const p = launch(`haproxy${attempt > 1 ? `-${attempt}` : ""}`, haproxy, ["-db", "-f", cfg]);
      await waitFor(p, "200 from /api/v1/openapi.json and / through HAProxy", async () =>
        (await httpGet(port, "/api/v1/openapi.json")).status === 200 && (await httpGet(port, "/")).status === 200 &&
        (await serversUp(path.join(workDir, "haproxy.sock"))) === ports.apis.length + 1);
      return p;
    }, options.port);

    Object.assign(cluster, {
      url: `http://127.0.0.1:${ports.proxy}`,
      apis, workers, web, proxy, redis, s3,
      haproxySocket: path.join(workDir, "haproxy.sock"),
      postmasterPid: () => postmasterPid(pgData),
    });
    recordPids();
    return cluster;
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}

// Runs start(port, attempt) on a free port, again on another should the port be taken meanwhile
// (the process then exits saying so in its log).
async function withFreePort(name, start, fixed) {
  for (let attempt = 1; ; ++attempt) {
    try {
      return await start(fixed ?? await freePort(), attempt);
    } catch (e) {
      if (fixed || attempt === 5 || !/already in use|Address in use|cannot bind/i.test(e.message)) throw e;
    }
  }
}

// The port a process said it listens on, in a JSON log line of this event.
function listeningPort(p, event) {
  for (const line of fs.readFileSync(p.log, "utf8").split("\n")) {
    if (!line.includes(`"${event}"`)) continue;
    try {
      return JSON.parse(line).port;
    } catch {
      // not JSON
    }
  }
  return undefined;
}

function postmasterPid(pgData) {
  try {
    const pid = Number(fs.readFileSync(path.join(pgData, "postmaster.pid"), "utf8").split("\n")[0]);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function supportsRedis(binary) {
  const r = spawnSync("grep", ["-c", "REDIS_URL", binary], { encoding: "utf8" });
  return r.status === 0 && Number(r.stdout) > 0;
}

function redisPing(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    let got = "";
    s.setTimeout(1000, () => { s.destroy(); resolve(false); });
    s.on("connect", () => s.write("PING\r\n"));
    s.on("data", (d) => {
      got += d;
      if (got.includes("\r\n")) { s.end(); resolve(got.startsWith("+PONG")); }
    });
    s.on("error", () => resolve(false));
  });
}

// A command to HAProxy's runtime API (its stats socket).
export function haproxyCommand(socket, command) {
  return new Promise((resolve, reject) => {
    const s = net.connect(socket);
    let out = "";
    s.on("connect", () => s.write(command + "\n"));
    s.on("data", (d) => { out += d; });
    s.on("end", () => resolve(out));
    s.on("error", reject);
  });
}

// How many servers (of every backend) HAProxy has UP.
async function serversUp(socket) {
  const csv = await haproxyCommand(socket, "show stat");
  return csv.split("\n").filter((l) => /^(api|web),/.test(l) && !/,(FRONTEND|BACKEND),/.test(l) && l.includes(",UP,")).length;
}

// The demo logins `cma seed-demo` prints: "  <email>  (<role>, centre <code>)  password: <password>".
function parseLogins(text) {
  const logins = [];
  for (const line of text.split("\n")) {
    const m = /^\s*(\S+@\S+)\s+\((\w+), centre (\w+)\)\s+password: (\S+)/.exec(line);
    if (m) logins.push({ email: m[1], role: m[2], centre: m[3], password: m[4] });
  }
  return logins;
}

async function stopProcess(p, graceMs) {
  if (p.exited) return;
  try { process.kill(-p.pid, "SIGTERM"); } catch { /* gone */ }
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve("timeout"), graceMs); });
  const outcome = await Promise.race([p.exit, timeout]);
  clearTimeout(timer);
  if (outcome === "timeout") {
    try { process.kill(-p.pid, "SIGKILL"); } catch { /* gone */ }
    await p.exit;
  }
}

// Stops in reverse dependency order: the proxy, the web app, the APIs (they drain), the workers
// (running jobs are handed back), S3, Redis, PostgreSQL. Then checks that nothing is left.
async function stopAll(procs, pgDataOf, pgCtl, asRoot, log, workDir) {
  const order = ["haproxy", "web", "api-", "worker-", "s3", "redis"];
  const rank = (p) => { const i = order.findIndex((o) => p.name.startsWith(o)); return i < 0 ? -1 : i; };
  for (let r = -1; r < order.length; ++r) {
    await Promise.all(procs.filter((p) => rank(p) === r).map((p) => stopProcess(p, 30_000)));
  }
  const pgData = pgDataOf();
  const pm = pgData && postmasterPid(pgData);
  if (pm && alive(pm)) {
    const args = ["-D", pgData, "-m", "fast", "-w", "-t", "30", "stop"];
    spawnSync(asRoot ? "runuser" : pgCtl, asRoot ? ["-u", "postgres", "--", pgCtl, ...args] : args, { stdio: "ignore" });
    for (let i = 0; i < 50 && alive(pm); ++i) await sleep(100);  // pg_ctl returns as it exits
    if (alive(pm)) try { process.kill(pm, "SIGQUIT"); } catch { /* gone */ }
  }
  const left = procs.filter((p) => groupAlive(p.pid)).map((p) => `${p.name} (group ${p.pid})`);
  if (pm && alive(pm)) left.push(`postgres (${pm})`);
  if (left.length > 0) log(`cluster: still running after stop: ${left.join(", ")}`);
  else log(`cluster: stopped; logs in ${path.relative(process.cwd(), path.join(workDir, "logs")) || "."}`);
  return left;
}

// Whether a process of pids.json still runs its command (a pid can be reused); PostgreSQL's
// postmaster is recorded without one.
function stillRuns(p) {
  if (!alive(p.pid)) return false;
  if (!p.command) return true;
  try {
    return fs.readFileSync(`/proc/${p.pid}/cmdline`, "utf8").includes(path.basename(p.command));
  } catch {
    return true;  // no /proc
  }
}

// Stops what a cluster whose own process is gone left running, from its pids.json.
export async function stopLeftovers(workDirOption) {
  const workDir = path.resolve(REPO, workDirOption ?? "var/cluster");
  const file = path.join(workDir, "pids.json");
  if (!fs.existsSync(path.join(workDir, MARKER)) || !fs.existsSync(file)) return [];
  const list = JSON.parse(fs.readFileSync(file, "utf8"));
  const groups = list.filter((p) => p.name !== "postgres" && groupAlive(p.pid) && stillRuns(p));
  for (const p of groups) try { process.kill(-p.pid, "SIGTERM"); } catch { /* gone */ }
  for (let i = 0; i < 300 && groups.some((p) => groupAlive(p.pid)); ++i) await sleep(100);
  for (const p of groups) if (groupAlive(p.pid)) try { process.kill(-p.pid, "SIGKILL"); } catch { /* gone */ }
  const pgData = path.join(workDir, "postgres", "data");
  const pm = postmasterPid(pgData);
  const pgRunning = pm && alive(pm);
  if (pgRunning) {
    const args = ["-D", pgData, "-m", "fast", "-w", "-t", "30", "stop"];
    const asRoot = process.getuid?.() === 0;
    spawnSync(asRoot ? "runuser" : pgBin("pg_ctl"), asRoot ? ["-u", "postgres", "--", pgBin("pg_ctl"), ...args] : args, { stdio: "ignore" });
  }
  return [...groups.map((p) => p.name), ...(pgRunning ? ["postgres"] : [])];
}

async function main() {
  const { values } = parseArgs({
    options: {
      "work-dir": { type: "string" }, binary: { type: "string" }, "web-root": { type: "string" },
      port: { type: "string" }, stop: { type: "boolean" },
    },
  });
  if (values.stop) {
    const stopped = await stopLeftovers(values["work-dir"]);
    console.log(stopped.length > 0 ? `cluster: stopped ${stopped.join(", ")}` : "cluster: nothing was running");
    return;
  }
  let cluster;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log("\ncluster: stopping");
    const left = cluster ? await cluster.stop() : [];
    process.exit(left.length > 0 ? 1 : code);
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  try {
    cluster = await startCluster({ workDir: values["work-dir"], binary: values.binary, webRoot: values["web-root"],
                                   port: values.port ? Number(values.port) : undefined });
  } catch (e) {
    console.error(`cluster: ${e.message}`);
    process.exit(1);
  }
  const { ports } = cluster;
  console.log(`
The cluster is up: ${cluster.url}  (HAProxy: /api/*, /ical/* → api-1, api-2; the rest → web)
  api-1 :${ports.apis[0]}  api-2 :${ports.apis[1]}  worker-1 :${ports.workers[0]}  worker-2 :${ports.workers[1]}  web :${ports.web}
  PostgreSQL ${cluster.databaseUrl}   Redis ${cluster.redisUrl}   S3 http://127.0.0.1:${ports.s3} (bucket ${BUCKET})
  Logs: ${path.relative(process.cwd(), cluster.logs)}/   HAProxy runtime API: ${path.relative(process.cwd(), cluster.haproxySocket)}

Demo logins:
${cluster.logins.map((l) => `  ${l.email.padEnd(34)} ${l.password.padEnd(22)} ${l.role}, centre ${l.centre}`).join("\n")}

Ctrl-C stops everything.`);
  // Any process that dies on its own is reported (as ECS would, though nothing restarts it here).
  for (const p of cluster.procs.filter((q) => !q.exited))
    p.exit.then(() => { if (!stopping) console.log(`cluster: ${p.name} exited (${p.signal ?? `code ${p.code}`}); see ${p.log}`); });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
