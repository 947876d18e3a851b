// A documented validation rule as data: the catalog entry it produces, the operation and field it sits on, values
// just outside and just inside its boundary, and the edge pair a rule variant of the mock moves by one unit.

import type fc from 'fast-check';
import type { OperationName } from '../../catalog/ids.ts';
import type { RequestSpec } from '../../contract/request.ts';
import type { ScenarioContext } from '../../generators/types.ts';
import { ABSENT } from '../values.ts';

export interface Edge {
  /** The value one unit outside the boundary (always among the generated outside values). */
  outside: unknown;
  /** The value one unit inside (always among the generated inside values). */
  inside: unknown;
  /** Is a sent value the outside edge? (used by the mock variant that widens the rule by one unit) */
  isOutside(value: unknown): boolean;
  /** What a target whose boundary is one unit wider would have accepted instead. */
  toInside(value: unknown): unknown;
  /** Is a sent value the inside edge? (used by the variant that narrows the rule by one unit) */
  isInside(value: unknown): boolean;
  /** What a target whose boundary is one unit narrower would have refused instead. */
  toOutside(value: unknown): unknown;
}

export interface Rule {
  /** Catalog entry id the rule produces; its status, type, code and message come from the catalog. */
  entry: string;
  operation: OperationName;
  /** Short subject, unique per entry + operation ("first_name length"). */
  subject: string;
  /** "body:a.b", "query:name" or "header:x-idempotency-key". */
  field: string;
  /** The valid request the value goes into; default the generators' valid request for the operation. */
  base?: (ctx: ScenarioContext) => Promise<RequestSpec>;
  /** Other fields (valid) that make the rule apply, as field → value; made fresh for every case. */
  context?: (ctx: ScenarioContext) => Promise<Record<string, unknown>> | Record<string, unknown>;
  outside: fc.Arbitrary<unknown>;
  /** Values just inside the boundary (the twin's input). */
  inside: fc.Arbitrary<unknown>;
  edge: Edge;
  /** Where the boundary lies, in words. */
  boundary: string;
  /** Who says so: the vendor page, the SDKs / API reference, or (page silent) the mock, recorded in RULES.md. */
  source: 'page' | 'sdk' | 'mock';
  /** Most runs of the outside property (each case is costly, e.g. a 2 MiB document). */
  runs?: number;
  /** Most twin runs (each may create a card, spend, …). */
  twinRuns?: number;
  /**
   * The value sent, made from the generated one and the base request (e.g. an activation code one digit off the
   * card's own). Absent: the generated value is sent. The edge's isOutside / isInside look at the value sent.
   */
  derive?: (generated: unknown, base: RequestSpec) => unknown;
  /** Where the sources disagree about this boundary: what the rule follows, and who says otherwise. */
  disagreement?: Disagreement;
}

export interface Disagreement {
  /** What the rule follows (the page, the contract under test). */
  follows: string;
  /** What the other sources say or do. */
  others: string;
  /** Where each side says so. */
  sources: string[];
}

/** A rewrite that drops the field (mock/rule-variants.ts's REMOVE; the same registered symbol). */
export const REMOVED = Symbol.for('uqpay.mock.remove');

const same = (a: unknown) => (b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An edge between a field left out (outside) and a value (inside); the narrowed rule drops the inside value. */
export function absentEdge(inside: unknown, isInside: (v: unknown) => boolean, toInside: () => unknown): Edge {
  return {
    outside: ABSENT,
    inside,
    isOutside: (v) => v === undefined,
    toInside,
    isInside,
    toOutside: () => REMOVED,
  };
}

/** An edge between two constant values. */
export function constEdge(outside: unknown, inside: unknown): Edge {
  return {
    outside,
    inside,
    isOutside: same(outside),
    toInside: () => inside,
    isInside: same(inside),
    toOutside: () => outside,
  };
}

/** An edge by string length (maxInside characters allowed); pad/trim keeps the value's own characters. */
export function lengthEdge(maxInside: number, outside: unknown, inside: unknown, pad = 'a'): Edge {
  const len = (v: unknown) => (typeof v === 'string' ? v.length : -1);
  return {
    outside,
    inside,
    isOutside: (v) => len(v) === maxInside + 1,
    toInside: (v) => (v as string).slice(0, maxInside),
    isInside: (v) => len(v) === maxInside,
    toOutside: (v) => `${v as string}${pad}`,
  };
}

/** An edge by minimum string length (minInside characters needed). */
export function minLengthEdge(minInside: number, outside: unknown, inside: unknown): Edge {
  const len = (v: unknown) => (typeof v === 'string' ? v.length : -1);
  return {
    outside,
    inside,
    isOutside: (v) => len(v) === minInside - 1,
    toInside: (v) => `${v as string}z`,
    isInside: (v) => len(v) === minInside,
    toOutside: (v) => (v as string).slice(0, minInside - 1),
  };
}

/** Decimal places of a number as JSON writes it (1.005 → 3, 2 → 0). */
function decimalPlaces(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return -1;
  const [mantissa = '', exponent] = String(value).split('e');
  const places = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, places - Number(exponent ?? 0));
}

/**
 * An edge by precision (at most `places` decimals): the whole class moves, not one value. Outside edge: every number
 * with one decimal more (a target one unit wider takes it, cut to `places`); inside edge: every number with exactly
 * `places` decimals (a target one unit narrower refuses it, as if it carried one decimal more).
 */
export function decimalsEdge(places: number, outside: number, inside: number): Edge {
  const unit = 10 ** -places;
  return {
    outside,
    inside,
    isOutside: (v) => decimalPlaces(v) === places + 1,
    toInside: (v) => {
      const cut = Math.trunc((v as number) / unit) * unit;
      return Number((cut === 0 ? unit : cut).toFixed(places));
    },
    isInside: (v) => decimalPlaces(v) === places,
    toOutside: (v) => Number(((v as number) + Math.sign(v as number) * unit * 0.1).toFixed(places + 1)),
  };
}
