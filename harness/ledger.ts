// The cleanup ledger: every card, cardholder and order a run creates, and every Create Card / Assign Card request
// whose answer never arrived (timeout, reset), appended to a JSONL file as the run goes. It is written synchronously
// line by line, so a crash or a signal loses nothing that was sent; `npm run cleanup -- --ledger <file>` and the
// end-of-run cleanup (harness/cleanup.ts) read the same file.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CredentialName } from '../contract/fixtures.ts';

export type LedgerRecord =
  /**
   * The first line: which target the run talked to, so a later `npm run cleanup` knows where to go. `target` is a
   * TargetKind; `built_in` says the run started the mock itself (ledgers written before it have target
   * 'builtin-mock' instead: see ranOnBuiltInMock).
   */
  | { kind: 'run'; base_url: string; target: string; built_in?: boolean; seed: number; started_at: string }
  | {
      kind: 'card';
      card_id: string;
      operation: string;
      credential: CredentialName;
      on_behalf_of: string | null;
      idempotency_key?: string | null;
    }
  /** A final (non-5xx) answer to a card request with this key: an earlier unanswered try with it is settled. */
  | { kind: 'settled'; operation: string; idempotency_key: string }
  | { kind: 'cardholder'; cardholder_id: string; credential: CredentialName; on_behalf_of: string | null }
  | { kind: 'order'; card_order_id: string; card_id: string | null; operation: string }
  /** A request that may have created a card, but whose answer never arrived. */
  | {
      kind: 'unanswered';
      operation: string;
      cardholder_id: string | null;
      idempotency_key: string | null;
      credential: CredentialName;
      on_behalf_of: string | null;
      /** When it was sent (ISO): cards of a shared cardholder created before this are not the run's. */
      sent_at: string;
    };

/** The name of the ledger file in a reports directory. */
export const LEDGER_FILE = 'ledger.jsonl';

export class Ledger {
  /** Opened on the first append, in append mode: one write per record, not an open, a write and a close. */
  #fd: number | null = null;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
  }

  append(record: LedgerRecord): void {
    this.#fd ??= openSync(this.path, 'a');
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
  }

  /** Closes the file; a later append opens it again. */
  close(): void {
    if (this.#fd === null) return;
    closeSync(this.#fd);
    this.#fd = null;
  }
}

/**
 * The records of a ledger file. The last line of a crashed run may be cut short: it is skipped. Any other line that
 * is not a record could hide a card to cancel: its number goes to onUnreadable (the cleanup counts it as left).
 */
export function readLedger(path: string, onUnreadable: (line: number) => void = () => undefined): LedgerRecord[] {
  if (!existsSync(path)) return [];
  const records: LedgerRecord[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  // Written line by line, each ending in a newline: only a line after the last newline can be cut short.
  const lastLine = lines.length - 1;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parseRecord(line);
    if (record) records.push(record);
    else if (index !== lastLine) onUnreadable(index + 1);
  });
  return records;
}

function parseRecord(line: string): LedgerRecord | null {
  try {
    const record = JSON.parse(line) as LedgerRecord;
    return record && typeof record === 'object' && typeof record.kind === 'string' ? record : null;
  } catch {
    return null; // not JSON: the caller decides whether that is a cut-off last line or a loss
  }
}

/** Operations whose 2xx answer issues a card (its card_id is in the body). */
export const CREATES_CARDS: ReadonlySet<string> = new Set(['Create Card', 'Assign Card']);

/** The run line of a run on the built-in mock, which ended with the run (so did every card in it). */
export function ranOnBuiltInMock(run: Extract<LedgerRecord, { kind: 'run' }>): boolean {
  // 'builtin-mock' is how ledgers written before `built_in` said it; a ledger left by a crashed run may still hold it.
  return run.built_in === true || run.target === 'builtin-mock';
}
