import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { runConformanceCli, startConformanceCli } from '../__helpers__/run-cli.ts';

// A separately started mock (npm run mock) is judged with the credentials the user configured.
describe('the preflight against a separately started mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  it('refuses wrong configured credentials with exit 2, instead of quietly using the mock’s own', async () => {
    const run = await runConformanceCli(['--filter', 'Retrieve Card › card.card_not_found', '--quiet'], {
      UQPAY_BASE_URL: mock.baseUrl,
      UQPAY_CLIENT_ID: 'someone-else',
      UQPAY_API_KEY: 'wrong-key',
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'conformance: the target refused the credentials: POST /v1/connect/token answered 401 (check UQPAY_CLIENT_ID and UQPAY_API_KEY)',
    );
  });

  it('says in the banner when, with none configured, it uses the mock’s own', async () => {
    const { child, done } = startConformanceCli(['--quiet'], { UQPAY_BASE_URL: mock.baseUrl });
    let stdout = '';
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve();
      });
    });
    child.kill('SIGKILL'); // the banner is all this test needs
    await done;
    expect(stdout).toContain("credentials: the mock's own (UQPAY_CLIENT_ID and UQPAY_API_KEY not set)");
  });
});
