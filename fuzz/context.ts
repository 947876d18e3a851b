// The fuzz context over a harness session: the scenario context (arrange, send, seeded data, fixtures, shared
// state) that the generators' valid-request builders and arrange helpers take, plus the catalog and the
// observations a run collects.

import { contextFor } from '../harness/run-scenario.ts';
import type { Session } from '../harness/session.ts';
import type { FuzzContext } from './types.ts';

/**
 * The context, with the default credential's token minted first: properties run concurrently, and tokens minted
 * at once by several of them would supersede each other (general.b.login_expired).
 */
export async function fuzzContext(session: Session): Promise<FuzzContext> {
  const { env } = session;
  await env.client.tokenFor('default');
  return {
    ctx: contextFor(env),
    catalog: env.catalog,
    target: env.target,
    entry: (id) => {
      const entry = env.catalog.entryById.get(id);
      if (!entry) throw new Error(`fuzz property names unknown catalog entry "${id}"`);
      return entry;
    },
    drift: [],
    observations: new Map(),
  };
}
