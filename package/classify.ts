// classify(answer): which documented errors is this answer? Every entry is judged with the suite's own oracle
// (harness/judge.ts: status, content type, envelope schema, type, code, message by kind, missing_fields), so the
// package never calls an answer an entry that the conformance run would fail.

import type { OperationName } from '../catalog/ids.ts';
import type { Observed } from '../contract/request.ts';
import { describeChecks, environmentTrouble, judge, type Verdict } from '../harness/judge.ts';
import { catalog, type Entry, type EntryPair, entryPairs } from './entries.ts';

/** Anything with the `forEach` of a fetch `Headers`, or a plain record such as Node's `IncomingHttpHeaders`. */
export type HeadersLike =
  | { forEach(callback: (value: string, name: string) => void): void }
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

export interface Answer {
  status: number;
  /** Without headers the content type is not judged; with them, a missing or non-JSON one fails as in the suite. */
  headers?: HeadersLike;
  /** The body as text, or already parsed from JSON. */
  body: unknown;
}

export interface ClassifyOptions {
  /** The operation the request was sent to: only the entries the page documents for it can match. */
  operation?: OperationName;
}

export interface ClassifyResult {
  /** Every documented error the answer is (several when entries share a body); empty when it is none. */
  matches: Entry[];
  /** Why nothing matched (only when `matches` is empty). */
  reason?: string;
}

export function classify(answer: Answer, options: ClassifyOptions = {}): ClassifyResult {
  const observed = toObserved(answer);
  const { operation } = options;
  if (operation !== undefined && !catalog.operations.some((o) => o.name === operation)) {
    throw new TypeError(`classify: unknown operation ${JSON.stringify(operation)}`);
  }
  const judged = entryPairs.map((pair) => ({ pair, verdict: withoutUnknowns(judge(pair.source, observed), answer) }));
  const passed = judged.filter((j) => j.verdict.outcome === 'pass').map((j) => j.pair.entry);
  const matches =
    operation === undefined ? passed : mostSpecific(passed.filter((e) => e.operations.includes(operation)));
  if (matches.length > 0) return { matches };
  return { matches, reason: noMatchReason(observed, judged, passed, operation) };
}

/** Without headers the content type is unknown, not missing: the verdict then leaves that one check out. */
function withoutUnknowns(verdict: Verdict, answer: Answer): Verdict {
  if (answer.headers !== undefined || verdict.outcome !== 'fail') return verdict;
  const checks = verdict.checks.filter((c) => c.check !== 'content_type');
  return checks.length === 0
    ? { outcome: 'pass', reason: '', checks }
    : { ...verdict, reason: describeChecks(checks), checks };
}

/**
 * For one operation, a row of the operation's own section outranks a general row that the same answer also fits
 * (the 429 "Request is too frequent" of Create PAN Token is the card row, not the general one).
 */
function mostSpecific(matches: Entry[]): Entry[] {
  const specific = matches.filter((e) => e.section !== 'general');
  return specific.length > 0 ? specific : matches;
}

function noMatchReason(
  observed: Observed,
  judged: { pair: EntryPair; verdict: Verdict }[],
  elsewhere: Entry[],
  operation: OperationName | undefined,
): string {
  const trouble = environmentTrouble(observed);
  if (trouble) return trouble;
  if (elsewhere.length > 0) {
    return `the answer is ${elsewhere.map((e) => e.id).join(' or ')}, which the page does not document for ${operation}`;
  }
  const json = observed.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'the body is not a JSON object';
  const nearest = judged
    .filter((j) => j.verdict.outcome === 'fail')
    .sort((a, b) => a.verdict.checks.length - b.verdict.checks.length)[0];
  const nearestText = nearest ? `; the nearest is ${nearest.pair.entry.id} (${nearest.verdict.reason})` : '';
  return `no documented error has this status, envelope, type, code and message${nearestText}`;
}

function toObserved(answer: Answer): Observed {
  if (!Number.isInteger(answer?.status) || answer.status < 100 || answer.status > 599) {
    throw new TypeError('classify: answer.status must be an HTTP status code (an integer from 100 to 599)');
  }
  const { body } = answer;
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  return {
    status: answer.status,
    headers: lowerCaseHeaders(answer.headers),
    text,
    json: typeof body === 'string' ? parseJson(body) : body,
    durationMs: 0,
    request: { method: '', path: '', headers: {}, idempotencyKey: null },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function lowerCaseHeaders(headers: HeadersLike | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (typeof headers.forEach === 'function') {
    (headers as { forEach(callback: (value: string, name: string) => void): void }).forEach((value, name) => {
      out[name.toLowerCase()] = value;
    });
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}
