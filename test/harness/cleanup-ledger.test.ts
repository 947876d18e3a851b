import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupRun } from '../../harness/cleanup.ts';
import { Ledger, type LedgerRecord } from '../../harness/ledger.ts';

// Card requests whose outcome is unknown: settled by a later final answer with the same key, or reported as left.
const ledgerOf = (records: LedgerRecord[]) => {
  const ledger = new Ledger(join(mkdtempSync(join(tmpdir(), 'ledger-')), 'ledger.jsonl'));
  for (const r of records) ledger.append(r);
  return ledger.path;
};
const unanswered = (key: string): LedgerRecord => ({
  kind: 'unanswered',
  operation: 'Create Card',
  cardholder_id: null,
  idempotency_key: key,
  credential: 'default',
  on_behalf_of: null,
  sent_at: new Date().toISOString(),
});
const run = (ledgerPath: string) =>
  cleanupRun({
    baseUrl: 'http://127.0.0.1:1/api', // nothing to send: these ledgers list no card
    credential: async () => ({ client_id: 'c', api_key: 'k' }),
    ledgerPath,
  });

describe('unknown card-request outcomes', () => {
  it('a retry with the same key that got a final answer settles it', async () => {
    const path = ledgerOf([unanswered('k1'), { kind: 'settled', operation: 'Create Card', idempotency_key: 'k1' }]);
    expect(await run(path)).toEqual({ cancelled: 0, failed: 0, left: [] });
  });

  it('one that cannot be looked up (no cardholder id) is reported as left, loudly', async () => {
    const outcome = await run(ledgerOf([unanswered('k2')]));
    expect(outcome.left).toEqual(['unanswered Create Card k2 (no cardholder id to look it up by)']);
  });
});

describe('a ledger line that cannot be read', () => {
  it('is counted as left when it is not the last (it may have named a card); a cut-off last line is skipped', async () => {
    const path = ledgerOf([unanswered('k-1')]);
    appendFileSync(path, '{"kind":"card","card_id":"c-\n{"kind":"card","card_id":"c-2","oper');
    const outcome = await run(path);
    expect(outcome.left).toContain(`(unreadable line 2 of ${path})`);
    expect(outcome.left.filter((l) => l.startsWith('(unreadable'))).toHaveLength(1);
  });
});
