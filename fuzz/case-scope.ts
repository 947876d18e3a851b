// Each fuzz case runs in a scope of its own: an identity that derives from the property's seed and the case's
// place in fast-check's run (its run index, then the shrink steps), never from a clock, a counter shared with other
// properties or Math.random. Fresh values (unique phone numbers, emails, keys) and the generators' valid data are
// made from it, so the same UQPAY_SEED and UQPAY_FUZZ_PATH send the same request bytes, whichever other properties
// ran before or beside it. The scope also keeps the first failing case's error: its class is the verdict.

import { AsyncLocalStorage } from 'node:async_hooks';
import type fc from 'fast-check';

export interface CaseState {
  /** A 52-bit number unique to (property seed, property name, case), the root of every fresh value of the case. */
  key: number;
  /** Fresh values made so far in this case. */
  made: number;
  /** Things a property's cases reuse one after another (its data factory, reseeded per case). */
  perProperty: Map<string, unknown>;
  /** Things made for this case only. */
  perCase: Map<string, unknown>;
}

const store = new AsyncLocalStorage<CaseState>();

/** The running case, or null outside a fuzz case (arrange steps of a test, a scenario). */
export function currentCase(): CaseState | null {
  return store.getStore() ?? null;
}

/** A 52-bit FNV-1a hash: case keys that differ by one character land far apart. */
export function hash52(text: string): number {
  let hi = 0x811c9dc5;
  let lo = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    hi = Math.imul(hi ^ c, 16777619) >>> 0;
    lo = Math.imul(lo ^ (c + i), 16777619) >>> 0;
  }
  return (hi % 2 ** 20) * 2 ** 32 + lo;
}

// biome-ignore lint/suspicious/noExplicitAny: each property has its own value type
type AnyProperty = fc.IRawProperty<any, true>;

export interface ScopedProperty {
  property: AnyProperty;
  /** The error of the first failing case (before any shrinking), or undefined while none failed. */
  firstError(): unknown;
}

/**
 * The property with every case run in its own scope. Cases are identified by where fast-check found them: the run
 * index of a generated value ("7"), a shrink step below its parent ("7.0.3"), or an example ("e0"). While shrinking,
 * a case that fails in another way than the first failure (an environment error under a contract failure) counts as
 * not failing, so the shrunk counterexample keeps failing the way the first one did.
 */
export function scopedProperty(inner: AnyProperty, propertyKey: string): ScopedProperty {
  const ids = new WeakMap<object, string>();
  let pending: string | null = null;
  let examples = 0;
  let first: { error: unknown } | null = null;
  let lastFailed: string | null = null;
  const perProperty = new Map<string, unknown>();
  const property: AnyProperty = {
    isAsync: () => true,
    generate: (mrng, runId) => {
      const value = inner.generate(mrng, runId);
      const id = String(runId ?? 'g');
      ids.set(value, id);
      pending = id;
      return value;
    },
    shrink: (value) => {
      const parent = ids.get(value) ?? lastFailed ?? 'e';
      let index = 0;
      return inner.shrink(value).map((child) => {
        const id = `${parent}.${index++}`;
        ids.set(child, id);
        pending = id;
        return child;
      });
    },
    run: async (args) => {
      const id = pending ?? `e${examples++}`;
      pending = null;
      const state: CaseState = { key: hash52(`${propertyKey}|${id}`), made: 0, perProperty, perCase: new Map() };
      const outcome = await store.run(state, () => inner.run(args));
      if (!outcome || !('error' in outcome)) return outcome;
      if (!first) first = { error: outcome.error };
      else if (!sameKind(first.error, outcome.error)) return null;
      lastFailed = id;
      return outcome;
    },
    runBeforeEach: () => inner.runBeforeEach(),
    runAfterEach: () => inner.runAfterEach(),
  };
  return { property, firstError: () => first?.error };
}

function sameKind(a: unknown, b: unknown): boolean {
  return Object.getPrototypeOf(a ?? {}) === Object.getPrototypeOf(b ?? {});
}
