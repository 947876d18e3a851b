// A run's results built by hand, with one of everything a report must show: passes, a message failure (a curly
// apostrophe answered straight), a status failure, environment errors, skips by setting and mock-only skips, and
// evidence that carries secrets and XML-breaking text. Built through the real buildResults and buildRepro.

import { loadCatalog } from '../../catalog/load.ts';
import type { Observed } from '../../contract/request.ts';
import { buildRepro } from '../../harness/repro.ts';
import { buildResults, type RunResults } from '../../reporting/results.ts';
import type { CaseMeta } from '../../suites/case-meta.ts';

export const PLANTED_SEED = 4242;
export const SECRET_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJl';
export const SECRET_PAN = '4111111111111111';
const BASE_URL = 'http://127.0.0.1:9/api';

const catalog = loadCatalog();

function entry(id: string) {
  const found = catalog.entryById.get(id);
  if (!found) throw new Error(`planted run: no entry ${id}`);
  return found;
}

function observed(status: number, json: unknown, body: unknown): Observed {
  return {
    status,
    headers: { 'content-type': 'application/json', 'set-cookie': `session=${SECRET_TOKEN}` },
    text: JSON.stringify(json),
    json,
    durationMs: 3,
    request: {
      method: 'POST',
      path: '/v1/issuing/cards?page_size=10&card_number=4111111111111111',
      headers: { 'x-auth-token': `Bearer ${SECRET_TOKEN}`, 'content-type': 'application/json' },
      idempotencyKey: null,
      body: JSON.stringify(body),
    },
  };
}

function meta(id: string, operation: string, outcome: CaseMeta['outcome'], extra: Partial<CaseMeta> = {}): CaseMeta {
  const e = entry(id);
  return {
    title: `${operation} › ${id}`,
    entry: id,
    operation,
    fault: 'planted fault',
    outcome,
    reason: '',
    checks: [],
    expected: {
      status: e.status,
      type: e.envelope === 'A' ? e.type : null,
      code: e.code,
      message: e.message,
      message_kind: e.message_kind,
    },
    observed: null,
    requests: 1,
    durationMs: 12,
    undocumented: [],
    ...extra,
  };
}

export function plantedRun(): RunResults {
  const curly = entry('cardholder.kyc_insufficient');
  const expected = curly.message ?? '';
  const got = expected.replace('’', "'");
  const answer = { type: 'cardholder_error', code: 'kyc_insufficient', message: got };
  const failure = meta(curly.id, 'Create Card', 'fail', {
    reason: `message: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`,
    checks: [{ check: 'message', expected, got }],
    observed: { status: 400, ...answer },
    repro: buildRepro({
      baseUrl: BASE_URL,
      seed: PLANTED_SEED,
      fault: 'planted fault',
      source: 'faulty',
      observed: observed(400, answer, { card_number: SECRET_PAN, note: "it's ]]> here" }),
      spec: { operation: 'Create Card' },
    }),
    undocumented: [{ operation: 'Create Card', status: 400, body: answer }],
  });
  const statusFailure = meta('card.card_not_found', 'Retrieve Card', 'fail', {
    reason: 'status: expected 400, got 404',
    checks: [{ check: 'status', expected: 400, got: 404 }],
    observed: { status: 404, type: 'card_error', code: 'card_not_found', message: 'card not found or deactivated' },
  });
  const error = meta('card.card_not_found', 'Update Card Status', 'error', {
    reason: 'arrange step Create Card answered 503 upstream unavailable',
    repro: buildRepro({
      baseUrl: BASE_URL,
      seed: PLANTED_SEED,
      fault: 'planted fault',
      source: 'arrange',
      observed: observed(503, { message: 'upstream unavailable' }, { card_currency: 'SGD' }),
    }),
  });
  const undocumentedAnswer = { code: 999, message: 'something new' };
  return buildResults(
    catalog,
    {
      target: 'mock',
      base_url_host: '127.0.0.1:9',
      seed: PLANTED_SEED,
      started_at: '2026-01-01T00:00:00.000Z',
      duration_ms: 1234,
    },
    [
      meta('card.card_not_found', 'Card Recharge', 'pass'),
      meta('general.forbidden', 'Retrieve Card', 'pass'),
      meta('general.forbidden', 'Update Card Status', 'skip', {
        reason: 'needs fixture unassigned pool cards: set UQPAY_FIXTURE_POOL_CARDS in .env',
        skip: { kind: 'needs-fixture', setting: 'UQPAY_FIXTURE_POOL_CARDS' },
      }),
      failure,
      statusFailure,
      error,
      meta('card.card_not_found', 'Update Card', 'error', {
        reason: 'the target failed with 502, which is not under test',
      }),
      meta('card.card_not_found', 'Card Withdraw', 'skip', {
        reason: 'needs fixture unassigned pool cards: set UQPAY_FIXTURE_POOL_CARDS in .env',
        skip: { kind: 'needs-fixture', setting: 'UQPAY_FIXTURE_POOL_CARDS' },
      }),
      meta('general.api_error', 'Retrieve Card', 'skip', {
        reason: 'needs an armed fault (general.api_error), which only the built-in mock can provide',
        skip: { kind: 'not-applicable' },
        undocumented: [
          { operation: 'Retrieve Card', status: 400, body: undocumentedAnswer },
          { operation: 'Update Card Status', status: 400, body: undocumentedAnswer },
        ],
      }),
    ],
  );
}
