#!/usr/bin/env node
// The cluster's S3: s3rver (stores objects faithfully, checks no signature) behind the proxy of
// server/tests/s3/harness.mjs that checks every request's Signature V4 with AWS's own signer, as S3
// would, but for browsers' CORS preflights, which S3 answers unsigned from the bucket's CORS rule.
// The bucket has the Terraform's CORS rule for the origins given (each may hold one `*`), so that
// the web app uploads documents straight to it. Uses that package's pinned dependencies
// (server/tests/s3/package-lock.json).
//   node deploy/cluster/s3.mjs --port P --directory DIR --bucket NAME [--cors-origin O ...]
// Prints one JSON line {"event":"s3.listening",...} once both listen; SIGTERM or SIGINT stops it.
import { createRequire } from "node:module";
import http from "node:http";
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";

const harnessDir = new URL("../../server/tests/s3/", import.meta.url);
const require = createRequire(new URL("package.json", harnessDir));
const S3rver = require("s3rver");
const { verify, corsRule, ACCESS_KEY } = await import(new URL("harness.mjs", harnessDir).href);

const { values } = parseArgs({
  options: { port: { type: "string" }, directory: { type: "string" }, bucket: { type: "string" },
             "cors-origin": { type: "string", multiple: true } },
});
if (!values.port || !values.directory || !values.bucket) {
  console.error("usage: s3.mjs --port P --directory DIR --bucket NAME [--cors-origin O ...]");
  process.exit(2);
}
mkdirSync(values.directory, { recursive: true });

const origins = values["cors-origin"] ?? [];
const s3 = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: values.directory,
                        configureBuckets: [{ name: values.bucket, configs: origins.length ? [corsRule(origins)] : [] }] });
const { port: upstream } = await s3.run();

function s3Error(res, status, code, message) {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

const proxy = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    let verdict;
    try {
      verdict = await verify(req, body);
    } catch (e) {
      verdict = [403, "SignatureDoesNotMatch", String(e)];
    }
    if (verdict) {
      console.log(JSON.stringify({ event: "s3.refused", method: req.method, url: req.url, status: verdict[0], code: verdict[1] }));
      return s3Error(res, ...verdict);
    }
    const headers = { ...req.headers, "content-length": String(body.length) };
    delete headers["transfer-encoding"];
    const up = http.request({ host: "127.0.0.1", port: upstream, method: req.method, path: req.url, headers }, (upRes) => {
      res.writeHead(upRes.statusCode, upRes.headers);
      upRes.pipe(res);
    });
    up.on("error", (e) => s3Error(res, 502, "BadGateway", String(e)));
    up.end(body);
  });
});
await new Promise((resolve, reject) => {
  proxy.once("error", reject);
  proxy.listen(Number(values.port), "127.0.0.1", resolve);
});
console.log(JSON.stringify({ event: "s3.listening", port: proxy.address().port, bucket: values.bucket, accessKey: ACCESS_KEY }));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const closed = new Promise((resolve) => proxy.close(resolve));
  proxy.closeAllConnections?.();
  await closed;
  await s3.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
