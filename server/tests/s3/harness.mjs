// The harness: s3rver (an S3-compatible server that stores objects faithfully but checks no V4
// signature) on a free port, behind a proxy that checks every request's Signature V4 with AWS's own
// signer (@smithy/signature-v4) and answers 403 as S3 would on a mismatch; plus a container
// credentials endpoint like ECS's, Secrets Manager's GetSecretValue (signatures checked the same
// way; the test sets the secrets), and a way to run the C++ test tool against them.
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import S3rver from "s3rver";
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

export const BUCKET = "cma-test";
export const REGION = "eu-west-2";
// s3rver knows one account, S3RVER; the proxy checks signatures against this secret.
export const ACCESS_KEY = "S3RVER";
export const SECRET = "S3RVER";

export const blobTool =
  process.env.BLOB_TOOL ?? path.resolve(new URL(".", import.meta.url).pathname,
                                        "../../../build/ci/server/tests/blob_tool");

const escape = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

function decodeQuery(search) {
  const query = {};
  for (const part of search.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const k = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? "" : decodeURIComponent(part.slice(eq + 1));
    if (k in query) query[k] = [].concat(query[k], v);
    else query[k] = v;
  }
  return query;
}

// 20150830T123600Z → Date
function parseAmzDate(s) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s ?? "");
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : null;
}

function s3Error(res, status, code, message) {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

// The CORS rule of deploy/terraform/modules/data/main.tf (the documents bucket), allowing
// `origins` (each may hold one `*`, as S3 allows), as the XML of PutBucketCors or s3rver's
// `configureBuckets`.
export function corsRule(origins) {
  const list = (tag, values) => values.map((v) => `<${tag}>${v}</${tag}>`).join("");
  return '<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration><CORSRule>' +
    list("AllowedOrigin", origins) + list("AllowedMethod", ["GET", "PUT", "HEAD"]) +
    list("AllowedHeader", ["Content-Type", "Content-MD5", "x-amz-checksum-sha256", "x-amz-server-side-encryption",
                           "x-amz-server-side-encryption-aws-kms-key-id"]) +
    "<ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>";
}

// A browser's CORS preflight: S3 answers it from the bucket's CORS rule alone, whatever signature
// the URL's query carries (it signs the request to come, not this one), so it passes unchecked and
// s3rver answers it from the rule.
export function isPreflight(req) {
  return req.method === "OPTIONS" && req.headers.origin !== undefined &&
         req.headers["access-control-request-method"] !== undefined && req.headers.authorization === undefined;
}

const SIGNING_QUERY = new Set(["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
  "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token"]);

// Whether the request carries a valid signature by ACCESS_KEY/SECRET: null when it does, else
// [status, code, message] as S3 would answer.
export async function verify(req, body, { secret = SECRET, now = new Date() } = {}) {
  if (isPreflight(req)) return null;
  const url = new URL(req.url, "http://placeholder");
  const canonicalPath = url.pathname.split("/").map((seg) => escape(decodeURIComponent(seg))).join("/");
  const query = decodeQuery(url.search.slice(1));
  const signer = (sessionToken) => new SignatureV4({
    service: "s3", region: REGION, sha256: Sha256, uriEscapePath: false, applyChecksum: false,
    credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: secret, sessionToken },
  });
  if ("X-Amz-Signature" in query) {
    const date = parseAmzDate(query["X-Amz-Date"]);
    const expires = Number(query["X-Amz-Expires"]);
    if (!date || !(expires >= 1 && expires <= 604800)) return [403, "AuthorizationQueryParametersError", "Bad X-Amz-Date or X-Amz-Expires"];
    if (!String(query["X-Amz-Credential"]).startsWith(ACCESS_KEY + "/")) return [403, "InvalidAccessKeyId", "Unknown key"];
    const signedHeaders = String(query["X-Amz-SignedHeaders"]).split(";");
    const headers = { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" };
    for (const h of signedHeaders) headers[h] = req.headers[h] ?? "";
    const rest = Object.fromEntries(Object.entries(query).filter(([k]) => !SIGNING_QUERY.has(k)));
    const signed = await signer(query["X-Amz-Security-Token"]).presign(
      { method: req.method, protocol: "http:", hostname: "h", path: canonicalPath, query: rest, headers },
      { signingDate: date, expiresIn: expires, unhoistableHeaders: new Set(["x-amz-content-sha256"]),
        unsignableHeaders: new Set(["x-amz-content-sha256"]) });
    if (signed.query["X-Amz-Signature"] !== query["X-Amz-Signature"])
      return [403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."];
    if (now.getTime() > date.getTime() + expires * 1000) return [403, "AccessDenied", "Request has expired"];
    return null;
  }
  const auth = req.headers["authorization"];
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/[^,]+, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth ?? "");
  if (!m) return [403, "AccessDenied", "No Signature V4 Authorization header"];
  if (m[1] !== ACCESS_KEY) return [403, "InvalidAccessKeyId", "Unknown key"];
  const date = parseAmzDate(req.headers["x-amz-date"]);
  if (!date || Math.abs(now.getTime() - date.getTime()) > 15 * 60 * 1000)
    return [403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large."];
  const contentSha = req.headers["x-amz-content-sha256"];
  if (!contentSha) return [400, "InvalidRequest", "Missing x-amz-content-sha256"];
  if (contentSha !== "UNSIGNED-PAYLOAD" && contentSha !== createHash("sha256").update(body).digest("hex"))
    return [400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed."];
  const headers = {};
  for (const h of m[2].split(";")) if (h !== "x-amz-date" && h !== "x-amz-security-token") headers[h] = req.headers[h] ?? "";
  const signed = await signer(req.headers["x-amz-security-token"]).sign(
    { method: req.method, protocol: "http:", hostname: "h", path: canonicalPath, query, headers },
    { signingDate: date });
  if (signed.headers["authorization"] !== auth)
    return [403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."];
  return null;
}

// Secrets Manager's JSON protocol, GetSecretValue only, for secrets the test puts with
// PUT /_test/secrets/<id> (body: the SecretString). GET /_test/secrets/<id> tells how many times
// the secret was read. Every other request must be signed for the service "secretsmanager".
export async function startSecrets() {
  const secrets = new Map();
  const reads = new Map();
  const fail = (res, status, type, message) => {
    res.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
    res.end(JSON.stringify({ __type: type, message }));
  };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const control = /^\/_test\/secrets\/(.+)$/.exec(req.url);
      if (control) {
        const id = decodeURIComponent(control[1]);
        if (req.method === "PUT") secrets.set(id, body.toString("utf8"));
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ reads: reads.get(id) ?? 0 }));
      }
      if (req.method !== "POST" || req.url !== "/" || req.headers["x-amz-target"] !== "secretsmanager.GetSecretValue")
        return fail(res, 400, "InvalidRequestException", "Only GetSecretValue is served here");
      if (req.headers["content-type"] !== "application/x-amz-json-1.1")
        return fail(res, 400, "InvalidRequestException", "Wrong content type");
      const auth = req.headers["authorization"];
      const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/secretsmanager\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth ?? "");
      if (!m || m[1] !== ACCESS_KEY || m[2] !== REGION) return fail(res, 400, "UnrecognizedClientException", "Bad Authorization header");
      const date = parseAmzDate(req.headers["x-amz-date"]);
      if (!date || Math.abs(Date.now() - date.getTime()) > 15 * 60 * 1000) return fail(res, 400, "InvalidSignatureException", "Request time too skewed");
      const headers = {};
      for (const h of m[3].split(";")) if (h !== "x-amz-date" && h !== "x-amz-security-token") headers[h] = req.headers[h] ?? "";
      const signer = new SignatureV4({ service: "secretsmanager", region: REGION, sha256: Sha256, applyChecksum: false,
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: req.headers["x-amz-security-token"] } });
      const signed = await signer.sign({ method: "POST", protocol: "http:", hostname: "h", path: "/", query: {}, headers, body },
                                       { signingDate: date });
      if (signed.headers["authorization"] !== auth) return fail(res, 400, "InvalidSignatureException", "The request signature does not match");
      let id;
      try {
        id = JSON.parse(body.toString("utf8")).SecretId;
      } catch {
        return fail(res, 400, "SerializationException", "Body is not JSON");
      }
      if (!secrets.has(id)) return fail(res, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
      reads.set(id, (reads.get(id) ?? 0) + 1);
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      res.end(JSON.stringify({ ARN: id, Name: id.split(":").pop(), SecretString: secrets.get(id), VersionId: String(reads.get(id)),
                               VersionStages: ["AWSCURRENT"], CreatedDate: Date.now() / 1000 }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    secrets,
    reads,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// `corsOrigins`: the origins the bucket's CORS rule allows (none: the bucket has no rule).
export async function startS3({ corsOrigins } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cma-s3rver-"));
  const configs = corsOrigins ? [corsRule(corsOrigins)] : [];
  const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir,
                          configureBuckets: [{ name: BUCKET, configs }] });
  const { port: s3Port } = await s3.run();
  const seen = [];
  // Answers to give instead of forwarding, one per request, before any checking: [status, code].
  const failures = [];
  // GET responses to break off after this many body bytes, one per GET.
  const cuts = [];
  const proxy = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      if (failures.length > 0) {
        const [status, code] = failures.shift();
        seen.push({ method: req.method, url: req.url, status, bytes: body.length });
        return s3Error(res, status, code, "Injected by the test harness");
      }
      let verdict;
      try {
        verdict = await verify(req, body);
      } catch (e) {
        verdict = [403, "SignatureDoesNotMatch", String(e)];
      }
      const cut = !verdict && req.method === "GET" && cuts.length > 0 ? cuts.shift() : undefined;
      seen.push({ method: req.method, url: req.url, status: verdict ? verdict[0] : cut !== undefined ? "cut" : "forwarded",
                  bytes: body.length, range: req.headers.range });
      if (verdict) return s3Error(res, ...verdict);
      const headers = { ...req.headers, "content-length": String(body.length) };
      delete headers["transfer-encoding"];
      const up = http.request({ host: "127.0.0.1", port: s3Port, method: req.method, path: req.url, headers }, (upRes) => {
        res.writeHead(upRes.statusCode, upRes.headers);
        if (cut === undefined) return upRes.pipe(res);
        let sent = 0;
        upRes.on("data", (chunk) => {
          if (sent >= cut) return;
          const part = chunk.subarray(0, cut - sent);
          sent += part.length;
          if (sent >= cut) res.write(part, () => { res.socket.destroy(); upRes.destroy(); });
          else res.write(part);
        });
      });
      up.on("error", (e) => s3Error(res, 502, "BadGateway", String(e)));
      up.end(body);
    });
  });
  await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const port = proxy.address().port;

  // The ECS container credentials endpoint, answering only with the right authorization token.
  const role = { fetches: 0, lifetimeMs: 3600_000 };
  const creds = http.createServer((req, res) => {
    role.fetches += 1;
    if (req.url !== "/v2/credentials/task" || req.headers["authorization"] !== "task-token") {
      res.writeHead(403).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ AccessKeyId: ACCESS_KEY, SecretAccessKey: SECRET, Token: "session-token-from-the-role",
                             Expiration: new Date(Date.now() + role.lifetimeMs).toISOString() }));
  });
  await new Promise((resolve) => creds.listen(0, "127.0.0.1", resolve));

  return {
    port,
    seen,
    failures,
    cuts,
    role,
    storageUrl: `s3://${BUCKET}?region=${REGION}&endpoint=http://127.0.0.1:${port}&path_style=true&part_size_mb=5&multipart_threshold_mb=5`,
    credentialsUrl: `http://127.0.0.1:${creds.address().port}/v2/credentials/task`,
    async stop() {
      await new Promise((resolve) => proxy.close(resolve));
      await new Promise((resolve) => creds.close(resolve));
      await s3.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs blob_tool; resolves {code, stdout (Buffer), stderr}.
export function runTool(args, env, input) {
  return new Promise((resolve) => {
    const child = execFile(blobTool, args, { env: { PATH: process.env.PATH, ...env }, encoding: "buffer",
                                             maxBuffer: 64 << 20, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr: stderr.toString() }));
    if (input !== undefined) child.stdin.end(input);
  });
}

export function httpGet(url, { method = "GET", body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
