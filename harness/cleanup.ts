// End-of-run cleanup, outside vitest (no hook timeout can cut it short): reads the run's ledger, resolves the
// card-issuing requests whose answer never arrived by listing their cardholder's cards, then cancels every card the
// run issued, paced and with retries. Cardholders stay (the API cannot delete them); orders are final.
// The outcome says exactly what was left, so the CLI can say it loudly and exit 2.

import { loadCatalog } from '../catalog/load.ts';
import type { Credential, CredentialName } from '../contract/fixtures.ts';
import type { Observed, RequestSpec } from '../contract/request.ts';
import { cancelCard, type Send } from './cancel-card.ts';
import { ApiClient, TargetError, TokenError } from './client.ts';
import { type LedgerRecord, readLedger } from './ledger.ts';

export interface CleanupOptions {
  baseUrl: string;
  credential(name: CredentialName): Promise<Credential>;
  ledgerPath: string;
  /** Requests per second; undefined for no pacing. */
  maxPerSecond?: number;
  timeoutMs?: number;
  /** Tries per request (environment trouble is retried); default 4. */
  attempts?: number;
  /** Longest wait between tries, whatever Retry-After says; default 30 s. */
  maxWaitMs?: number;
  log?: (line: string) => void;
  /** Aborted (a second signal): stop at once and report what is left. */
  signal?: AbortSignal;
}

export interface CleanupOutcome {
  cancelled: number;
  failed: number;
  /** Card ids still live, and `unanswered <operation> <idempotency key>` for outcomes that could not be resolved. */
  left: string[];
  /** Set when nothing needed cancelling by design (the built-in mock ends with the run). */
  notNeeded?: string;
}

interface CardToCancel {
  cardId: string;
  credential: CredentialName;
  onBehalfOf: string | null;
}

/** A card a scenario already cancelled answers this; it needs no cleanup. */
const GONE = new Set(['CANCELLED', 'PRE_CANCEL']);
/** Clocks differ: a card created up to this long before the request was recorded may still be its answer. */
const CLOCK_SKEW_MS = 10 * 60_000;
const MAX_LIST_PAGES = 20;

export async function cleanupRun(options: CleanupOptions): Promise<CleanupOutcome> {
  const outcome: CleanupOutcome = { cancelled: 0, failed: 0, left: [] };
  // A line that cannot be read may have named a card: it is counted as left, loudly, never skipped in silence.
  const records = readLedger(options.ledgerPath, (line) =>
    outcome.left.push(`(unreadable line ${line} of ${options.ledgerPath})`),
  );
  if (records.length === 0) return outcome;
  const client = new ApiClient(
    {
      baseUrl: options.baseUrl,
      credential: options.credential,
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxPerSecond ? { maxPerSecond: options.maxPerSecond } : {}),
    },
    loadCatalog().operations,
  );
  const retrying = (spec: RequestSpec) => sendWithRetries(client, spec, options);
  try {
    const cards = new Map<string, CardToCancel>();
    for (const r of records) {
      if (r.kind === 'card')
        cards.set(r.card_id, { cardId: r.card_id, credential: r.credential, onBehalfOf: r.on_behalf_of });
    }
    const found = await resolveUnanswered(records, cards, retrying, outcome);
    if (found) options.log?.(`cleanup: ${found} card(s) found behind requests whose answer never arrived`);
    for (const card of cards.values()) {
      if (options.signal?.aborted) {
        outcome.left.push(card.cardId);
        continue;
      }
      if (await cancel(card, retrying)) outcome.cancelled++;
      else {
        outcome.failed++;
        outcome.left.push(card.cardId);
      }
    }
  } finally {
    await client.close();
  }
  return outcome;
}

async function resolveUnanswered(
  records: LedgerRecord[],
  cards: Map<string, CardToCancel>,
  send: (spec: RequestSpec) => Promise<Observed | null>,
  outcome: CleanupOutcome,
): Promise<number> {
  const ownHolders = new Set(records.flatMap((r) => (r.kind === 'cardholder' ? [r.cardholder_id] : [])));
  // A retry with the same key that got a final answer settles the request: its card, if any, is in the ledger.
  const settled = new Set(
    records.flatMap((r) => (r.kind === 'settled' || r.kind === 'card' ? [r.idempotency_key ?? ''] : [])),
  );
  const listed = new Map<string, boolean>();
  let found = 0;
  for (const r of records) {
    if (r.kind !== 'unanswered' || (r.idempotency_key && settled.has(r.idempotency_key))) continue;
    const name = `unanswered ${r.operation} ${r.idempotency_key ?? '(no key)'}`;
    if (!r.cardholder_id) {
      outcome.left.push(`${name} (no cardholder id to look it up by)`);
      continue;
    }
    const listKey = `${r.cardholder_id}|${r.credential}|${r.on_behalf_of ?? ''}`;
    if (listed.has(listKey)) {
      if (!listed.get(listKey)) outcome.left.push(name);
      continue;
    }
    const since = Date.parse(r.sent_at) - CLOCK_SKEW_MS;
    const holderCards = await listCards(send, r.cardholder_id, r.credential, r.on_behalf_of);
    listed.set(listKey, holderCards !== null);
    if (holderCards === null) {
      outcome.left.push(name);
      continue;
    }
    for (const card of holderCards) {
      if (cards.has(card.card_id) || GONE.has(card.card_status)) continue;
      // A shared fixture cardholder may hold cards that are not this run's: only those issued since the request.
      if (!ownHolders.has(r.cardholder_id) && !(Date.parse(card.create_time) >= since)) continue;
      cards.set(card.card_id, { cardId: card.card_id, credential: r.credential, onBehalfOf: r.on_behalf_of });
      found++;
    }
  }
  return found;
}

interface ListedCard {
  card_id: string;
  card_status: string;
  create_time: string;
}

async function listCards(
  send: (spec: RequestSpec) => Promise<Observed | null>,
  cardholderId: string,
  credential: CredentialName,
  onBehalfOf: string | null,
): Promise<ListedCard[] | null> {
  const cards: ListedCard[] = [];
  for (let page = 1; page <= MAX_LIST_PAGES; page++) {
    const answer = await send({
      operation: 'List Cards',
      query: { cardholder_id: cardholderId, page_size: '100', page_number: String(page) },
      auth: { kind: 'credential', name: credential },
      ...(onBehalfOf ? { onBehalfOf } : {}),
    });
    const body = answer?.json as { data?: unknown; total_pages?: unknown } | undefined;
    if (answer?.status !== 200 || !Array.isArray(body?.data)) return null;
    cards.push(...(body.data as ListedCard[]).filter((c) => typeof c?.card_id === 'string'));
    if (typeof body.total_pages !== 'number' || page >= body.total_pages) return cards;
  }
  return cards;
}

function cancel(card: CardToCancel, send: Send): Promise<boolean> {
  const who = {
    auth: { kind: 'credential' as const, name: card.credential },
    ...(card.onBehalfOf ? { onBehalfOf: card.onBehalfOf } : {}),
  };
  return cancelCard(send, { cardId: card.cardId, who });
}

/** Environment trouble (no answer, 5xx, 429, token refused) is retried with the same key; null when it persists. */
async function sendWithRetries(
  client: ApiClient,
  spec: RequestSpec,
  options: CleanupOptions,
): Promise<Observed | null> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (options.signal?.aborted) return null;
    let wait = 250 * 2 ** attempt;
    try {
      const observed = await client.send(spec);
      if (observed.status !== 429 && observed.status < 500) return observed;
      const retryAfter = Number(observed.headers['retry-after']);
      if (Number.isFinite(retryAfter) && retryAfter > 0) wait = retryAfter * 1000;
      if (attempt === attempts) return observed;
    } catch (error) {
      if (!(error instanceof TargetError || error instanceof TokenError)) throw error;
      if (error instanceof TokenError)
        client.forgetToken(spec.auth?.kind === 'credential' ? spec.auth.name : 'default');
      if (attempt === attempts) return null;
    }
    await abortableSleep(Math.min(wait, options.maxWaitMs ?? 30_000), options.signal);
  }
  return null;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
