// The mutation score of the suite's judge: every catalog entry broken in every defect class (mock/variants.ts),
// all served by one mock that picks the variant per request (VARIANT_HEADER), each judged by the entry's first
// scenario. A defect is caught when the case FAILS: an error (environment) or a pass lets it survive.

import { loadCatalog } from '../catalog/load.ts';
import { allScenarios } from '../generators/index.ts';
import type { Scenario } from '../generators/types.ts';
import type { RetryPause } from '../harness/answer-body.ts';
import type { ApiClient } from '../harness/client.ts';
import type { CheckName } from '../harness/judge.ts';
import { mapConcurrent } from '../harness/pool.ts';
import { type CaseResult, type RunEnvironment, runScenario } from '../harness/run-scenario.ts';
import { createSession } from '../harness/session.ts';
import { startMock } from '../mock/server.ts';
import { DEFECT_KINDS, type DefectKind, defectVariant, type MockVariant, VARIANT_HEADER } from '../mock/variants.ts';

export interface Survivor {
  variant: string;
  /** The case's outcome; "fail by <checks>" when it failed, but not by the check that owns the defect. */
  outcome: CaseResult['outcome'] | `fail by ${string}`;
  reason: string;
}

export interface ClassScore {
  kind: DefectKind;
  caught: number;
  total: number;
  survivors: Survivor[];
}

export interface SelfcheckResult {
  classes: ClassScore[];
  caught: number;
  total: number;
  /** Entries whose scenario does not pass against the conformant mock: their defects cannot be judged. */
  baselineBroken: Survivor[];
}

export interface SelfcheckOptions {
  seed: number;
  concurrency: number;
  kinds?: readonly DefectKind[];
  /** Only entries whose id contains this text. */
  entryFilter?: string;
  /** Only these entries. */
  entries?: readonly string[];
  onProgress?: (done: number, total: number) => void;
  /** How retries wait their backoff (SessionOptions.retryPause); a real timer when absent, as npm run selfcheck. */
  retryPause?: RetryPause;
}

/** The checks that must catch each defect class (more than one where the envelope decides which speaks first). */
export const OWN_CHECKS: Readonly<Record<DefectKind, readonly CheckName[]>> = {
  status: ['status'],
  // Envelope B has no type key: a type there breaks the closed envelope.
  type: ['type', 'envelope'],
  code: ['code'],
  message: ['message'],
  'message-case': ['message'],
  'message-period': ['message'],
  'message-trailing-space': ['message'],
  'message-apostrophe': ['message'],
  'envelope-swap': ['envelope', 'type'],
  'code-as-string': ['code'],
  'missing-message': ['message'],
  'missing-fields': ['missing_fields'],
  'undocumented-missing-fields': ['envelope'],
  'extra-field': ['envelope'],
  'content-type-html': ['content_type'],
  'no-content-type': ['content_type'],
  'empty-body': ['body'],
  'non-json-body': ['body'],
  'other-documented-body': ['status', 'type', 'code', 'message'],
  'answered-200': ['status'],
  'twin-rejected': ['twin'],
};

export async function selfcheck(options: SelfcheckOptions): Promise<SelfcheckResult> {
  const catalog = loadCatalog();
  const first = new Map<string, Scenario>();
  for (const scenario of allScenarios) if (!first.has(scenario.entry)) first.set(scenario.entry, scenario);
  const entries = catalog.entries.filter(
    (e) =>
      first.has(e.id) &&
      e.id.includes(options.entryFilter ?? '') &&
      (!options.entries || options.entries.includes(e.id)),
  );
  const kinds = options.kinds ?? DEFECT_KINDS;
  const cases = entries.flatMap((entry) =>
    kinds.flatMap((kind) => {
      const variant = defectVariant(entry, kind, catalog);
      const scenario = first.get(entry.id);
      return variant && scenario ? [{ kind, variant, scenario }] : [];
    }),
  );
  const mock = await startMock({ seed: options.seed, variants: cases.map((c) => c.variant) }, catalog);
  const session = createSession({
    baseUrl: mock.baseUrl,
    kind: 'mock',
    seed: options.seed,
    ...(options.retryPause ? { retryPause: options.retryPause } : {}),
  });
  try {
    const baseline = await mapConcurrent(entries, options.concurrency, async (entry) => {
      const result = await runScenario(first.get(entry.id) as Scenario, session.env);
      return { variant: `${entry.id}:none`, outcome: result.outcome, reason: result.reason };
    });
    let done = 0;
    const outcomes = await mapConcurrent(cases, options.concurrency, async ({ variant, scenario }) => {
      const result = await runScenario(scenario, underVariant(session.env, variant));
      options.onProgress?.(++done, cases.length);
      return result;
    });
    const classes = kinds.map((kind): ClassScore => {
      const mine = cases.map((c, i) => ({ c, r: outcomes[i] as CaseResult })).filter(({ c }) => c.kind === kind);
      // Caught means failed by its own check: a status defect by the status check, and so on.
      const survivors = mine
        .filter(({ r }) => r.outcome !== 'fail' || !r.checks.some((f) => OWN_CHECKS[kind].includes(f.check)))
        .map(({ c, r }) => ({
          variant: c.variant.name,
          outcome: r.outcome === 'fail' ? (`fail by ${r.checks.map((f) => f.check).join('+')}` as const) : r.outcome,
          reason: r.reason,
        }));
      return { kind, caught: mine.length - survivors.length, total: mine.length, survivors };
    });
    return {
      classes,
      caught: classes.reduce((n, c) => n + c.caught, 0),
      total: classes.reduce((n, c) => n + c.total, 0),
      baselineBroken: baseline.filter((b) => b.outcome !== 'pass'),
    };
  } finally {
    await session.close();
    await mock.close();
  }
}

/** The same environment, whose requests name the variant (one shared client: one token, one connection pool). */
function underVariant(env: RunEnvironment, variant: MockVariant): RunEnvironment {
  const client = new Proxy(env.client, {
    get(target, property) {
      if (property === 'send') {
        return (spec: Parameters<ApiClient['send']>[0]) =>
          target.send({ ...spec, headers: { ...spec.headers, [VARIANT_HEADER]: variant.name } });
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...env, client };
}
