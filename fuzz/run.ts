// Runs fuzz properties with fast-check against one target: each property gets its own seed (derived from the
// run's seed and its name, so adding a property never changes another's cases), a run count capped by the run's
// size and the property's own maximum, and a result with the shrunk counterexample, its path and a redacted curl.

import fc from 'fast-check';
import { ConfigError } from '../harness/config.ts';
import { redactText } from '../harness/redact.ts';
import { type ScopedProperty, scopedProperty } from './case-scope.ts';
import { curlCommand } from './curl.ts';
import {
  CaseEnvironmentError,
  CaseFailure,
  CaseSkipped,
  type FuzzContext,
  type FuzzProperty,
  PropertyCrash,
  type PropertyKind,
} from './types.ts';

/** skip: the property needs a fixture the settings do not name (the reason names the setting). */
export type FuzzOutcome = 'pass' | 'fail' | 'error' | 'skip';

export interface PropertyResult {
  name: string;
  entry: string | null;
  operation: string;
  kind: PropertyKind;
  note: string | null;
  /** Cases fast-check ran (generated runs; shrinking steps are counted in shrinks). */
  runs: number;
  shrinks: number;
  outcome: FuzzOutcome;
  seed: number;
  /** fast-check's path to the counterexample: replay with UQPAY_SEED, --filter and UQPAY_FUZZ_PATH. */
  path: string | null;
  /** The shrunk counterexample, redacted and shortened. */
  counterexample: string | null;
  reason: string | null;
  curl: string | null;
  duration_ms: number;
}

export interface RunOptions {
  seed: number;
  numRuns: number;
  baseUrl: string;
  /** Properties run at once (each one's cases run in order). */
  concurrency: number;
  /** false: report the first failing case without shrinking it (tests that only need a falsification). */
  shrink?: boolean;
  /**
   * false: no edge examples first, only generated cases (the kill-rate proof: a moved boundary must be found by
   * generation, not by the example that names it).
   */
  examples?: boolean;
  /** Replays one counterexample path (with a filter that selects one property). */
  path?: string;
  onResult?: (result: PropertyResult) => void;
}

export async function runProperties(
  properties: readonly FuzzProperty[],
  fz: FuzzContext,
  options: RunOptions,
): Promise<PropertyResult[]> {
  const results: PropertyResult[] = new Array(properties.length);
  const order = startOrder(properties, options);
  let next = 0;
  const worker = async () => {
    while (next < properties.length) {
      const index = order[next++] as number;
      const property = properties[index] as FuzzProperty;
      try {
        const result = await runOne(property, fz, options);
        results[index] = result;
        options.onResult?.(result);
      } catch (crash) {
        next = properties.length; // a crash (a bug of ours) stops the run once the properties under way end
        throw crash;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  const crashed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (crashed) throw crashed.reason;
  return results;
}

/**
 * The order properties start in (results stay in the given order). One at a time: as given. Several at once: the
 * longest first (most runs; the model, whose cases are whole command sequences, before all), so that the run does
 * not end with one long property going on alone while the others are done.
 */
function startOrder(properties: readonly FuzzProperty[], options: RunOptions): number[] {
  const indices = properties.map((_, i) => i);
  if (options.concurrency <= 1) return indices;
  const weight = (p: FuzzProperty) =>
    (p.kind === 'model' ? 1e9 : 0) + Math.min(options.numRuns, p.maxRuns ?? options.numRuns);
  return indices.sort((a, b) => weight(properties[b] as FuzzProperty) - weight(properties[a] as FuzzProperty));
}

export function propertySeed(runSeed: number, name: string): number {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((runSeed ^ hash) >>> 0) % 2 ** 31;
}

async function runOne(property: FuzzProperty, fz: FuzzContext, options: RunOptions): Promise<PropertyResult> {
  const started = performance.now();
  const seed = propertySeed(options.seed, property.name);
  const base = {
    name: property.name,
    entry: property.entry,
    operation: property.operation,
    kind: property.kind,
    note: property.note ?? null,
    seed,
  };
  let built: ReturnType<FuzzProperty['build']>;
  try {
    built = property.build(fz);
  } catch (bug) {
    throw new PropertyCrash(property.name, bug);
  }
  let checked: Checked;
  try {
    checked = await check(property, built, seed, options);
  } catch (error) {
    return { ...base, ...checkFailed(property, error, options), duration_ms: ms(started) };
  }
  const { details } = checked;
  const common = { ...base, runs: details.numRuns, shrinks: details.numShrinks, duration_ms: ms(started) };
  return { ...common, ...verdict(property, checked, options.baseUrl) };
}

interface Checked {
  details: fc.RunDetails<unknown>;
  scoped: ScopedProperty;
}

/** The property checked at its seed: the run's number of runs (its own cap), examples, replay path and shrinking. */
async function check(
  property: FuzzProperty,
  built: ReturnType<FuzzProperty['build']>,
  seed: number,
  options: RunOptions,
): Promise<Checked> {
  const numRuns = Math.max(1, Math.min(options.numRuns, property.maxRuns ?? Number.POSITIVE_INFINITY));
  const scoped = scopedProperty(built, `${seed}|${property.name}`);
  const details = await fc.check(scoped.property, {
    seed,
    numRuns,
    ...(property.examples && options.examples !== false ? { examples: property.examples as never } : {}),
    ...(options.path ? { path: options.path } : {}),
    ...(options.shrink === false ? { endOnFailure: true } : {}),
  });
  return { details, scoped };
}

type Verdict = Pick<PropertyResult, 'outcome' | 'path' | 'counterexample' | 'reason' | 'curl'>;

/** fc.check threw: an error of the run, unless a replay path does not fit (bad configuration). */
function checkFailed(property: FuzzProperty, error: unknown, options: RunOptions): Verdict & { runs: 0; shrinks: 0 } {
  // fc.check throws on a replay path that does not fit this property: bad configuration, not the target's answer.
  if (options.path && /^Unable to replay/u.test((error as Error).message)) {
    throw new ConfigError(`UQPAY_FUZZ_PATH ${options.path} does not fit property "${property.name}" at this seed`);
  }
  return {
    runs: 0,
    shrinks: 0,
    outcome: 'error',
    path: null,
    counterexample: null,
    reason: (error as Error).message,
    curl: null,
  };
}

/** The property's verdict: the first failing case's (a failure or an environment error), or a skip; a bug crashes. */
function verdict(property: FuzzProperty, { details, scoped }: Checked, baseUrl: string): Verdict {
  if (!details.failed) return { outcome: 'pass', path: null, counterexample: null, reason: null, curl: null };
  // The verdict is the first failing case's; the shrunk case (which failed the same way) is the evidence.
  const first = scoped.firstError() ?? details.errorInstance;
  const error = details.errorInstance;
  if (first instanceof CaseSkipped)
    return { outcome: 'skip', path: null, counterexample: null, reason: first.message, curl: null };
  if (!(first instanceof CaseFailure || first instanceof CaseEnvironmentError))
    throw new PropertyCrash(property.name, first);
  const sent = error instanceof CaseFailure || error instanceof CaseEnvironmentError ? error.sent : null;
  return {
    outcome: first instanceof CaseFailure ? 'fail' : 'error',
    path: details.counterexamplePath,
    counterexample: details.counterexample ? shorten(redactText(fc.stringify(details.counterexample))) : null,
    reason: error instanceof Error ? error.message : String(error),
    curl: sent ? curlCommand(baseUrl, sent) : null,
  };
}

function shorten(text: string): string {
  return text.length > 600 ? `${text.slice(0, 600)}…(${text.length} characters)` : text;
}

function ms(started: number): number {
  return Math.round(performance.now() - started);
}
