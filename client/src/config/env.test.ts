import { describe, expect, it } from 'vitest';
import { ConfigError, loadRuntimeConfig } from './env';

const answer = (body: unknown, status = 200) => () =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

describe('the run-time configuration', () => {
  it('takes the API origin from /config.json, empty meaning the page’s own', async () => {
    await expect(loadRuntimeConfig(answer({ apiBaseUrl: '' }))).resolves.toEqual({ apiBaseUrl: '', uploadOrigin: '' });
    await expect(loadRuntimeConfig(answer({ apiBaseUrl: 'https://api.example.org' }))).resolves.toEqual({
      apiBaseUrl: 'https://api.example.org',
      uploadOrigin: '',
    });
  });

  it('takes the origin documents may be uploaded to straight, if there is one', async () => {
    await expect(loadRuntimeConfig(answer({ apiBaseUrl: '', uploadOrigin: 'https://docs.s3.eu-west-2.amazonaws.com' }))).resolves.toEqual({
      apiBaseUrl: '',
      uploadOrigin: 'https://docs.s3.eu-west-2.amazonaws.com',
    });
    await expect(loadRuntimeConfig(answer({ apiBaseUrl: '', uploadOrigin: 'https://docs.example.org/bucket' }))).rejects.toThrow(/uploadOrigin/);
  });

  it('refuses a configuration it cannot trust, saying why', async () => {
    await expect(loadRuntimeConfig(answer({ apiBaseUrl: 'https://api.example.org/v1' }))).rejects.toThrow(ConfigError);
    await expect(loadRuntimeConfig(answer({}))).rejects.toThrow(/apiBaseUrl/);
    await expect(loadRuntimeConfig(answer({ apiBaseUrl: '' }, 404))).rejects.toThrow(/404/);
  });
});
