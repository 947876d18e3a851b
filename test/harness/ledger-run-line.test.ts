// The ledger's run line names the target in the one target vocabulary (mock, sandbox, other) and says apart whether
// the run started the mock itself; ledgers written before that (target 'builtin-mock') still read as built-in.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger, type LedgerRecord, ranOnBuiltInMock, readLedger } from '../../harness/ledger.ts';
import { cleanupAfterRun, prepareLedger } from '../../harness/run-cleanup.ts';

type RunLine = Extract<LedgerRecord, { kind: 'run' }>;
const run = (fields: { target: string; built_in?: boolean }): RunLine => ({
  kind: 'run',
  base_url: 'http://127.0.0.1:1/api',
  seed: 1,
  started_at: '',
  ...fields,
});

describe("the ledger's run line", () => {
  it('holds the target kind and whether the mock was built in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-run-'));
    const path = prepareLedger(
      dir,
      { baseUrl: 'http://127.0.0.1:1/api', target: 'mock', builtIn: true, seed: 3 },
      () => {},
    );
    expect(readLedger(path)[0]).toMatchObject({ kind: 'run', target: 'mock', built_in: true, seed: 3 });
  });

  it('reads a run as built-in from built_in, or from the older target value', () => {
    expect(ranOnBuiltInMock(run({ target: 'mock', built_in: true }))).toBe(true);
    expect(ranOnBuiltInMock(run({ target: 'builtin-mock' }))).toBe(true);
    expect(ranOnBuiltInMock(run({ target: 'mock', built_in: false }))).toBe(false);
    expect(ranOnBuiltInMock(run({ target: 'sandbox' }))).toBe(false);
  });

  it('an older ledger of a built-in run needs no cleanup and is removed', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ledger-run-')), 'ledger.jsonl');
    new Ledger(path).append(run({ target: 'builtin-mock' }));
    const outcome = await cleanupAfterRun({
      baseUrl: 'http://127.0.0.1:1/api',
      kind: 'mock',
      ledgerPath: path,
      env: {},
    });
    expect(outcome.notNeeded).toBe('the built-in mock ends with the run');
    expect(readLedger(path)).toEqual([]);
  });
});
