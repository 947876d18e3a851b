// Values a fuzz case sends. Most are plain JSON; a Fresh value is made when the case is sent (unique phone numbers,
// emails, reference ids, dates relative to now), so a twin never collides with an earlier case. ABSENT removes the
// field. Fields are addressed as "body:a.b.c", "query:page_size" or "header:x-idempotency-key".

import fc from 'fast-check';
import type { RequestSpec } from '../contract/request.ts';
import type { ScenarioContext } from '../generators/types.ts';
import { provideIdempotencyKeys } from '../harness/idempotency-keys.ts';
import { type CaseState, currentCase, hash52 } from './case-scope.ts';

export const ABSENT = Symbol.for('uqpay.fuzz.absent');

export class Fresh {
  constructor(
    readonly label: string,
    readonly make: (ctx: ScenarioContext) => unknown | Promise<unknown>,
  ) {}

  [fc.toStringMethod](): string {
    return `<${this.label}>`;
  }

  toJSON(): string {
    return `<${this.label}>`;
  }
}

/** Outside a fuzz case (a test's own arrange step): one scope per process, from a fixed key. */
const outsideCase: CaseState = {
  key: hash52('outside any fuzz case'),
  made: 0,
  perProperty: new Map(),
  perCase: new Map(),
};

/** The next fresh number of the running case: its key plus how many it has made, unique within the run. */
function nextFresh(): { key: number; n: number } {
  const state = currentCase() ?? outsideCase;
  state.made += 1;
  return { key: state.key, n: state.made };
}

/** Digits of exactly `length`, from the case's seed (for phone numbers; unique while 10^length allows). */
export function uniqueDigits(length: number): string {
  const { key, n } = nextFresh();
  return String((key + n * 7919) % 10 ** Math.min(length, 15))
    .padStart(length, '0')
    .slice(-length);
}

/** Letters and digits of exactly `length` (≥ 6), from the case's seed (reference ids, idempotency keys). */
export function uniqueText(length: number): string {
  const { key, n } = nextFresh();
  const tail = `${key.toString(36)}${n.toString(36)}`;
  return tail.length >= length ? tail.slice(-length) : `${'r'.repeat(length - tail.length)}${tail}`;
}

// Keys the harness adds to a case's requests (arrange steps included) come from the case too.
provideIdempotencyKeys(() => (currentCase() ? uniqueText(36) : null));

export function uniqueEmail(): string {
  const { key, n } = nextFresh();
  return `fuzz.${key.toString(36)}.${n}@example.com`;
}

/** Replaces Fresh values (deeply) by what they make now. */
export async function materialise(value: unknown, ctx: ScenarioContext): Promise<unknown> {
  if (value instanceof Fresh) return value.make(ctx);
  if (Array.isArray(value)) return Promise.all(value.map((v) => materialise(v, ctx)));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await materialise(v, ctx)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * The request with `value` at `field` (ABSENT deletes). The request given is never changed: the objects on the
 * field's path are copied, the rest of the body is shared with it (nothing writes into a request once built, and a
 * deep copy of the whole body per case was a visible share of a fuzz run's CPU).
 */
export function withField(spec: RequestSpec, field: string, value: unknown): RequestSpec {
  const [where, path = ''] = split(field);
  const next: RequestSpec = { ...spec };
  if (where === 'query') {
    const query = { ...spec.query };
    if (value === ABSENT) delete query[path];
    else query[path] = String(value);
    next.query = query;
    return next;
  }
  if (where === 'header') {
    if (path === 'x-idempotency-key') next.idempotencyKey = value === ABSENT ? null : String(value);
    else next.headers = { ...spec.headers, [path]: String(value) };
    return next;
  }
  next.body = withPath((spec.body ?? {}) as Record<string, unknown>, path.split('.'), value);
  return next;
}

/** A copy of `target` with `value` at `keys`: each object (or array) on the path is copied, nothing else is. */
export function withPath(target: Record<string, unknown>, keys: string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = keys;
  const copy = (Array.isArray(target) ? [...target] : { ...target }) as Record<string, unknown>;
  if (key === undefined) return copy;
  if (rest.length === 0) {
    if (value === ABSENT) delete copy[key];
    else copy[key] = value;
    return copy;
  }
  const child = target[key];
  copy[key] = withPath(child && typeof child === 'object' ? (child as Record<string, unknown>) : {}, rest, value);
  return copy;
}

export function split(field: string): ['body' | 'query' | 'header', string] {
  const at = field.indexOf(':');
  return [field.slice(0, at) as 'body' | 'query' | 'header', field.slice(at + 1)];
}

/** 2-decimal money in [min, max], as a number. */
export function money(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((cents) => cents / 100);
}

/** A number with exactly three decimals (the third not 0) in (0, max). */
export function threeDecimals(max: number): fc.Arbitrary<number> {
  return fc
    .integer({ min: 1, max: max * 1000 })
    .filter((m) => m % 10 !== 0)
    .map((m) => m / 1000);
}

export const letters = (min: number, max: number) =>
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
    minLength: min,
    maxLength: max,
  });
