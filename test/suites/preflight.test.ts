// The preflight (suites/preflight.ts), in this process: before any case it proves that the target answers with the
// configured credentials, and a refusal is one ConfigError whose message npm run conformance prints as its one line
// (exit 2). That a preflight refusal leaves a real process as that one line and exit 2 is shown once, on an
// unreachable target, in test/cli/conformance-cli.test.ts.

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../catalog/envelope.ts';
import { loadCatalog } from '../../catalog/load.ts';
import { loadRunConfig } from '../../harness/config.ts';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { banner } from '../../suites/global-setup.ts';
import { preflight } from '../../suites/preflight.ts';
import { type HidingProxy, startHidingProxy } from '../__helpers__/hiding-proxy.ts';

const REFUSED_CREDENTIALS =
  'the target refused the credentials: POST /v1/connect/token answered 401 (check UQPAY_CLIENT_ID and UQPAY_API_KEY)';

/** The preflight as the conformance global setup runs it, on these settings. */
const preflightWith = (env: Record<string, string>) =>
  preflight(
    loadRunConfig(env, () => 1),
    env,
  );

const listening = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`);
    }),
  );

// A separately started mock (npm run mock) is judged with the credentials the user configured.
describe('the preflight against a separately started mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('refuses wrong configured credentials, instead of quietly using the mock’s own', async () => {
    const env = { UQPAY_BASE_URL: mock.baseUrl, UQPAY_CLIENT_ID: 'someone-else', UQPAY_API_KEY: 'wrong-key' };
    await expect(preflightWith(env)).rejects.toMatchObject({ name: 'ConfigError', message: REFUSED_CREDENTIALS });
  });

  it('with none configured, uses the mock’s own, and the banner says so', async () => {
    const resolved = await preflightWith({ UQPAY_BASE_URL: mock.baseUrl });
    expect(resolved).toMatchObject({ baseUrl: mock.baseUrl, kind: 'mock', credentials: 'mock-own' });
    const target = { ...resolved, seed: 1, seedFixed: false, maxPerSecond: null, requestBudget: null };
    expect(banner(target, null, resolved.credentials)).toContain(
      "credentials: the mock's own (UQPAY_CLIENT_ID and UQPAY_API_KEY not set)",
    );
    expect(banner(target, null, 'configured')).not.toContain('credentials');
  });
});

describe('a target that is not a mock and refuses every token request', () => {
  let plain: Server;
  let plainUrl: string;
  beforeAll(async () => {
    plain = createServer((_req, res) =>
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Invalid API key"}'),
    );
    plainUrl = await listening(plain);
  });
  afterAll(() => new Promise<void>((resolve) => plain.close(() => resolve())));

  it('names the refused credentials', async () => {
    const env = { UQPAY_BASE_URL: plainUrl, UQPAY_CLIENT_ID: 'c', UQPAY_API_KEY: 'k' };
    await expect(preflightWith(env)).rejects.toMatchObject({ name: 'ConfigError', message: REFUSED_CREDENTIALS });
  });
});

// A sandbox that refuses this machine (IP allowlist, token service down) answers every call after the mint with the
// documented 401. The preflight's authenticated read must name that once, before any case runs, and without a storm
// of token mints (issue 17).
describe('a target that refuses this client after the mint', () => {
  const unauthorized = loadCatalog().entryById.get('general.unauthorized_error');
  if (!unauthorized) throw new Error('general.unauthorized_error is not in the catalog');
  let mock: RunningMock;
  let proxy: HidingProxy;
  let mints = 0;
  let refused = 0;
  beforeAll(async () => {
    mock = await startMock({ seed: 5 });
    proxy = await startHidingProxy(mock.baseUrl, {
      rewrite: (method, path) => {
        if (method === 'POST' && path.endsWith('/v1/connect/token')) {
          mints++;
          return null;
        }
        refused++;
        return { status: unauthorized.status, body: JSON.stringify(errorBody(unauthorized)) };
      },
    });
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  it('stops with one line that says what the 401 means, after at most 2 mints', async () => {
    const env = {
      UQPAY_BASE_URL: proxy.baseUrl,
      UQPAY_CLIENT_ID: 'mock-client-id',
      UQPAY_API_KEY: 'mock-api-key',
      UQPAY_MAX_RPS: '0',
    };
    await expect(preflightWith(env)).rejects.toMatchObject({
      name: 'ConfigError',
      message:
        `the target refused this client's requests (401 unauthorized_error: "${unauthorized.message}") ` +
        'with a token it had just minted: check the sandbox IP allowlist and the credentials',
    });
    expect(mints).toBeLessThanOrEqual(2);
    // The read and its one resend with a fresh token: no case ran.
    expect(refused).toBe(2);
  });
});
