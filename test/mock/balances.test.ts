// Success bodies and filters of the balance reads, and the balance rules the scenarios do not pick (a currency
// the account has no balance in, malformed currencies and time windows).

import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../contract/request.ts';
import { cardOps, type Json } from '../__helpers__/card-ops.ts';
import { useMockEnvironment } from '../__helpers__/mock-env.ts';

const harness = useMockEnvironment();

const { ok, entries: entriesOf } = cardOps(() => harness);

const retrieve = (currency: unknown, onBehalfOf?: string): RequestSpec => ({
  operation: 'Retrieve Issuing Balance',
  body: { currency },
  ...(onBehalfOf ? { onBehalfOf } : {}),
});

describe('Retrieve Issuing Balance', () => {
  it('answers the balance of the currency', async () => {
    const balance = await ok(retrieve('SGD'));
    expect(balance).toMatchObject({ currency: 'SGD', balance_status: 'ACTIVE', frozen_balance: '0.00' });
    expect(balance.available_balance).toMatch(/^\d+\.\d{2}$/u);
  });

  it('refuses currencies without a usable balance and malformed ones', async () => {
    expect(await entriesOf(retrieve('EUR'))).toContain('balance.account_balance_error');
    const noBalance = (await harness.env.fixtures.subAccount('no-balance')).id;
    expect(await entriesOf(retrieve('SGD', noBalance))).toContain('balance.account_balance_error');
    expect(await entriesOf(retrieve('sgd'))).toContain('general.invalid_request_error');
    expect(await entriesOf(retrieve(5))).toContain('general.b.request_parameters_invalid');
    expect(await entriesOf({ operation: 'Retrieve Issuing Balance', body: {} })).toContain(
      'general.b.request_parameters_invalid',
    );
  });
});

describe('List Issuing Balances', () => {
  it('lists every balance of the account, frozen ones included, or the one of a currency', async () => {
    const all = await ok({ operation: 'List Issuing Balances' });
    expect((all.data as Json[]).map((b) => b.currency).sort()).toEqual(['SGD', 'USD']);
    const one = await ok({ operation: 'List Issuing Balances', query: { currency: 'USD' } });
    expect(one).toMatchObject({ total_items: 1, data: [{ currency: 'USD' }] });
    const frozen = (await harness.env.fixtures.subAccount('balance-unavailable')).id;
    const listed = await ok({ operation: 'List Issuing Balances', onBehalfOf: frozen });
    expect(listed).toMatchObject({ total_items: 1, data: [{ currency: 'SGD', balance_status: 'FROZEN' }] });
    expect(
      await entriesOf({ operation: 'List Issuing Balances', query: { currency: 'SGD' }, onBehalfOf: frozen }),
    ).toContain('balance.account_balance_error');
    expect(await entriesOf({ operation: 'List Issuing Balances', query: { page_size: '5' } })).toContain(
      'general.invalid_request_error',
    );
  });
});

describe('List Issuing Balances Transactions', () => {
  const list = (query: Record<string, string>) => ({ operation: 'List Issuing Balances Transactions' as const, query });

  it('lists the ledger of the account with its filters', async () => {
    const all = await ok(list({}));
    expect(all.total_items).toBeGreaterThanOrEqual(2);
    expect((all.data as Json[])[0]).toMatchObject({ transaction_status: 'COMPLETED' });
    const deposits = await ok(list({ currency: 'USD', transaction_type: 'DEPOSIT' }));
    expect(deposits).toMatchObject({ total_items: 1, data: [{ currency: 'USD', transaction_type: 'DEPOSIT' }] });
    const id = String((deposits.data as Json[])[0]?.transaction_id);
    expect(await ok(list({ transaction_id: id }))).toMatchObject({ total_items: 1 });
    expect(await ok(list({ transaction_status: 'FAILED' }))).toMatchObject({ total_items: 0 });
  });

  it('refuses malformed filters and a currency without a usable balance', async () => {
    expect(await entriesOf(list({ currency: 'EUR' }))).toContain('balance.account_balance_error');
    expect(await entriesOf(list({ transaction_type: 'PURCHASE' }))).toContain('general.invalid_request_error');
    expect(await entriesOf(list({ transaction_id: 'x' }))).toContain('general.invalid_request_error');
    expect(await entriesOf(list({ end_time: 'yesterday' }))).toContain('general.invalid_request_error');
    expect(await entriesOf(list({ start_time: '2024-02-01T00:00:00Z', end_time: '2024-01-01T00:00:00Z' }))).toContain(
      'general.invalid_request_error',
    );
  });
});
