// The C++ S3 adapter (through blob_tool) against a real S3-compatible server (s3rver) behind a proxy
// that checks every signature with AWS's own signer: single and multipart puts, ranged gets, head,
// delete, presigned GET and PUT; and the failures S3 would give for a wrong secret or an expired URL.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { ACCESS_KEY, SECRET, httpGet, runTool, startS3 } from "../harness.mjs";

const centre = "0190f5a2-0000-7000-8000-000000000001";
const key = (doc, v = 1) => `centres/${centre}/documents/0190f5a2-0000-7000-8000-${doc.padStart(12, "0")}/v${v}`;

let s3;
let env;
let tmp;
before(async () => {
  s3 = await startS3({ corsOrigins: ["http://127.0.0.1:*"] });
  env = { STORAGE_URL: s3.storageUrl, AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET };
  tmp = mkdtempSync(path.join(os.tmpdir(), "cma-s3-test-"));
});
after(async () => {
  await s3?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function file(name, bytes) {
  const p = path.join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

const sha256 = (b) => createHash("sha256").update(b).digest("hex");

test("a small object: put, head, get, ranged get, delete", async () => {
  const data = randomBytes(100_000);
  const put = await runTool(["put", key("a1"), file("small", data)], env);
  assert.equal(put.code, 0, put.stderr);
  const info = JSON.parse(put.stdout);
  assert.equal(info.size, data.length);
  assert.equal(info.sha256, sha256(data));
  assert.ok(s3.seen.some((r) => r.method === "PUT" && r.status === "forwarded" && r.bytes === data.length));

  const head = await runTool(["head", key("a1")], env);
  assert.equal(head.code, 0, head.stderr);
  assert.equal(JSON.parse(head.stdout).size, data.length);

  const got = await runTool(["get", key("a1")], env);
  assert.equal(got.code, 0, got.stderr);
  assert.ok(got.stdout.equals(data));

  const range = await runTool(["get", key("a1"), "1000-1999"], env);
  assert.equal(range.code, 0, range.stderr);
  assert.ok(range.stdout.equals(data.subarray(1000, 2000)));
  const tail = await runTool(["get", key("a1"), "99990-"], env);
  assert.ok(tail.stdout.equals(data.subarray(99990)));

  const rm = await runTool(["rm", key("a1")], env);
  assert.equal(rm.code, 0, rm.stderr);
  const gone = await runTool(["head", key("a1")], env);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /not_found/);
});

test("a 12 MB object goes up in 5 MB parts and comes back whole", async () => {
  const data = randomBytes(12 * 1024 * 1024);
  const before = s3.seen.length;
  const put = await runTool(["put", key("b1"), file("big", data)], env);
  assert.equal(put.code, 0, put.stderr);
  assert.equal(JSON.parse(put.stdout).sha256, sha256(data));
  const calls = s3.seen.slice(before);
  const parts = calls.filter((r) => r.method === "PUT" && /partNumber=/.test(r.url));
  assert.deepEqual(parts.map((p) => p.bytes), [5 << 20, 5 << 20, 2 << 20]);
  assert.ok(calls.some((r) => r.method === "POST" && /uploads/.test(r.url)));
  assert.ok(calls.some((r) => r.method === "POST" && /uploadId=/.test(r.url)));
  assert.ok(calls.every((r) => r.status === "forwarded"));

  const got = await runTool(["get", key("b1")], env);
  assert.equal(got.code, 0, got.stderr);
  assert.equal(sha256(got.stdout), sha256(data));
  const mid = await runTool(["get", key("b1"), `${5 << 20}-${(5 << 20) + 99}`], env);
  assert.ok(mid.stdout.equals(data.subarray(5 << 20, (5 << 20) + 100)));
  assert.equal(JSON.parse((await runTool(["head", key("b1")], env)).stdout).size, data.length);
});

test("a presigned GET works with plain HTTP until it expires", async () => {
  const data = Buffer.from("presigned bytes\n");
  assert.equal((await runTool(["put", key("c1"), file("c1", data)], env)).code, 0);
  const signed = await runTool(["presign", "get", key("c1"), "60"], env);
  assert.equal(signed.code, 0, signed.stderr);
  const res = await httpGet(signed.stdout.toString().trim());
  assert.equal(res.status, 200);
  assert.ok(res.body.equals(data));

  const tampered = signed.stdout.toString().trim().replace(key("c1"), key("c2"));
  assert.equal((await httpGet(tampered)).status, 403);

  const short = await runTool(["presign", "get", key("c1"), "1"], env);
  await new Promise((r) => setTimeout(r, 2100));
  const expired = await httpGet(short.stdout.toString().trim());
  assert.equal(expired.status, 403);
  assert.match(expired.body.toString(), /<Code>AccessDenied<\/Code>.*expired/);
});

test("a presigned PUT stores the bytes", async () => {
  const signed = await runTool(["presign", "put", key("d1"), "60"], env);
  assert.equal(signed.code, 0, signed.stderr);
  const res = await httpGet(signed.stdout.toString().trim(), { method: "PUT", body: Buffer.from("uploaded directly") });
  assert.equal(res.status, 200, res.body.toString());
  const got = await runTool(["get", key("d1")], env);
  assert.equal(got.stdout.toString(), "uploaded directly");
});

test("a browser's preflight is answered from the bucket's CORS rule, unsigned as S3 answers it", async () => {
  const signed = await runTool(["presign", "put", key("c1"), "60"], env);
  assert.equal(signed.code, 0, signed.stderr);
  const url = signed.stdout.toString().trim();
  const preflight = (origin) =>
    httpGet(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "PUT",
                                                   "access-control-request-headers": "content-type" } });
  const allowed = await preflight("http://127.0.0.1:5000");
  assert.equal(allowed.status, 200, allowed.body.toString());
  // s3rver answers a rule with a wildcard with "*", S3 with the origin: a browser takes either.
  assert.ok(["http://127.0.0.1:5000", "*"].includes(allowed.headers["access-control-allow-origin"]), allowed.headers);
  assert.match(allowed.headers["access-control-allow-methods"], /PUT/);
  const other = await preflight("https://elsewhere.example");
  assert.equal(other.status, 403, other.body.toString());
  assert.equal(other.headers["access-control-allow-origin"], undefined);
  // Only a preflight goes unsigned: a GET without a signature is still refused.
  const bare = await httpGet(url.slice(0, url.indexOf("?")));
  assert.equal(bare.status, 403);
  assert.match(bare.body.toString(), /AccessDenied/);
});

test("a wrong secret is refused with SignatureDoesNotMatch", async () => {
  const bad = { ...env, AWS_SECRET_ACCESS_KEY: "not-the-secret" };
  const put = await runTool(["put", key("e1"), file("e1", Buffer.from("x"))], bad);
  assert.equal(put.code, 1);
  assert.match(put.stderr, /403 SignatureDoesNotMatch/);
  const signed = await runTool(["presign", "get", key("a1"), "60"], bad);
  assert.equal((await httpGet(signed.stdout.toString().trim())).status, 403);
  assert.equal((await runTool(["head", key("e1")], env)).code, 1);
});

test("keys from the ECS task role's credentials endpoint work, session token included", async () => {
  const roleEnv = { STORAGE_URL: s3.storageUrl, AWS_CONTAINER_CREDENTIALS_FULL_URI: s3.credentialsUrl,
                    AWS_CONTAINER_AUTHORIZATION_TOKEN: "task-token" };
  const put = await runTool(["put", key("f1"), file("f1", Buffer.from("role"))], roleEnv);
  assert.equal(put.code, 0, put.stderr);
  assert.equal((await runTool(["get", key("f1")], roleEnv)).stdout.toString(), "role");
  const noToken = await runTool(["head", key("f1")], { ...roleEnv, AWS_CONTAINER_AUTHORIZATION_TOKEN: "wrong" });
  assert.equal(noToken.code, 1);
  assert.match(noToken.stderr, /credentials endpoint answered 403/);
});

test("keys that are about to expire are fetched again; fresh ones are reused", async () => {
  const roleEnv = { STORAGE_URL: s3.storageUrl, AWS_CONTAINER_CREDENTIALS_FULL_URI: s3.credentialsUrl,
                    AWS_CONTAINER_AUTHORIZATION_TOKEN: "task-token" };
  const data = randomBytes(11 * 1024 * 1024);  // create, 3 parts, complete: 5 signed requests
  s3.role.fetches = 0;
  assert.equal((await runTool(["put", key("7a1"), file("g1", data)], roleEnv)).code, 0);
  assert.equal(s3.role.fetches, 1);
  s3.role.lifetimeMs = 60_000;  // inside the five minutes before expiry: fetched for every request
  s3.role.fetches = 0;
  try {
    assert.equal((await runTool(["put", key("7a2"), file("g2", data)], roleEnv)).code, 0);
  } finally {
    s3.role.lifetimeMs = 3600_000;
  }
  assert.equal(s3.role.fetches, 5);
});

test("throttling and server errors are retried; a refusal is not", async () => {
  const data = Buffer.from("retried");
  s3.failures.push([503, "SlowDown"], [500, "InternalError"]);
  const before = s3.seen.length;
  const put = await runTool(["put", key("8a1"), file("h1", data)], env);
  assert.equal(put.code, 0, put.stderr);
  assert.deepEqual(s3.seen.slice(before).map((r) => r.status), [503, 500, "forwarded"]);

  s3.failures.push([503, "SlowDown"], [503, "SlowDown"], [503, "SlowDown"], [503, "SlowDown"], [503, "SlowDown"]);
  const gaveUp = await runTool(["get", key("8a1")], env);
  assert.equal(gaveUp.code, 1);
  assert.match(gaveUp.stderr, /503 SlowDown/);
  assert.equal(s3.failures.length, 1);  // four attempts, then it stops
  s3.failures.length = 0;

  s3.failures.push([403, "AccessDenied"]);
  const refused = await runTool(["head", key("8a1")], env);
  assert.equal(refused.code, 1);
  assert.equal(s3.failures.length, 0);
  assert.equal((await runTool(["get", key("8a1")], env)).stdout.toString(), "retried");
});

test("a download broken off part-way carries on from the first byte it lacks", async () => {
  const data = randomBytes(3 * 1024 * 1024);
  assert.equal((await runTool(["put", key("9a1"), file("9a1", data)], env)).code, 0);
  s3.cuts.push(1_000_000);
  const before = s3.seen.length;
  const got = await runTool(["get", key("9a1")], env);
  assert.equal(got.code, 0, got.stderr);
  assert.equal(sha256(got.stdout), sha256(data));
  const gets = s3.seen.slice(before);
  assert.equal(gets.length, 2);
  assert.equal(gets[0].status, "cut");
  assert.equal(gets[1].range, "bytes=1000000-");
});

test("a key outside the document shape never reaches the store", async () => {
  for (const k of [`centres/${centre}/documents/../../x/v1`, "/etc/passwd", `${key("a1")}/..`]) {
    const r = await runTool(["put", k, file("z", Buffer.from("z"))], env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not a document key/);
  }
});
