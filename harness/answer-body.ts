// Reading an answer safely: the cap on its body (a runaway body must not fill memory; exchange.ts reads up to it),
// recognising (through the catalog) the vendor's answers to a superseded token and to a refused client, and how long
// a 429 or 5xx asks to be left alone.

import type { EntryId } from '../catalog/ids.ts';
import { loadCatalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { Observed } from '../contract/request.ts';
import { answersWith } from './judge.ts';

/** Larger answers are cut off here: no documented answer comes near it. */
export const BODY_CAP_BYTES = 1024 * 1024;

// What an answer means for the client's token is read from the catalog, not from statuses or texts written here.
const LOGIN_EXPIRED: EntryId = 'general.b.login_expired';
const UNAUTHORIZED: EntryId = 'general.unauthorized_error';

function catalogEntry(id: EntryId): CatalogEntry {
  const entry = loadCatalog().entryById.get(id);
  if (!entry) throw new Error(`the catalog has no entry ${id}`);
  return entry;
}

/** The vendor's answer to a superseded token: the catalog's general.b.login_expired, exactly. */
export function isLoginExpired(observed: Observed): boolean {
  return answersWith(catalogEntry(LOGIN_EXPIRED), observed);
}

/**
 * The documented 401 (general.unauthorized_error) to a request that carried a token just minted for the configured
 * credential: the target refuses this client (its IP, its credentials, its token service), not one request.
 */
export function isClientRefused(observed: Observed): boolean {
  return answersWith(catalogEntry(UNAUTHORIZED), observed);
}

/** The one line that says what the documented 401 means for this run, and what to check. */
export function clientRefusedReason(): string {
  const entry = catalogEntry(UNAUTHORIZED);
  const code = entry.envelope === 'A' ? `${entry.type}` : String(entry.code);
  return (
    `the target refused this client's requests (${entry.status} ${code}: "${entry.message}") with a token it had just ` +
    'minted: check the sandbox IP allowlist and the credentials'
  );
}

/** The wait before retrying a 429/5xx: its Retry-After (at most 30 s), else 0.5 s, 1 s, 2 s … by attempt. */
export function retryDelayMs(observed: Observed, attempt: number): number {
  const retryAfter = Number(observed.headers['retry-after']);
  return Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 30) * 1000 : 250 * 2 ** attempt;
}

/** Waits the given milliseconds before a retry: a real timer, unless a client was given another (ClientConfig). */
export type RetryPause = (ms: number) => Promise<void>;

export const realPause: RetryPause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends again while the answer is a 429 or 5xx (honouring retryDelayMs), at most `retries` more times. */
export async function resendWhileTrouble(
  send: () => Promise<Observed>,
  retries = 3,
  pause: RetryPause = realPause,
): Promise<Observed> {
  let observed = await send();
  for (let attempt = 1; attempt <= retries && (observed.status === 429 || observed.status >= 500); attempt++) {
    await pause(retryDelayMs(observed, attempt));
    observed = await send();
  }
  return observed;
}

/** "500 code \"api_error\"" or "502 text/html body": the status and the body's error code, for a reason line. */
export function statusAndCode(observed: Observed): string {
  const code = (observed.json as { code?: unknown } | undefined)?.code;
  if (code !== undefined) return `${observed.status} code ${JSON.stringify(code)}`;
  const type = observed.headers['content-type']?.split(';')[0] ?? 'unlabelled';
  return `${observed.status} without an error code (${observed.text.trim() === '' ? 'empty' : type} body)`;
}
