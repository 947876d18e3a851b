// A card request is written to the ledger before it leaves, so a run killed while it is in flight (a signal, a
// terminated worker) still leaves a line the cleanup resolves; the answer settles it by its idempotency key.
// The SIGINT run in test/cli/unattended.test.ts once left a card live without this (the answer never reached the
// observer), in one clean-clone CI run of several.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Observed, RequestSpec } from '../../contract/request.ts';
import { Ledger, readLedger } from '../../harness/ledger.ts';
import { ledgerObserver } from '../../harness/ledger-observer.ts';

const spec = { operation: 'Create Card', body: { cardholder_id: 'holder-1' } } as RequestSpec;
const answer = (status: number, json: unknown) =>
  ({ status, json, request: { idempotencyKey: 'key-1' } }) as unknown as Observed;

function freshLedger(): Ledger {
  return new Ledger(join(mkdtempSync(join(tmpdir(), 'write-ahead-')), 'ledger.jsonl'));
}

describe('the ledger writes a card request ahead of sending it', () => {
  it('leaves an unanswered line when no answer ever comes', () => {
    const ledger = freshLedger();
    ledgerObserver(ledger).sending?.(spec, 'key-1');
    expect(readLedger(ledger.path)).toMatchObject([
      { kind: 'unanswered', operation: 'Create Card', cardholder_id: 'holder-1', idempotency_key: 'key-1' },
    ]);
  });

  it('is settled by the answer: the card line carries the same key', () => {
    const ledger = freshLedger();
    const observer = ledgerObserver(ledger);
    observer.sending?.(spec, 'key-1');
    observer.answered?.(spec, answer(201, { card_id: 'card-1' }));
    expect(readLedger(ledger.path).map((r) => r.kind)).toEqual(['unanswered', 'card']);
    expect(readLedger(ledger.path)[1]).toMatchObject({ card_id: 'card-1', idempotency_key: 'key-1' });
  });

  it('is settled by a refusal, and by a failure that never reached the target', () => {
    const ledger = freshLedger();
    const observer = ledgerObserver(ledger);
    observer.sending?.(spec, 'key-1');
    observer.answered?.(spec, answer(400, { code: 'x' }));
    observer.notSent?.(spec, 'key-1');
    expect(readLedger(ledger.path).map((r) => r.kind)).toEqual(['unanswered', 'settled', 'settled']);
  });

  it('writes nothing ahead for a request without a key (its answer could not settle it)', () => {
    const ledger = freshLedger();
    ledgerObserver(ledger).sending?.(spec, null);
    expect(readLedger(ledger.path)).toEqual([]);
  });
});
