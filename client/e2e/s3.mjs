// S3 for the browser tests: the server's own S3 harness (server/tests/s3/serve.mjs: s3rver behind a
// proxy that checks every request's Signature V4, presigned URLs included, with AWS's own signer),
// started as the server's tests start it, with an endpoint of its own in front on 127.0.0.1. That
// endpoint is the one `cma serve` and the browser are given. It keeps a record of every request
// and passes each on to the proxy as it came. The proxy lets a browser's CORS preflight through
// unsigned, as S3 does, and s3rver answers it from the bucket's CORS rule, which `allow` puts on
// the bucket as the Terraform does on the documents bucket.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const harnessDir = resolve(here, '../../server/tests/s3');
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// Starts the harness and the endpoint in front of it. `storageUrl` and `env` are for `cma serve`;
// `requests` lists every request the endpoint passed on: method, path, whether it carried a
// presigned signature, its Origin, the body's size and SHA-256, and the status it was answered with.
export async function startS3() {
  if (!existsSync(join(harnessDir, 'node_modules'))) throw new Error('the S3 harness needs its packages: cd server/tests/s3 && npm ci');
  const require = createRequire(join(harnessDir, 'package.json'));
  const { SignatureV4 } = require('@smithy/signature-v4');
  const { Sha256 } = require('@aws-crypto/sha256-js');
  const { corsRule } = await import(pathToFileURL(join(harnessDir, 'harness.mjs')).href);

  const child = spawn(process.execPath, [join(harnessDir, 'serve.mjs')], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CMA_S3_MAX_SECONDS: '900' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const harness = await new Promise((resolveHarness, reject) => {
    const timer = setTimeout(() => reject(new Error(`the S3 harness did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined && output.includes('\n')) {
        clearTimeout(timer);
        resolveHarness(JSON.parse(line));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the S3 harness exited (${code}):\n${output}`)));
  });
  const [, bucket, region] = /^s3:\/\/([^?]+)\?region=([^&]+)/.exec(harness.storageUrl);
  const signer = new SignatureV4({
    service: 's3',
    region,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
    credentials: { accessKeyId: harness.accessKey, secretAccessKey: harness.secret },
  });
  // The headers that sign a request with the harness's key, as an S3 client would.
  const signedHeaders = async (method, path, query, host, body) =>
    (await signer.sign({ method, protocol: 'http:', hostname: '127.0.0.1', path, query, headers: { host, 'x-amz-content-sha256': sha256(body) }, body }))
      .headers;

  const requests = [];
  const front = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url, 'http://front');
      const entry = {
        method: req.method,
        path: url.pathname,
        presigned: url.searchParams.has('X-Amz-Signature'),
        origin: req.headers.origin ?? null,
        bytes: body.length,
        sha256: sha256(body),
        status: null,
      };
      requests.push(entry);
      const headers = { ...req.headers, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      const up = http.request({ host: '127.0.0.1', port: harness.port, method: req.method, path: req.url, headers }, (upRes) => {
        entry.status = upRes.statusCode;
        res.writeHead(upRes.statusCode, upRes.headers);
        upRes.pipe(res);
      });
      up.on('error', (e) => {
        entry.status = 502;
        res.writeHead(502, { 'content-type': 'text/plain' }).end(String(e));
      });
      up.end(body);
    });
  });
  await new Promise((r) => front.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${front.address().port}`;

  return {
    endpoint,
    bucket,
    storageUrl: `s3://${bucket}?region=${region}&endpoint=${endpoint}&path_style=true`,
    env: { AWS_ACCESS_KEY_ID: harness.accessKey, AWS_SECRET_ACCESS_KEY: harness.secret },
    requests,
    // Puts the bucket's CORS rule, allowing `origin`, with a signed PutBucketCors through the proxy.
    async allow(origin) {
      const xml = corsRule([origin]);
      const host = `127.0.0.1:${harness.port}`;
      const headers = await signedHeaders('PUT', `/${bucket}`, { cors: '' }, host, xml);
      const answer = await new Promise((resolveAnswer, reject) => {
        const req = http.request({ host: '127.0.0.1', port: harness.port, method: 'PUT', path: `/${bucket}?cors`, headers }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolveAnswer({ status: res.statusCode, text }));
        });
        req.on('error', reject);
        req.end(xml);
      });
      if (answer.status !== 200) throw new Error(`PutBucketCors: ${answer.status} ${answer.text}`);
    },
    async stop() {
      front.closeAllConnections?.();
      await new Promise((r) => front.close(r));
      child.stdin.end();
      const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
