import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../../mock/http/idempotency.ts';
import { Clock } from '../../mock/state/clock.ts';

// The store keeps records in time order and evicts from the front only (amortised O(1) per new key; throughput
// figures in bench/). Here: the order and the bound, which a whole-store scan would also satisfy only when full.
const DAY_S = 24 * 60 * 60;
const ok = { status: 200, body: {}, headers: {} };

function begin(store: IdempotencyStore, key: string) {
  const start = store.begin('acct', key, 'POST /x');
  if (start && 'finish' in start) start.finish(ok);
  return start;
}

describe('idempotency eviction', () => {
  it('drops expired records as new keys arrive, long before the store is full', () => {
    const clock = new Clock();
    const store = new IdempotencyStore(clock, 1000);
    for (let i = 0; i < 10; i++) begin(store, `old-${i}`);
    clock.advance(DAY_S + 1);
    begin(store, 'new');
    expect(store.size).toBe(1);
  });

  it('when full, evicts the oldest; a reused expired key counts as new', () => {
    const clock = new Clock();
    const store = new IdempotencyStore(clock, 3);
    begin(store, 'a');
    clock.advance(DAY_S + 1);
    begin(store, 'b');
    begin(store, 'a'); // expired: starts afresh, now the newest
    begin(store, 'c');
    begin(store, 'd'); // full: the oldest (b) goes
    expect(store.size).toBe(3);
    expect(begin(store, 'a')).toHaveProperty('replay');
    expect(begin(store, 'b')).toHaveProperty('finish');
  });
});
