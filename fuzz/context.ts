// The fuzz context over a harness session: the scenario context (arrange, send, seeded data, fixtures, shared
// state) that the generators' valid-request builders and arrange helpers take, plus the catalog and the
// observations a run collects.

import { DataFactory } from '../generators/data.ts';
import { contextFor } from '../harness/run-scenario.ts';
import type { Session } from '../harness/session.ts';
import { currentCase } from './case-scope.ts';
import type { FuzzContext } from './types.ts';

/** Phone numbers the run's cases drew: each case starts at a place of its own, so two may meet; the later moves on. */
const TAKEN_PHONES = new Set<string>();

/** The running case's data factory: one per property, reseeded from the case's key on first use in each case. */
function caseData(): DataFactory | null {
  const state = currentCase();
  if (!state) return null;
  let data = state.perProperty.get('data') as DataFactory | undefined;
  if (!data) {
    data = new DataFactory(0, 0);
    state.perProperty.set('data', data);
  }
  if (!state.perCase.has('data')) {
    data.reseed(state.key % 2 ** 31, state.key % 2 ** 40, TAKEN_PHONES);
    state.perCase.set('data', true);
  }
  return data;
}

/**
 * The context, with the default credential's token minted first: properties run concurrently, and tokens minted
 * at once by several of them would supersede each other (general.b.login_expired).
 */
export async function fuzzContext(session: Session): Promise<FuzzContext> {
  const { env } = session;
  await env.client.tokenFor('default');
  // Without the session's passive recording (success shapes, undocumented answers for results.json): a fuzz run
  // reports neither, and it cost every one of thousands of answers a walk of its body.
  const { onResponse: _passive, ...quiet } = env;
  const ctx = contextFor(quiet);
  // Inside a fuzz case the generators' data comes from the case's own seed (replayable whatever ran before).
  Object.defineProperty(ctx, 'data', { get: () => caseData() ?? env.data });
  return {
    ctx,
    catalog: env.catalog,
    target: env.target,
    entry: (id) => {
      const entry = env.catalog.entryById.get(id);
      if (!entry) throw new Error(`fuzz property names unknown catalog entry "${id}"`);
      return entry;
    },
    drift: [],
    observations: new Map(),
    shapeObservations: new Map(),
  };
}
