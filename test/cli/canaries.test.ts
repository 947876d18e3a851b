import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../mock/server.ts';
import { type HidingProxy, startHidingProxy } from '../__helpers__/hiding-proxy.ts';
import { runConformanceCli } from '../__helpers__/run-cli.ts';

// Secrets planted where a failing or erroring run is most tempted to print them: the body of a refused positive
// control (card number, CVV, expiry of Retrieve Sensitive Card Details) and the messages of judged answers.
const PAN = '4111111111111111';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ';
const API_KEY = 'mock-api-key';
const CANARIES = [
  PAN,
  '4111 1111 1111 1111',
  JWT.slice(0, 20),
  API_KEY,
  '"cvv":"987"',
  'cvv=987',
  '"pin":"4321"',
  '12/31',
];

describe('no secret leaves a failing or erroring run', () => {
  let mock: RunningMock;
  let proxy: HidingProxy;
  beforeAll(async () => {
    mock = await startMock({ seed: 4 });
    proxy = await startHidingProxy(mock.baseUrl, {
      rewrite: (_method, path, status, body) => {
        if (path.endsWith('/secure') && status === 200) {
          // The sensitive details themselves, refused: the valid twin errors with this body.
          const card = { card_number: PAN, cvv: '987', expire_date: '12/31', pin: '4321', token: JWT };
          return { status: 400, body: JSON.stringify(card) };
        }
        if (status >= 400 && status < 500) {
          // Every judged answer now carries card data and credentials in its message: the cases fail.
          const parsed = JSON.parse(body) as { message?: string };
          parsed.message = `${parsed.message} card ${PAN} (4111 1111 1111 1111) cvv=987 token ${JWT} x-api-key: ${API_KEY}`;
          return { status, body: JSON.stringify(parsed) };
        }
        return null;
      },
    });
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  it('prints and writes none of the canaries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canaries-'));
    const run = await runConformanceCli(['--filter', 'Retrieve Sensitive Card Details', '--reports', dir], {
      UQPAY_BASE_URL: proxy.baseUrl,
      UQPAY_CLIENT_ID: 'mock-client-id',
      UQPAY_API_KEY: API_KEY,
      UQPAY_MAX_RPS: '0',
    });
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.summary.cases.failed).toBeGreaterThan(0);
    expect(results.summary.cases.errored).toBeGreaterThan(0);
    const outputs = [run.stdout, run.stderr, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))];
    for (const text of outputs) for (const canary of CANARIES) expect(text).not.toContain(canary);
    // The reasons still say what happened, with the card number reduced to its last four digits.
    expect(JSON.stringify(results.cases)).toContain('************1111');
  }, 120_000);
});
