// The harness as a process of its own, for the integration tests and the benchmarks: s3rver behind the
// verifying proxy, and Secrets Manager's GetSecretValue, on free 127.0.0.1 ports. Prints one JSON
// line ({"port", "storageUrl", "accessKey", "secret", "secretsEndpoint"}) once listening, and stops
// when its standard input closes, on SIGTERM, or after CMA_S3_MAX_SECONDS (default 900) whatever
// happens.
import { ACCESS_KEY, SECRET, startS3, startSecrets } from "./harness.mjs";

const s3 = await startS3();
const secrets = await startSecrets();
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await s3.stop().catch(() => {});
  await secrets.stop().catch(() => {});
  process.exit(0);
};
process.stdout.write(JSON.stringify({ port: s3.port, storageUrl: s3.storageUrl, accessKey: ACCESS_KEY, secret: SECRET,
                                     secretsEndpoint: secrets.endpoint }) + "\n");
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
setTimeout(stop, Number(process.env.CMA_S3_MAX_SECONDS ?? 900) * 1000).unref();
