// Drift between the vendor's page and what the target actually does, as data for results.json and drift.md:
// undocumented error answers (deduplicated by body, with the operations that gave them), documented entries whose
// observed message differs from the page, and entries and pairs this run never exercised, with the reason.

import type { Catalog } from '../catalog/load.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { SkipCategory } from '../contract/fixture-provider.ts';
import type { Outcome } from '../harness/judge.ts';
import { redactValue } from '../harness/redact.ts';
import type { Undocumented } from '../harness/session.ts';
import { unlockingSetting } from './skip-groups.ts';

export interface DriftCase {
  title: string;
  entry: string;
  operation: string;
  outcome: Outcome;
  reason: string;
  /** A skip's kind and unlocking setting (contract/fixture-provider.ts), read instead of the reason text. */
  skip?: SkipCategory;
  checks: { check: string; expected: unknown; got: unknown }[];
  observed: { status: number; type: unknown; code: unknown; message: unknown } | null;
}

export interface UndocumentedAnswer {
  status: number;
  body: unknown;
  count: number;
  operations: { operation: string; count: number }[];
}

export interface MessageDrift {
  entry: string;
  /** The page's message. */
  expected: string;
  observed: string;
  /** Where it was seen: the failing cases' titles, or "<operation> (setup or other case)" for passive sightings. */
  seen_in: string[];
}

export interface NotExercised {
  entry: string;
  /** The operation, or "*" for a general row (every operation). */
  operation: string;
  reason: string;
}

export interface Drift {
  undocumented: UndocumentedAnswer[];
  message_drift: MessageDrift[];
  never_exercised: { entries: NotExercised[]; pairs: NotExercised[] };
}

export function buildDrift(
  catalog: Catalog,
  cases: readonly DriftCase[],
  undocumented: readonly (Undocumented & { seen_in: string })[],
): Drift {
  const failures = cases.filter((c) => c.outcome === 'fail' && c.observed);
  const answers = new Map<string, UndocumentedAnswer>();
  const drift = new Map<string, MessageDrift>();
  for (const u of undocumented) {
    // Already reported as the failure of the case that expected an entry here: listed there, not twice.
    if (failures.some((c) => u.seen_in === `${c.operation} › ${c.entry}` && sameAnswer(u, c))) continue;
    const known = knownEntryWithOtherMessage(catalog, u);
    if (known) {
      addDrift(drift, known.id, known.message ?? '', String((u.body as { message: unknown }).message), u.operation);
      continue;
    }
    const key = JSON.stringify([u.status, u.body]);
    const answer = answers.get(key) ?? { status: u.status, body: u.body, count: 0, operations: [] };
    answer.count++;
    const op = answer.operations.find((o) => o.operation === u.operation);
    if (op) op.count++;
    else answer.operations.push({ operation: u.operation, count: 1 });
    answers.set(key, answer);
  }
  for (const c of failures) {
    const message = c.checks.find((k) => k.check === 'message');
    const sameError = !c.checks.some((k) => ['status', 'type', 'code'].includes(k.check));
    if (message && sameError && typeof message.expected === 'string' && typeof message.got === 'string') {
      addDrift(drift, c.entry, message.expected, message.got, c.title);
    }
  }
  return {
    undocumented: [...answers.values()].sort((a, b) => b.count - a.count),
    message_drift: [...drift.values()],
    never_exercised: neverExercised(catalog, cases),
  };
}

function addDrift(drift: Map<string, MessageDrift>, entry: string, expected: string, observed: string, at: string) {
  const key = JSON.stringify([entry, observed]);
  const item = drift.get(key) ?? { entry, expected, observed, seen_in: [] };
  if (!item.seen_in.includes(at)) item.seen_in.push(at);
  drift.set(key, item);
}

/** Whether an undocumented answer is the (redacted) faulty answer of a failing case. */
function sameAnswer(u: Undocumented, c: DriftCase): boolean {
  const body = (u.body ?? {}) as Record<string, unknown>;
  const seen = redactValue({ type: c.observed?.type, code: c.observed?.code, message: c.observed?.message }) as Record<
    string,
    unknown
  >;
  return u.status === c.observed?.status && ['type', 'code', 'message'].every((k) => body[k] === seen[k]);
}

/**
 * The one documented entry an answer names by status, type and code (envelope A, where that triple is specific),
 * when only its message differs from the page. Envelope B codes are shared by many entries: no attribution there.
 */
function knownEntryWithOtherMessage(catalog: Catalog, u: Undocumented): CatalogEntry | null {
  const body = u.body as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || typeof body.message !== 'string' || typeof body.type !== 'string')
    return null;
  const candidates = catalog.entries.filter(
    (e) => e.envelope === 'A' && e.status === u.status && e.type === body.type && e.code === body.code,
  );
  const [only] = candidates;
  return candidates.length === 1 && only && only.message_kind === 'exact' ? only : null;
}

/** Documented entries and pairs that no case of this run judged (passed or failed), with why. */
function neverExercised(catalog: Catalog, cases: readonly DriftCase[]): Drift['never_exercised'] {
  const byPair = new Map<string, DriftCase[]>();
  const byEntry = new Map<string, DriftCase[]>();
  for (const c of cases) {
    const general = catalog.entryById.get(c.entry)?.operations === '*';
    const key = `${c.entry}|${general ? '*' : c.operation}`;
    byPair.set(key, [...(byPair.get(key) ?? []), c]);
    byEntry.set(c.entry, [...(byEntry.get(c.entry) ?? []), c]);
  }
  const entries: NotExercised[] = [];
  const pairs: NotExercised[] = [];
  for (const entry of catalog.entries) {
    const entryReason = whyNotJudged(byEntry.get(entry.id) ?? []);
    if (entryReason) entries.push({ entry: entry.id, operation: '*', reason: entryReason });
    for (const operation of entry.operations === '*' ? ['*'] : entry.operations) {
      const reason = whyNotJudged(byPair.get(`${entry.id}|${operation}`) ?? []);
      if (reason) pairs.push({ entry: entry.id, operation, reason });
    }
  }
  return { entries, pairs };
}

export const NOT_SELECTED = 'not run: no case of it was selected in this run (--filter)';

function whyNotJudged(cases: readonly DriftCase[]): string | null {
  if (cases.length === 0) return NOT_SELECTED;
  if (cases.some((c) => c.outcome === 'pass' || c.outcome === 'fail')) return null;
  return [...new Set(cases.map(notJudgedReason))].join('; ');
}

function notJudgedReason(c: DriftCase): string {
  if (c.outcome !== 'skip') return `error: ${c.reason}`;
  const unlock = unlockingSetting(c);
  return unlock === c.reason ? `skipped: ${c.reason}` : `skipped: needs ${unlock}`;
}
