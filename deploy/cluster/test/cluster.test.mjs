// The cluster under failure: traffic through HAProxy (sign-ins, client and case creates and reads,
// document uploads stored in S3)
// while one API is stopped with SIGTERM and one worker is killed with SIGKILL in the middle of its
// jobs. Then: no request failed (reads may have been retried by HAProxy; a write that got no answer
// is looked up by its unique marker, must not have happened, and is sent again), every create
// exists exactly once and reads back, every job ran to `done` exactly once, and after stop() no
// process the cluster started is left.
//   CMA_BINARY=build/ci/bin/cma node --test deploy/cluster/test/
// CMA_CLUSTER_API_SIGNAL=SIGKILL kills the API instead of letting it drain, which this test must
// then report as failed.
import test from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { alive, haproxyCommand, startCluster, REPO } from "../cluster.mjs";

const binary = path.resolve(REPO, process.env.CMA_BINARY ?? "build/ci/bin/cma");
const apiSignal = process.env.CMA_CLUSTER_API_SIGNAL ?? "SIGTERM";
const USERS = 6;            // concurrent clients of the load balancer
const JOBS = 16;            // system.noop jobs of JOB_MS each, two workers of concurrency 2
const JOB_MS = 1200;
const LEASE_SECONDS = 3;
const DRAIN_SECONDS = 10;
const LAME_DUCK_SECONDS = 2;  // HAProxy checks every 500 ms (then 250) and takes a server out after two failures
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function requester(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (method, urlPath, { token, body } = {}) => new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (data) Object.assign(headers, { "content-type": "application/json", "content-length": data.length });
    const req = http.request({ host: "127.0.0.1", port, method, path: urlPath, headers, agent, timeout: 15_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode, json, text });
      });
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(data);
  });
}

// POSTs a one-part multipart/form-data upload of `bytes` as a text file, with the document's name.
function uploader(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (urlPath, token, name, bytes) => new Promise((resolve, reject) => {
    const boundary = `cluster${randomUUID()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="documentType"\r\n\r\nother\r\n` +
                  `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n` +
                  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}.txt"\r\n` +
                  "Content-Type: text/plain\r\n\r\n"),
      bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const headers = { accept: "application/json", authorization: `Bearer ${token}`,
                      "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": body.length };
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: urlPath, headers, agent, timeout: 15_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        let json;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode, json, text });
      });
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

// One request to any URL, as a browser would send it cross-origin: {status, headers, text}.
function raw(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, timeout: 15_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() }));
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

function logLines(file, event) {
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.includes(`"${event}"`)).map((l) => JSON.parse(l));
}

test("the cluster loses no request, job or record when an API drains and a worker dies", { timeout: 110_000 }, async (t) => {
  if (!fs.existsSync(binary)) throw new Error(`no cma binary at ${binary}: build it (cmake --build build/ci)`);
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cma-cluster-test-"));
  fs.chmodSync(tmp, 0o755);  // as root, PostgreSQL runs as postgres and must reach its directory
  const workDir = path.join(tmp, "cluster");
  const cluster = await startCluster({
    workDir, binary, log: () => {},
    // Six users' scripted traffic is far above a person's 600 calls a minute: the per-user limit
    // still counts every call through Redis, with room for the load.
    apiEnv: { DRAIN_SECONDS: String(DRAIN_SECONDS), LAME_DUCK_SECONDS: String(LAME_DUCK_SECONDS), RATE_LIMIT_API_PER_MINUTE: "100000" },
    workerEnv: { JOB_LEASE_SECONDS: String(LEASE_SECONDS), WORKER_CONCURRENCY: "2", JOB_POLL_INTERVAL_MS: "200" },
  });
  let left;
  let passed = false;
  let stopTraffic = false;
  try {
    const port = cluster.ports.proxy;
    const admin = cluster.logins.find((l) => l.role === "admin");
    const staff = cluster.logins.filter((l) => l.role === "advisor" || l.role === "manager");
    assert.ok(admin && staff.length > 0, `demo logins: ${JSON.stringify(cluster.logins)}`);
    const adminReq = requester(port);
    const signIn = async (req, login) => {
      const r = await req("POST", "/api/v1/auth/login", { body: { email: login.email, password: login.password } });
      assert.equal(r.status, 200, `login ${login.email}: ${r.text}`);
      return r.json.accessToken;
    };
    const adminToken = await signIn(adminReq, admin);

    // A document uploaded as the web app uploads it here: the site's /config.json names the bucket,
    // the bucket's CORS rule lets the site's origin PUT to a presigned URL (its preflight answered
    // unsigned, as S3 answers it), and the API records what was PUT.
    const site = `http://127.0.0.1:${port}`;
    const config = await adminReq("GET", "/config.json");
    assert.equal(config.json?.uploadOrigin, `http://127.0.0.1:${cluster.ports.s3}`, config.text);
    {
      const req = requester(port);
      const token = await signIn(req, staff[0]);
      const caseId = (await req("GET", "/api/v1/cases?limit=1", { token })).json.items[0].id;
      const bytes = Buffer.from("A statement uploaded straight to the bucket.\n");
      const slot = await req("POST", `/api/v1/cases/${caseId}/documents/upload-url`,
                             { token, body: { name: "Direct", fileName: "direct.txt", documentType: "other", sizeBytes: bytes.length } });
      assert.equal(slot.status, 201, slot.text);
      assert.ok(slot.json.url.startsWith(config.json.uploadOrigin + "/"), slot.json.url);
      const preflight = await raw(slot.json.url, { method: "OPTIONS", headers: {
        origin: site, "access-control-request-method": "PUT", "access-control-request-headers": "content-type" } });
      assert.equal(preflight.status, 200, preflight.text);
      assert.ok([site, "*"].includes(preflight.headers["access-control-allow-origin"]), JSON.stringify(preflight.headers));
      const put = await raw(slot.json.url, { method: "PUT", body: bytes,
                                             headers: { origin: site, "content-type": "text/plain", "content-length": bytes.length } });
      assert.equal(put.status, 200, put.text);
      const done = await req("POST", `/api/v1/cases/${caseId}/documents/uploads/${slot.json.uploadId}/complete`, { token });
      assert.equal(done.status, 201, done.text);
      assert.equal(done.json.sizeBytes, bytes.length);
    }

    // The jobs, enqueued as a use case does: a queued row, then a NOTIFY to wake the workers.
    const jobIds = Array.from({ length: JOBS }, () => randomUUID());
    const now = new Date().toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
    cluster.psql(`INSERT INTO jobs (id, centre_id, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at) VALUES ${
      jobIds.map((id) => `('${id}', NULL, 'system.noop', '{"sleepMs":${JOB_MS}}', 'queued', 0, 5, '${now}', '${now}', '${now}')`).join(", ")
    }; SELECT pg_notify('cma_jobs', '')`);

    // Traffic: each user signs in, then creates a client and a case, each with a unique marker,
    // and reads them back, until told to stop.
    const run = `C${Date.now().toString(36)}`;
    const failures = [];   // requests that failed: {method, path, outcome}
    const created = [];    // {kind, id, marker}
    const unanswered = []; // writes the load balancer could not answer: {method, path, outcome, applied}
    let requests = 0;
    // The proxy's own error pages (a request it could not deliver), or a dropped connection.
    const noAnswer = (r) => r === null || ([502, 503, 504].includes(r.status) && r.json === undefined);
    const tableOf = { client: ["clients", "last_name"], case: ["cases", "summary"], document: ["documents", "name"] };
    const countOf = (kind, marker) => Number(cluster.psql(`SELECT count(*) FROM ${tableOf[kind][0]} WHERE ${tableOf[kind][1]} = '${marker}'`));
    const idOf = (kind, marker) => cluster.psql(`SELECT id FROM ${tableOf[kind][0]} WHERE ${tableOf[kind][1]} = '${marker}'`).trim();
    const user = async (u) => {
      const req = requester(port);
      const upload = uploader(port);
      const login = staff[u % staff.length];
      let token;
      const call = async (method, p, opts) => {
        requests += 1;
        let r;
        try {
          r = await req(method, p, { token, ...opts });
        } catch (e) {
          r = null;
          if (method === "GET") failures.push({ method, path: p, outcome: e.message });
          return r;
        }
        if ((r.status >= 500 || r.status === 429) && !(method !== "GET" && noAnswer(r)))
          failures.push({ method, path: p, outcome: `${r.status} ${r.text.slice(0, 200)}` });
        return r;
      };
      // A create that got no answer: the database says whether it happened (at most once); if it
      // did not, it is safe to send again.
      const create = async (kind, p, body, marker) => {
        for (let attempt = 1; attempt <= 3; ++attempt) {
          let r;
          if (kind === "document") {
            requests += 1;
            r = await upload(p, token, marker, body).catch(() => null);
            if (r && (r.status >= 500 || r.status === 429) && !noAnswer(r))
              failures.push({ method: "POST", path: p, outcome: `${r.status} ${r.text.slice(0, 200)}` });
          } else {
            r = await call("POST", p, { body });
          }
          if (!noAnswer(r)) {
            assert.equal(r.status, 201, `${p}: ${r.text}`);
            return r.json.id;
          }
          const applied = countOf(kind, marker);
          unanswered.push({ method: "POST", path: p, outcome: r ? `${r.status}` : "connection closed", applied });
          if (applied === 1) return idOf(kind, marker);
          if (applied > 1) return null;  // duplicated: reported below
        }
        throw new Error(`${p}: no answer three times`);
      };
      for (let i = 0; !stopTraffic; ++i) {
        if (i % 5 === 0 || !token) {
          const r = await call("POST", "/api/v1/auth/login", { body: { email: login.email, password: login.password } });
          if (noAnswer(r)) {
            unanswered.push({ method: "POST", path: "/api/v1/auth/login", outcome: r ? `${r.status}` : "connection closed" });
            continue;
          }
          assert.equal(r.status, 200, r.text);
          token = r.json.accessToken;
        }
        const marker = `${run}-${u}-${i}`;
        const clientId = await create("client", "/api/v1/clients", { firstName: "Cluster", lastName: marker }, marker);
        if (!clientId) continue;
        created.push({ kind: "client", id: clientId, marker });
        const rc = await call("GET", `/api/v1/clients/${clientId}`);
        if (rc) assert.equal(rc.status, 200, rc.text);
        const caseId = await create("case", "/api/v1/cases", { clientId, summary: marker }, marker);
        if (!caseId) continue;
        created.push({ kind: "case", id: caseId, marker });
        const rk = await call("GET", `/api/v1/cases/${caseId}`);
        if (rk) assert.equal(rk.status, 200, rk.text);
        if (i % 2 === 0) {  // a document, stored in S3 by whichever API takes it
          const documentId = await create("document", `/api/v1/cases/${caseId}/documents`,
                                          Buffer.from(`Statement ${marker}\n`.repeat(50)), marker);
          if (documentId) created.push({ kind: "document", id: documentId, marker });
        }
        const list = await call("GET", `/api/v1/clients?q=${encodeURIComponent(marker)}`);
        if (list) assert.equal(list.status, 200, list.text);
      }
    };
    const users = Array.from({ length: USERS }, (_, u) => user(u));

    // Kill worker-1 while it runs jobs: once it has started one it has not finished.
    const [w1, w2] = cluster.workers;
    let interrupted = [];
    const deadline = Date.now() + 15_000;
    while (interrupted.length === 0 && Date.now() < deadline) {
      await sleep(50);
      const done = new Set(logLines(w1.log, "job.completed").map((l) => l.job));
      interrupted = logLines(w1.log, "job.started").map((l) => l.job).filter((j) => jobIds.includes(j) && !done.has(j));
    }
    assert.ok(interrupted.length > 0, "worker-1 started none of the jobs");
    process.kill(w1.pid, "SIGKILL");
    await w1.exit;
    const completedBeforeKill = new Set(logLines(w1.log, "job.completed").map((l) => l.job));
    interrupted = interrupted.filter((j) => !completedBeforeKill.has(j));

    // Stop api-1 mid-traffic as ECS stops a task; it must drain and exit 0 within its lame-duck
    // and drain seconds.
    await sleep(1500);
    const [a1] = cluster.apis;
    const requestsBefore = requests;
    const signalled = Date.now();
    process.kill(a1.pid, apiSignal);
    await a1.exit;
    const drainMs = Date.now() - signalled;
    // The load balancer has taken it out by its health check.
    const stateOf = async (server) => (await haproxyCommand(cluster.haproxySocket, "show stat"))
      .split("\n").find((l) => l.startsWith(`api,${server},`))?.split(",")[17];
    let api1State;
    for (const until = Date.now() + 3000; Date.now() < until && (api1State = await stateOf("api-1")) !== "DOWN";) await sleep(50);
    await sleep(3000);
    stopTraffic = true;
    await Promise.all(users);
    const requestsAfter = requests - requestsBefore;

    // Every job done, exactly once, the interrupted ones by worker-2 after their lease ran out.
    const jobState = async (id) => (await adminReq("GET", `/api/v1/jobs/${id}`, { token: adminToken })).json;
    const jobsDeadline = Date.now() + 30_000;
    let states;
    for (;;) {
      states = await Promise.all(jobIds.map(jobState));
      if (states.every((j) => j.state === "done") || Date.now() > jobsDeadline) break;
      await sleep(250);
    }
    const completions = new Map(jobIds.map((id) => [id, 0]));
    for (const w of [w1, w2]) for (const l of logLines(w.log, "job.completed")) if (completions.has(l.job)) completions.set(l.job, completions.get(l.job) + 1);
    const byWorker2 = new Set(logLines(w2.log, "job.completed").map((l) => l.job));

    // Every record created reads back, and exists exactly once in the database.
    const reader = requester(port);
    const readerToken = await signIn(reader, admin);  // admins read every centre
    const unreadable = [];
    for (const r of created) {
      if (r.kind === "document") {  // its bytes, back from S3 through the API
        const got = await reader("GET", `/api/v1/documents/${r.id}/content`, { token: readerToken });
        if (got.status !== 200 || got.text !== `Statement ${r.marker}\n`.repeat(50)) unreadable.push({ ...r, status: got.status });
        continue;
      }
      const got = await reader("GET", `/api/v1/${r.kind === "client" ? "clients" : "cases"}/${r.id}`, { token: readerToken });
      const text = r.kind === "client" ? got.json?.lastName : got.json?.summary;
      if (got.status !== 200 || text !== r.marker) unreadable.push({ ...r, status: got.status });
    }
    const counts = (table, column) => new Map(cluster.psql(
      `SELECT ${column}, count(*) FROM ${table} WHERE ${column} LIKE '${run}-%' GROUP BY ${column}`)
      .trim().split("\n").filter(Boolean).map((l) => { const [k, n] = l.split("|"); return [k, Number(n)]; }));
    const clientCounts = counts("clients", "last_name");
    const caseCounts = counts("cases", "summary");
    const documentCounts = counts("documents", "name");
    const countsOf = { client: clientCounts, case: caseCounts, document: documentCounts };
    const wrongCounts = [];
    for (const r of created) {
      const n = countsOf[r.kind].get(r.marker) ?? 0;
      if (n !== 1) wrongCounts.push({ ...r, count: n });
    }
    const apiLog = fs.readFileSync(a1.log, "utf8");
    const documents = created.filter((r) => r.kind === "document").length;
    const report = { requests, requestsAfterSignal: requestsAfter, records: created.length, documents, drainMs,
                     interrupted, failures: failures.slice(0, 10), unanswered, seconds: (Date.now() - started) / 1000 };
    t.diagnostic(JSON.stringify(report));

    assert.deepEqual(failures, [], `requests failed through the load balancer: ${JSON.stringify(report)}`);
    // The API serves on with its health failing (LAME_DUCK_SECONDS) until HAProxy has taken it out,
    // and only then stops accepting (docs/deploy.md): no write goes unanswered.
    assert.deepEqual(unanswered, [], `writes without an answer: ${JSON.stringify(unanswered)}`);
    assert.deepEqual(unanswered.filter((w) => w.applied > 0), [], "a write without an answer had been applied");
    assert.equal(a1.code, 0, `api-1 exited with ${a1.signal ?? a1.code}; ${a1.log}`);
    assert.ok(apiLog.includes('"server.drained"'), "api-1 did not log server.drained");
    assert.ok(drainMs < (LAME_DUCK_SECONDS + DRAIN_SECONDS) * 1000, `api-1 took ${drainMs} ms to stop`);
    assert.equal(api1State, "DOWN", "HAProxy did not take api-1 out");
    assert.equal(await stateOf("api-2"), "UP", "HAProxy does not have api-2 up");
    assert.ok(requestsAfter > 50, `only ${requestsAfter} requests after the SIGTERM`);
    assert.ok(created.length > 20, `only ${created.length} records created`);
    assert.deepEqual(states.filter((j) => j.state !== "done").map((j) => [j.id, j.state, j.lastError]), [], "jobs not done");
    assert.deepEqual([...completions].filter(([, n]) => n !== 1), [], "jobs not completed exactly once");
    for (const id of interrupted) {
      assert.ok(byWorker2.has(id), `job ${id} (interrupted on worker-1) was not completed by worker-2`);
      assert.equal(states.find((j) => j.id === id).attempts, 2, `job ${id}: attempts`);
    }
    assert.ok(documents > 0, "no document was uploaded");
    assert.deepEqual(unreadable, [], "records not readable afterwards");
    assert.deepEqual(wrongCounts, [], "records missing or duplicated");
    passed = true;
  } finally {
    stopTraffic = true;
    const pids = [...cluster.procs.map((p) => p.pid), cluster.postmasterPid()].filter(Boolean);
    left = await cluster.stop();
    cluster.detach();
    assert.deepEqual(left, [], "processes left after stop");
    assert.deepEqual(pids.filter(alive), [], "processes left after stop");
    if (passed) fs.rmSync(tmp, { recursive: true, force: true });
    else t.diagnostic(`the cluster's logs are kept in ${cluster.logs}`);
  }
});
