// Before any case runs: resolve the target (start the built-in mock, or recognise a remote mock or sandbox) and prove
// it answers with the configured credentials (a token is minted and one authenticated read answered), so a wrong
// setting fails once, precisely, instead of 600 times.

import { loadCatalog } from '../catalog/load.ts';
import type { TargetKind } from '../contract/request.ts';
import { ConfigError, type RunConfig, remoteCredentials, targetKind } from '../harness/config.ts';
import { builtinMockOptions } from '../mock/options.ts';
import type { RunningMock } from '../mock/server.ts';

export interface ResolvedTarget {
  baseUrl: string;
  kind: TargetKind;
  /** The built-in mock, when this preflight started one (it closes with the run). */
  mock?: RunningMock;
  /** The target is the built-in mock (started here, or by npm run conformance on a thread of its own). */
  builtIn?: boolean;
  /** Whose credentials the preflight proved: the configured ones, or (a mock, none configured) the mock's own. */
  credentials?: 'configured' | 'mock-own';
}

export async function preflight(
  config: RunConfig,
  env: Record<string, string | undefined>,
  mockFaults: number | null = null,
  /** The built-in mock npm run conformance already started (cli/builtin-mock.ts); else started here. */
  builtinMockUrl?: string,
): Promise<ResolvedTarget> {
  if (config.target.builtIn) {
    if (builtinMockUrl) return { baseUrl: builtinMockUrl, kind: 'mock', builtIn: true };
    const { startMock } = await import('../mock/server.ts');
    const mock = await startMock(builtinMockOptions(config.seed, mockFaults));
    return { baseUrl: mock.baseUrl, kind: 'mock', mock, builtIn: true };
  }
  const { baseUrl } = config.target;
  if (mockFaults !== null)
    throw new ConfigError('--mock-faults applies to the built-in mock only (UQPAY_BASE_URL is set)');
  // The HTTP client (undici) loads only for a remote target: on the built-in mock the main thread never sends.
  const [{ ApiClient, TargetError, TokenError }, { MockFixtures }] = await Promise.all([
    import('../harness/client.ts'),
    import('../harness/fixtures.ts'),
  ]);
  const isMock = await MockFixtures.detect(baseUrl);
  const kind = targetKind(baseUrl, isMock);
  const fixtures = new MockFixtures(baseUrl);
  // The user's credentials whenever any are set, even on a mock: wrong ones must fail here, as the README promises.
  const configured = Boolean(env.UQPAY_CLIENT_ID?.trim() || env.UQPAY_API_KEY?.trim());
  const credential =
    isMock && !configured
      ? await fixtures.credential('default')
      : (({ clientId, apiKey }) => ({ client_id: clientId, api_key: apiKey }))(remoteCredentials(env));
  const client = new ApiClient(
    { baseUrl, credential: async () => credential, timeoutMs: config.timeoutMs },
    loadCatalog().operations,
  );
  try {
    await client.tokenFor('default');
    // One authenticated read: a target that refuses this client's tokens (the documented 401: IP allowlist, token
    // service) stops the run here, in one line, instead of erroring every case.
    await client.send({ operation: 'List Issuing Balances' });
  } catch (error) {
    if (error instanceof TargetError && error.kind === 'refused') throw new ConfigError(error.message);
    if (error instanceof TargetError) throw new ConfigError(`cannot reach the target: ${error.message}`);
    if (error instanceof TokenError) {
      throw new ConfigError(
        `the target refused the credentials: POST /v1/connect/token answered ${error.observed.status} (check UQPAY_CLIENT_ID and UQPAY_API_KEY)`,
      );
    }
    throw error;
  } finally {
    await client.close();
  }
  return { baseUrl, kind, credentials: isMock && !configured ? 'mock-own' : 'configured' };
}
