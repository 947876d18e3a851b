// x-idempotency-key semantics: a key is bound to the account and the method + path of its first use; a finished
// answer is replayed for 24 h, and a duplicate that arrives while the first is running is refused.

import { fail } from '../errors.ts';
import type { HttpAnswer } from '../responder.ts';
import type { Clock } from '../state/clock.ts';

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 255;
const MAX_RECORDS = 200_000;

interface KeyRecord {
  accountId: string;
  endpoint: string;
  answer: HttpAnswer | null;
  expiresAt: number;
}

export type IdempotencyStart = { replay: HttpAnswer } | { finish: (answer: HttpAnswer) => void };

export class IdempotencyStore {
  /** Insertion order is time order (a reused key is moved to the end), so the oldest record is always first. */
  private readonly records = new Map<string, KeyRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly maxRecords = MAX_RECORDS,
  ) {}

  /** Null when the request carries no key (it then runs without replay protection). */
  begin(accountId: string, header: string | string[] | undefined, endpoint: string): IdempotencyStart | null {
    if (header === undefined) return null;
    if (Array.isArray(header) || header.length === 0 || header.length > MAX_KEY_LENGTH) {
      throw fail('general.invalid_key_format');
    }
    const now = this.clock.nowMs();
    const existing = this.records.get(header);
    if (existing && existing.expiresAt > now) {
      if (existing.accountId !== accountId) throw fail('general.key_mismatch_account');
      if (existing.endpoint !== endpoint) throw fail('general.key_mismatch_api');
      if (!existing.answer) throw fail('general.request_being_processed');
      return { replay: existing.answer };
    }
    if (existing) this.records.delete(header);
    this.evict(now);
    const record: KeyRecord = { accountId, endpoint, answer: null, expiresAt: now + TTL_MS };
    this.records.set(header, record);
    return {
      finish: (answer) => {
        // Server faults and rate limits are not final: a retry with the same key must run again.
        if (answer.status >= 500 || answer.status === 429) this.records.delete(header);
        else record.answer = answer;
      },
    };
  }

  /**
   * Drops expired records and, when full, the oldest: from the front only, stopping at the first record that is
   * neither expired nor needed for room. Amortised O(1) per new key, never a scan of the whole store.
   */
  private evict(now: number): void {
    for (const [key, record] of this.records) {
      if (record.expiresAt > now && this.records.size < this.maxRecords) break;
      this.records.delete(key);
    }
  }

  get size(): number {
    return this.records.size;
  }
}
