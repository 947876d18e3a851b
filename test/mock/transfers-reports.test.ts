import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Issuing transfers and reports: their happy paths with the documented shapes, and the general rows (auth,
// idempotency, on-behalf-of) that every authenticated operation answers.

import type { RequestSpec } from '../../contract/request.ts';
import { matchCatalog } from '../../harness/judge.ts';
import { type MockEnvironment, mockEnvironment } from '../__helpers__/mock-env.ts';

type Json = Record<string, unknown>;
let harness: MockEnvironment;
beforeAll(async () => {
  harness = await mockEnvironment();
});
afterAll(() => harness.close());

const send = (spec: RequestSpec) => harness.env.client.send(spec);
async function ok(spec: RequestSpec): Promise<Json> {
  const observed = await send(spec);
  expect(observed.status, observed.text).toBe(200);
  return observed.json as Json;
}
const balance = async (onBehalfOf?: string) =>
  Number(
    (
      await ok({
        operation: 'Retrieve Issuing Balance',
        body: { currency: 'SGD' },
        ...(onBehalfOf ? { onBehalfOf } : {}),
      })
    ).available_balance,
  );

describe('issuing transfers', () => {
  it('funds a sub-account from the master account and reads the transfer back', async () => {
    const { account_id: master, sub_accounts } = harness.mock.fixtures;
    const sub = sub_accounts.active.id;
    const [masterBefore, subBefore] = [await balance(), await balance(sub)];
    const created = await ok({
      operation: 'Create Issuing Transfer',
      body: { source_account_id: master, destination_account_id: sub, currency: 'SGD', amount: 12.5, remark: 'top-up' },
    });
    expect(Object.keys(created).sort()).toEqual(['short_transaction_id', 'transfer_id']);
    expect(await balance()).toBeCloseTo(masterBefore - 12.5, 2);
    expect(await balance(sub)).toBeCloseTo(subBefore + 12.5, 2);
    const read = await ok({
      operation: 'Retrieve Issuing Transfer',
      params: { transfer_id: String(created.transfer_id) },
    });
    expect(read).toMatchObject({
      transfer_id: created.transfer_id,
      source_account_id: master,
      destination_account_id: sub,
      amount: '12.50',
      currency: 'SGD',
      transfer_status: 'COMPLETED',
      remark: 'top-up',
    });
    expect(String(read.reference_id)).toMatch(/^T\d{6}-[A-Z0-9]{8}$/u);
  });

  it('refuses accounts outside the master/sub pair and amounts over the balance', async () => {
    const { account_id: master, sub_accounts } = harness.mock.fixtures;
    const transfer = (body: Json) => send({ operation: 'Create Issuing Transfer', body });
    const base = {
      source_account_id: master,
      destination_account_id: sub_accounts.active.id,
      currency: 'SGD',
      amount: 1,
    };
    const ids = async (body: Json) => matchCatalog(harness.env.catalog, await transfer(body)).map((e) => e.id);
    expect(await ids({ ...base, destination_account_id: crypto.randomUUID() })).toContain(
      'general.sub_account_not_found',
    );
    expect(await ids({ ...base, amount: 10_000_000 })).toContain('general.invalid_request_error');
    expect(await ids({ ...base, amount: 0.001 })).toContain('general.invalid_request_error');
  });

  it('answers the general rows: no token, replayed idempotency key, unknown x-on-behalf-of', async () => {
    const noToken = await send({
      operation: 'Retrieve Issuing Transfer',
      params: { transfer_id: crypto.randomUUID() },
      auth: { kind: 'none' },
    });
    expect(noToken.status).toBe(401);
    const { account_id: master, sub_accounts } = harness.mock.fixtures;
    const body = {
      source_account_id: master,
      destination_account_id: sub_accounts.active.id,
      currency: 'SGD',
      amount: 1,
    };
    const key = crypto.randomUUID();
    const first = await ok({ operation: 'Create Issuing Transfer', body, idempotencyKey: key });
    expect(await ok({ operation: 'Create Issuing Transfer', body, idempotencyKey: key })).toEqual(first);
    const stranger = await send({ operation: 'Create Issuing Report', body: {}, onBehalfOf: crypto.randomUUID() });
    expect(matchCatalog(harness.env.catalog, stranger).map((e) => e.id)).toContain('general.sub_account_not_found');
  });
});

describe('issuing reports', () => {
  it('creates a ledger report and downloads it as CSV', async () => {
    const window = { start_time: '2000-01-01T00:00:00Z', end_time: '2100-01-01T00:00:00Z' };
    const created = await ok({ operation: 'Create Issuing Report', body: { report_type: 'LEDGER', ...window } });
    expect(Object.keys(created)).toEqual(['report_id']);
    const download = await send({
      operation: 'Retrieve Issuing Report',
      params: { report_id: String(created.report_id) },
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/csv/u);
    expect(download.text.split('\n')[0]).toBe(
      'transaction_id,transaction_type,currency,amount,ending_balance,create_time',
    );
    expect(download.text).toContain('DEPOSIT');
  });

  it('refuses an unknown report type and a window that ends before it starts', async () => {
    const ids = async (body: Json) =>
      matchCatalog(harness.env.catalog, await send({ operation: 'Create Issuing Report', body })).map((e) => e.id);
    const window = { start_time: '2024-02-01T00:00:00Z', end_time: '2024-03-01T00:00:00Z' };
    expect(await ids({ report_type: 'DAILY', ...window })).toContain('general.invalid_request_error');
    expect(
      await ids({ report_type: 'SETTLEMENT', start_time: window.end_time, end_time: window.start_time }),
    ).toContain('general.invalid_request_error');
  });
});
