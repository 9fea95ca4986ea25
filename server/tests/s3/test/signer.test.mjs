// The C++ signer (through blob_tool) and AWS's own (@smithy/signature-v4) sign the same requests and
// must produce the same signature, for header signing and for presigned URLs.
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import assert from "node:assert/strict";
import { test } from "node:test";
import { runTool } from "../harness.mjs";

const creds = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const date = new Date(Date.UTC(2026, 10, 30, 23, 5, 9));
const amzDate = "20261130T230509Z";

const requests = [
  { method: "GET", host: "cma-docs.s3.eu-west-2.amazonaws.com", path: "/centres/0190f5a2-0000-7000-8000-000000000001/documents/0190f5a2-0000-7000-8000-0000000000d1/v1", query: {}, headers: { range: "bytes=0-99" } },
  { method: "PUT", host: "127.0.0.1:9000", path: "/cma-docs/a key with spaces/ሴ/v2", query: {}, headers: { "content-type": "application/pdf", "x-amz-server-side-encryption": "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id": "alias/cma  docs" } },
  { method: "POST", host: "s3.eu-west-2.amazonaws.com", path: "/cma-docs/k/v1", query: { uploads: "" }, headers: {} },
  { method: "PUT", host: "s3.eu-west-2.amazonaws.com", path: "/cma-docs/k/v1", query: { partNumber: "2", uploadId: "a/b+c=d~e f" }, headers: {} },
  { method: "DELETE", host: "s3.eu-west-2.amazonaws.com", path: "/cma-docs/k/v1", query: { uploadId: "Zz9_-.~!*'()" }, headers: { "x-amz-meta-note": "  padded   value  " } },
];

function toolArgs(command, r, payloadHash, extra = []) {
  const args = [command, "--method", r.method, "--host", r.host, "--path", r.path, "--payload-hash", payloadHash,
                "--date", amzDate, "--region", "eu-west-2", "--service", "s3", ...extra];
  for (const [k, v] of Object.entries(r.query)) args.push("--query", `${k}=${v}`);
  for (const [k, v] of Object.entries(r.headers)) args.push("--header", `${k}:${v}`);
  return args;
}

const escapePath = (p) => p.split("/").map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())).join("/");

for (const withToken of [false, true]) {
  const credentials = withToken ? { ...creds, sessionToken: "FwoGZXIvYXdzEXAMPLE/token+with=odd&chars" } : creds;
  const env = { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
                ...(withToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}) };
  const signer = new SignatureV4({ service: "s3", region: "eu-west-2", sha256: Sha256, uriEscapePath: false,
                                   applyChecksum: false, credentials });

  for (const r of requests) {
    test(`header signing matches AWS's signer: ${r.method} ${r.path}${withToken ? " (session token)" : ""}`, async () => {
      const payloadHash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e";
      const headers = { host: r.host, "x-amz-content-sha256": payloadHash, ...r.headers };
      const ours = await runTool(toolArgs("sign", { ...r, headers: { ...r.headers, "x-amz-content-sha256": payloadHash } }, payloadHash), env);
      assert.equal(ours.code, 0, ours.stderr);
      const got = JSON.parse(ours.stdout.toString());
      const theirs = await signer.sign({ method: r.method, protocol: "https:", hostname: r.host, path: escapePath(r.path),
                                         query: r.query, headers }, { signingDate: date });
      assert.equal(got.authorization, theirs.headers.authorization);
    });

    test(`presigned URL matches AWS's signer: ${r.method} ${r.path}${withToken ? " (session token)" : ""}`, async () => {
      const ours = await runTool(toolArgs("presign-raw", { ...r, headers: {} }, "UNSIGNED-PAYLOAD", ["--expires", "900"]), env);
      assert.equal(ours.code, 0, ours.stderr);
      const got = JSON.parse(ours.stdout.toString());
      const theirs = await signer.presign(
        { method: r.method, protocol: "https:", hostname: r.host, path: escapePath(r.path), query: { ...r.query },
          headers: { host: r.host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } },
        { signingDate: date, expiresIn: 900, unhoistableHeaders: new Set(["x-amz-content-sha256"]),
          unsignableHeaders: new Set(["x-amz-content-sha256"]) });
      const ourQuery = Object.fromEntries(got.query);
      assert.equal(ourQuery["X-Amz-Signature"], theirs.query["X-Amz-Signature"]);
      for (const k of ["X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Security-Token"])
        assert.equal(ourQuery[k], theirs.query[k], k);
    });
  }
}

test("a different secret gives a different signature", async () => {
  const r = requests[0];
  const a = await runTool(toolArgs("sign", r, "UNSIGNED-PAYLOAD"), { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "one" });
  const b = await runTool(toolArgs("sign", r, "UNSIGNED-PAYLOAD"), { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "two" });
  assert.notEqual(JSON.parse(a.stdout).signature, JSON.parse(b.stdout).signature);
});
