import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../catalog/envelope.ts';
import type { OperationId } from '../../catalog/ids.ts';
import { loadCatalog } from '../../catalog/load.ts';
import type { Observed } from '../../contract/request.ts';
import { allScenarios } from '../../generators/index.ts';
import { BODY_CAP_BYTES } from '../../harness/answer-body.ts';
import { ApiClient } from '../../harness/client.ts';
import { judge } from '../../harness/judge.ts';
import { explain, type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

// Environment versus contract: what a gateway, a proxy or a flaky network does is an error, never a failure.
const catalog = loadCatalog();
const entry = (id: string) => {
  const found = catalog.entryById.get(id);
  if (!found) throw new Error(id);
  return found;
};
const answer = (status: number, text: string, contentType: string): Observed => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status,
    headers: { 'content-type': contentType },
    text,
    json,
    durationMs: 1,
    request: { method: 'GET', path: '/x', headers: {}, idempotencyKey: null },
  };
};

describe('answers that are not the API', () => {
  it('a gateway 502 page is an error even where the case expects a 5xx', () => {
    const verdict = judge(entry('general.api_error'), answer(502, '<html>Bad Gateway</html>', 'text/html'));
    expect(verdict).toMatchObject({ outcome: 'error', checks: [] });
    expect(verdict.reason).toContain('without a JSON error envelope (text/html)');
  });

  it('a plain-text 429 is an error even where the case expects a 429', () => {
    const verdict = judge(entry('general.b.request_is_too_frequent'), answer(429, 'Too Many Requests', 'text/plain'));
    expect(verdict.outcome).toBe('error');
  });

  it('a 2xx whose body is cut off is an error, not a failure', () => {
    const verdict = judge(entry('card.card_not_found'), answer(200, '{"card_id":"a', 'application/json'));
    expect(verdict.outcome).toBe('error');
  });
});

describe('gaps the judge closes', () => {
  // card.card_not_found's documented body (envelope A, exact message).
  const documented = (id: string) => JSON.stringify(errorBody(entry(id)));
  it('an error answer without a Content-Type fails the content-type check', () => {
    const observed = answer(400, documented('card.card_not_found'), 'application/json');
    observed.headers = {};
    const verdict = judge(entry('card.card_not_found'), observed);
    expect(verdict.checks).toEqual([{ check: 'content_type', expected: 'application/json', got: null }]);
  });

  it('a JSON media type with parameters or a +json suffix passes; text/json-ish labels do not', () => {
    const body = documented('card.card_not_found');
    expect(judge(entry('card.card_not_found'), answer(400, body, 'application/json; charset=utf-8')).outcome).toBe(
      'pass',
    );
    expect(judge(entry('card.card_not_found'), answer(400, body, 'application/problem+json')).outcome).toBe('pass');
    expect(judge(entry('card.card_not_found'), answer(400, body, 'text/plain; note=json')).checks[0]?.check).toBe(
      'content_type',
    );
  });

  it('missing_fields on an entry that does not document it fails the envelope check', () => {
    const body = { ...JSON.parse(documented('card.card_not_found')), missing_fields: [{ name: 'first_name_en' }] };
    const verdict = judge(entry('card.card_not_found'), answer(400, JSON.stringify(body), 'application/json'));
    expect(verdict.checks.map((c) => c.check)).toEqual(['envelope']);
    expect(verdict.reason).toContain('missing_fields is not documented for card.card_not_found');
  });
});

describe('a body larger than the cap', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    const big = `{"data":"${'x'.repeat(2 * BODY_CAP_BYTES)}"}`;
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(big));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('is cut off at the cap and marked, and judging it is an error', async () => {
    const client = new ApiClient(
      { baseUrl, credential: async () => ({ client_id: 'c', api_key: 'k' }) },
      catalog.operations,
    );
    const observed = await client.send({ operation: 'List Cards', auth: { kind: 'none' } });
    expect(observed.oversized).toBe(true);
    expect(observed.text.length).toBe(BODY_CAP_BYTES);
    expect(judge(entry('card.card_not_found'), observed).outcome).toBe('error');
    await client.close();
  });
});

describe('a judged request that meets a 5xx not under test', () => {
  let harness: MockEnvironment;
  beforeAll(async () => {
    harness = await mockEnvironment();
  });
  afterAll(() => harness.close());

  it('is retried with the same key and judged on the real answer; the attempts are recorded', async () => {
    const scenario = allScenarios.find(
      (s) => s.operation === 'Card Recharge' && s.entry === 'card.b.recharge_amount_is_invalid',
    );
    if (!scenario) throw new Error('scenario missing');
    const recharge = harness.env.client.operation('Card Recharge').id as OperationId;
    harness.mock.services.faults.arm({ kind: 'error', entry: 'general.api_error', operation: recharge, count: 1 });
    const result = await harness.run(scenario);
    expect(result.outcome, explain(result)).toBe('pass');
    expect(result.attempts).toBe(2);
  });
});
