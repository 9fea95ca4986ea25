import { z } from 'zod';

const origin = /^https?:\/\/[^/]+$/;

// The run-time configuration, fetched from /config.json at start-up so one build serves every
// environment. An empty apiBaseUrl means the API shares the page's origin; uploadOrigin is where
// documents may be sent straight to storage with presigned URLs, empty when they go through the API.
const runtimeConfigSchema = z.object({
  apiBaseUrl: z.string().refine((v) => v === '' || origin.test(v), {
    message: 'must be empty (same origin) or an origin such as https://api.example.org',
  }),
  uploadOrigin: z
    .string()
    .refine((v) => v === '' || origin.test(v), { message: 'must be empty or an origin such as https://bucket.s3.eu-west-2.amazonaws.com' })
    .default(''),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export class ConfigError extends Error {}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl('/config.json', { cache: 'no-store' });
  } catch {
    throw new ConfigError('The server could not be reached to load /config.json.');
  }
  if (!response.ok) throw new ConfigError(`/config.json answered ${response.status}.`);
  const parsed = runtimeConfigSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`/config.json is invalid: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'not an object'}.`);
  }
  return parsed.data;
}
